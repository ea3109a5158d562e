// `--ready-file PATH` of the servers' CLIs: once a server listens, its actual origin (e.g.
// http://127.0.0.1:41234, the real port when asked for port 0) goes to PATH, so that whoever
// started it knows it is up and where, without probing a port something else may hold.
import { renameSync, writeFileSync } from 'node:fs';

/** Writes text to path whole, then renames it into place: a reader never sees half of it. */
export function writeWhole(path, text) {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}

export function writeReadyFile(path, origin) {
  if (path) writeWhole(path, `${origin}\n`);
}

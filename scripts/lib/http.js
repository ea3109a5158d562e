// HTTP plumbing shared by the emulator, the proxy and the static server.

/**
 * Listens and resolves once bound (rejects if the port is taken).
 * @returns {Promise<{ port: number, origin: string, close(): Promise<void> }>} origin is
 *   http://host:port; close() also drops open connections (keep-alive, hanging requests),
 *   which would otherwise hold it open.
 */
export async function listen(server, { port = 0, host = '127.0.0.1' } = {}) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(); });
  });
  const actual = server.address().port;
  return {
    port: actual,
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`,
    close: () => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

/**
 * Reads a request body of at most `limit` bytes. Past the limit it keeps draining (without
 * storing) up to 16 × limit, so an ordinary client reads the refusal instead of a reset
 * connection, then gives up on the socket.
 * @returns {Promise<Buffer>} rejects with an Error whose code is 'BODY_TOO_LARGE'
 */
export function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * 16) req.destroy();
    });
    req.on('end', () => {
      if (size <= limit) return resolve(Buffer.concat(chunks));
      reject(Object.assign(new Error(`request body over ${limit} bytes`), { code: 'BODY_TOO_LARGE' }));
    });
    req.on('error', reject);
  });
}

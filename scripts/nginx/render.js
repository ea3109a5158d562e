#!/usr/bin/env node
// Writes scripts/nginx/casview-proxy.conf with its "casview:" lines set: page origins, listen
// address, resolver, log paths, and (tests only) a loopback emulator as an extra allowed target.
//
//   node scripts/nginx/render.js --origin https://portal.example.com [--origin …] [--listen 8787]
//        [--resolver 127.0.0.53] [--access-log PATH] [--error-log PATH] > casview-proxy.conf
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { normalizeOrigin } from '../proxy/allowlist.js';

export const TEMPLATE_PATH = fileURLToPath(new URL('./casview-proxy.conf', import.meta.url));

// An origin goes into a quoted nginx string: refuse what could end or escape it.
function origin(text) {
  const normalized = normalizeOrigin(text);
  if (/["\\$\s;{}]/.test(normalized)) throw new Error(`origin not usable in nginx: ${text}`);
  return normalized;
}

/**
 * @param {{ origins?: string[], listen?: string, resolver?: string, accessLog?: string,
 *           errorLog?: string, loopbackPorts?: number[] }} options
 *   loopbackPorts: also forward /http://127.0.0.1:<port>/ to those ports (tests with the emulator).
 * @returns {string} the configuration text
 */
export function renderConf({ origins, listen, resolver, accessLog, errorLog, loopbackPorts } = {}) {
  const set = {
    origin: origins && ((indent) => origins.map((o) => `${indent}"${origin(o)}" $http_origin;  # casview:origin`).join('\n')),
    listen: listen && ((indent) => `${indent}listen ${listen};  # casview:listen`),
    resolver: resolver && ((indent) => `${indent}resolver ${resolver} valid=300s ipv6=off;  # casview:resolver`),
    access_log: accessLog && ((indent) => `${indent}access_log ${accessLog} casview_proxy;  # casview:access_log`),
    error_log: errorLog && ((indent) => `${indent}error_log ${errorLog} crit;  # casview:error_log`),
    loopback: loopbackPorts && ((indent) => loopbackPorts.map((port) => {
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`bad loopback port ${port}`);
      return `${indent}"~^/(?<casview_l>http://127\\.0\\.0\\.1:${port})/?(?:\\?[^#]*)?$" $casview_l;  # casview:loopback (tests)`;
    }).join('\n')),
  };
  return readFileSync(TEMPLATE_PATH, 'utf8').replace(/^(\s*).*# casview:(\w+)\b.*$/gm, (line, indent, name) => {
    if (!(name in set)) throw new Error(`unknown marker casview:${name}`);
    return set[name] ? set[name](indent) : line;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values: opt } = parseArgs({
    options: {
      origin: { type: 'string', multiple: true }, listen: { type: 'string' }, resolver: { type: 'string' },
      'access-log': { type: 'string' }, 'error-log': { type: 'string' },
    },
  });
  process.stdout.write(renderConf({
    origins: opt.origin, listen: opt.listen, resolver: opt.resolver, accessLog: opt['access-log'], errorLog: opt['error-log'],
  }));
}

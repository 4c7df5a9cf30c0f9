#!/usr/bin/env node
// Renders the product's nginx configuration for nginx outside the official image: the same
// templates the image renders with envsubst, into a self-contained prefix directory.
//
//   node nginx/render.mjs <prefix>            (NGINX_* from the environment override the defaults)
//   nginx -p <prefix> -c <prefix>/nginx.conf -g 'daemon off;'
//
// As a module: `renderNginx({ prefix, vars })` returns the path of the main nginx.conf.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Defaults for a plain host: nginx on :8000 in front of one API on 127.0.0.1:3000. */
export const HOST_DEFAULTS = {
  NGINX_LISTEN: '8000',
  NGINX_API_SERVERS: 'server 127.0.0.1:3000 max_fails=3 fail_timeout=5s;',
  NGINX_RESOLVER: '127.0.0.1',
  NGINX_WEB_ROOT: resolve(HERE, '..', 'web', 'dist'),
  NGINX_REAL_IP_FROM: '127.0.0.1',
  NGINX_CODES_RATE: '6r/m',
  NGINX_CODES_BURST: '5',
  NGINX_CODES_RETRY_AFTER: '10',
  NGINX_WORKER_PROCESSES: '1',
  NGINX_MIME_TYPES: '/etc/nginx/mime.types',
};

const PLACEHOLDER = /\$\{(NGINX_[A-Z0-9_]+)\}/g;

/**
 * envsubst restricted to `${NGINX_*}`, as the image does it (NGINX_ENVSUBST_FILTER=^NGINX_), except
 * that a placeholder without a value is an error here rather than an empty string.
 */
export function renderTemplate(text, vars, name = 'template') {
  const missing = new Set();
  const out = text.replace(PLACEHOLDER, (_, key) => {
    const value = vars[key];
    if (value === undefined || value === '') missing.add(key);
    return value ?? '';
  });
  if (missing.size > 0) throw new Error(`${name}: no value for ${[...missing].join(', ')}`);
  return out;
}

/** Writes <prefix>/nginx.conf, conf.d/, snippets/, logs/ and tmp/; returns the nginx.conf path. */
export function renderNginx({ prefix, vars = {} }) {
  const root = resolve(prefix);
  const all = {
    ...HOST_DEFAULTS,
    NGINX_ACCESS_LOG: join(root, 'logs', 'access.log'),
    ...vars,
    NGINX_PREFIX: root,
  };
  for (const dir of ['conf.d', 'snippets', 'logs', 'tmp']) mkdirSync(join(root, dir), { recursive: true });

  const templates = join(HERE, 'templates');
  for (const file of readdirSync(templates).filter((name) => name.endsWith('.template'))) {
    const text = readFileSync(join(templates, file), 'utf8');
    writeFileSync(join(root, 'conf.d', file.replace(/\.template$/, '')), renderTemplate(text, all, file));
  }
  for (const file of readdirSync(join(HERE, 'snippets'))) {
    copyFileSync(join(HERE, 'snippets', file), join(root, 'snippets', file));
  }
  const main = renderTemplate(readFileSync(join(HERE, 'main.conf.template'), 'utf8'), all, 'main.conf.template');
  const confPath = join(root, 'nginx.conf');
  writeFileSync(confPath, main);
  return confPath;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const prefix = process.argv[2];
  if (!prefix) {
    console.error('usage: node nginx/render.mjs <prefix-dir>');
    process.exit(2);
  }
  const vars = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('NGINX_')));
  const conf = renderNginx({ prefix, vars });
  console.log(`rendered ${conf}\nstart: nginx -p ${resolve(prefix)} -c ${conf} -g 'daemon off;'`);
}

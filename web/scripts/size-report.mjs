// Prints every built chunk with its gzip size, and fails the build when the JavaScript the
// sign-in page loads (the entry chunk and its static imports) exceeds the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const BUDGET_KB = Number(process.env.SIGN_IN_JS_BUDGET_KB ?? 150);

const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'));
const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(join(DIST, file));
    sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes).length });
  }
  return sizes.get(file);
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('No entry chunk in the Vite manifest');

// The chunks the sign-in page needs before it can render: the entry and its static imports.
const signIn = new Set();
const css = new Set();
(function walk(key) {
  const chunk = manifest[key];
  if (signIn.has(chunk.file)) return;
  signIn.add(chunk.file);
  for (const file of chunk.css ?? []) css.add(file);
  for (const imported of chunk.imports ?? []) walk(imported);
})(entryKey);

const rows = [];
for (const [key, chunk] of Object.entries(manifest)) {
  for (const file of [chunk.file, ...(chunk.css ?? [])]) {
    if (rows.some((row) => row.file === file)) continue;
    const { raw, gzip } = sizeOf(file);
    const role = signIn.has(file) || css.has(file) ? 'sign-in' : chunk.isDynamicEntry ? `lazy: ${key}` : 'shared lazy';
    rows.push({ file, raw, gzip, role });
  }
}
rows.sort((a, b) => b.gzip - a.gzip);

console.log('\nBuild size report (gzip)');
console.log(`${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}  loaded by`);
for (const row of rows) console.log(`${row.file.padEnd(44)} ${kb(row.raw)} ${kb(row.gzip)}  ${row.role}`);

const signInJs = [...signIn].reduce((sum, file) => sum + sizeOf(file).gzip, 0);
const signInCss = [...css].reduce((sum, file) => sum + sizeOf(file).gzip, 0);
const lazyJs = rows.filter((row) => row.file.endsWith('.js') && !signIn.has(row.file)).reduce((s, r) => s + r.gzip, 0);
console.log(`\nSign-in page JavaScript: ${kb(signInJs).trim()} gzipped (budget ${BUDGET_KB} KB), CSS ${kb(signInCss).trim()}`);
console.log(`Loaded on demand (profile, admin, QR): ${kb(lazyJs).trim()} gzipped`);
if (signInJs > BUDGET_KB * 1024) {
  console.error(`\nFAIL: the sign-in page loads ${kb(signInJs).trim()} of JavaScript, over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}

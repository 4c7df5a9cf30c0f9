// Fails when src/generated/schema.d.ts is not what `npm run gen:api` would produce from the
// server's OpenAPI document (src/generated/openapi.json, exported by `npm run openapi:export`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const spec = join(root, 'src/generated/openapi.json');
const committed = join(root, 'src/generated/schema.d.ts');

if (!existsSync(spec)) {
  console.error('FAIL: src/generated/openapi.json is missing — run `npm run openapi:export` at the repository root.');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'api-types-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  execFileSync(join(root, 'node_modules/.bin/openapi-typescript'), [spec, '-o', fresh], { stdio: 'pipe' });
  const expected = readFileSync(fresh, 'utf8');
  const actual = existsSync(committed) ? readFileSync(committed, 'utf8') : '';
  if (expected !== actual) {
    console.error('FAIL: src/generated/schema.d.ts is stale relative to openapi.json — run `npm --prefix web run gen:api` and commit it.');
    process.exit(1);
  }
  console.log('API types are up to date with src/generated/openapi.json.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

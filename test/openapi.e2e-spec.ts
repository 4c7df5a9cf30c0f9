import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PROBLEM_STATUS } from '../apps/api/src/common/api-problems.decorator';
import { sortKeysDeep } from '../apps/api/src/openapi-order';
import { createTestApp, type TestApp } from './support/app';

const COMMITTED = join(process.cwd(), 'web/src/generated/openapi.json');

/** Every endpoint of ../shared/spec/API.md, as method and OpenAPI path. */
const CONTRACT = [
  'post /api/auth/codes',
  'post /api/auth/verify',
  'post /api/auth/refresh',
  'post /api/auth/logout',
  'get /api/me',
  'post /api/me/invite',
  'get /api/me/referrals',
  'post /api/admin/login',
  'get /api/referrals/{inviteCode}',
  'get /api/admin/users',
  'get /api/admin/stats',
  'post /api/token',
  'post /api/token/refresh',
  'get /api/list',
  'get /api/health/live',
  'get /api/health/ready',
];

describe('the OpenAPI document', () => {
  let t: TestApp;
  let served: Record<string, any>;

  beforeAll(async () => {
    t = await createTestApp();
    served = (await t.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('is the committed one the SPA’s client is generated from (run `npm run openapi:export` after changing the API)', () => {
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8'));
    expect(sortKeysDeep(served)).toEqual(committed);
  });

  it('describes every endpoint of the contract, and nothing else', () => {
    const documented = Object.entries(served.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    expect(documented.sort()).toEqual([...CONTRACT].sort());
  });

  it('documents every error code of the contract as problem+json', () => {
    const text = JSON.stringify(served.paths);
    const missing = Object.keys(PROBLEM_STATUS).filter(
      (code) => !['payload_too_large', 'unsupported_media_type', 'not_found'].includes(code) && !text.includes(`\`${code}\``),
    );
    expect(missing).toEqual([]);
    expect(served.components.schemas.ProblemDto.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code']));
  });

  it('marks every endpoint but the public ones as needing a bearer token', () => {
    const open = new Set(['/api/auth/codes', '/api/auth/verify', '/api/auth/refresh', '/api/auth/logout', '/api/admin/login', '/api/token', '/api/token/refresh', '/api/health/live', '/api/health/ready']);
    for (const [path, operations] of Object.entries(served.paths as Record<string, Record<string, { security?: unknown[] }>>)) {
      for (const operation of Object.values(operations)) {
        expect({ path, secured: Boolean(operation.security?.length) }).toEqual({ path, secured: !open.has(path) });
      }
    }
  });
});

// What nginx itself promises: the SPA and its caching, security headers and CSP, request ids,
// the client address, the body limit and the edge rate limit on asking for codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual } from '../lib/harness.mjs';
import { describeResponse, freshIp, freshPhone, newRequestId } from '../lib/client.mjs';
import { waitFor } from '../lib/processes.mjs';

const SECURITY_HEADERS = {
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^DENY$/,
  'referrer-policy': /^strict-origin-when-cross-origin$/,
  'permissions-policy': /camera=\(\)/,
  'content-security-policy': /default-src 'self'.*script-src 'self';.*frame-ancestors 'none'/,
};

function assertSecurityHeaders(response, what) {
  for (const [name, pattern] of Object.entries(SECURITY_HEADERS)) {
    const value = response.headers.get(name);
    assert(value !== null, `${what}: no ${name}`);
    // fetch joins repeated headers with ", ": a second copy (edge + API) would show here.
    assert(pattern.test(value), `${what}: ${name} is "${value}"`);
  }
}

/** Waits (briefly: logs are written asynchronously) for a line in any replica's log. */
function apiLogLine(stack, matches, what) {
  return waitFor(() => stack.replicas.flatMap((r) => r.proc.output().split('\n')).find(matches), { timeoutMs: 3000, what });
}

export async function checkSpa(t, { client, stack, spaBuilt }) {
  t.section('the SPA through nginx');
  if (!spaBuilt) {
    t.skip('SPA, history fallback and asset caching', 'web/dist is not built (npm run build:web failed or web/ is missing)');
    return;
  }
  const indexHtml = readFileSync(join(stack.webDist, 'index.html'), 'utf8');
  const assets = [...indexHtml.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);

  await t.check('GET / serves index.html, revalidated on every load', async () => {
    const index = await client.get('/');
    assert(index.status === 200, describeResponse('GET /', index));
    assertEqual(index.text, indexHtml, 'body of /');
    assert(/text\/html/.test(index.headers.get('content-type')), `content-type ${index.headers.get('content-type')}`);
    assertEqual(index.headers.get('cache-control'), 'no-cache', 'Cache-Control of index.html');
  });

  await t.check('client-side routes fall back to index.html (/profile, /admin/users/42)', async () => {
    for (const path of ['/profile', '/admin/users/42']) {
      const page = await client.get(path);
      assert(page.status === 200 && page.text === indexHtml, `${path} → ${page.status}, not index.html`);
    }
  });

  await t.check('hashed assets are cached for a year, immutable, and gzipped', async () => {
    assert(assets.length > 0, 'index.html references no /assets/ files');
    for (const asset of assets) {
      const response = await client.get(asset, { headers: { 'accept-encoding': 'gzip' } });
      assert(response.status === 200, describeResponse(`GET ${asset}`, response));
      assertEqual(response.headers.get('cache-control'), 'public, max-age=31536000, immutable', `Cache-Control of ${asset}`);
      if (/\.(js|css)$/.test(asset) && Number(response.text.length) > 1024) {
        assertEqual(response.headers.get('content-encoding'), 'gzip', `Content-Encoding of ${asset}`);
      }
    }
  });

  await t.check('a missing asset is a 404, not index.html; dotfiles are hidden', async () => {
    const missing = await client.get('/assets/does-not-exist-0000.js');
    assertEqual(missing.status, 404, 'GET /assets/does-not-exist-0000.js');
    const manifest = await client.get('/.vite/manifest.json');
    assertEqual(manifest.status, 404, 'GET /.vite/manifest.json');
  });

  await t.check('the SPA fits its CSP: no inline scripts or handlers, everything from this origin', () => {
    const scripts = [...indexHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    for (const [, attributes, body] of scripts) {
      assert(/\ssrc=/.test(attributes) && body.trim() === '', `inline <script> in index.html: ${attributes} ${body.slice(0, 80)}`);
    }
    assert(!/\son[a-z]+\s*=/i.test(indexHtml), 'inline event handler in index.html');
    const external = [...indexHtml.matchAll(/(?:src|href)="(https?:)?\/\/[^"]+"/g)].map((m) => m[0]);
    assertEqual(external, [], 'cross-origin references in index.html');
  });

  await t.check('SPA responses carry the security headers and CSP', async () => {
    assertSecurityHeaders(await client.get('/profile'), 'GET /profile');
    if (assets[0]) assertSecurityHeaders(await client.get(assets[0]), `GET ${assets[0]}`);
  });
}

export async function checkEdge(t, { client, stack }) {
  t.section('edge behaviour (nginx)');

  await t.check('API answers carry the security headers exactly once', async () => {
    assertSecurityHeaders(await client.get('/api/health/ready'), 'GET /api/health/ready');
    assertSecurityHeaders(await client.get('/api/me'), 'GET /api/me (401)');
  });

  await t.check('X-Request-Id is passed through to the API and back', async () => {
    const requestId = newRequestId();
    // Health probes are not logged by the API; an unauthenticated /api/me is.
    const response = await client.get('/api/me', { requestId });
    assertEqual(response.headers.get('x-request-id'), requestId, 'X-Request-Id echoed');
    await apiLogLine(stack, (line) => line.includes(requestId), `an API log line carrying ${requestId}`);
  });

  await t.check('nginx makes a request id when there is none (or it is not a sane id)', async () => {
    for (const headers of [{}, { 'x-request-id': 'bad id with spaces' }]) {
      const response = await fetch(`${client.baseUrl}/api/me`, { headers });
      const id = response.headers.get('x-request-id') ?? '';
      await response.arrayBuffer();
      assert(/^[0-9a-f]{32}$/.test(id), `X-Request-Id "${id}" for ${JSON.stringify(headers)}`);
      await apiLogLine(stack, (line) => line.includes(id), `an API log line carrying nginx's id ${id}`);
    }
  });

  await t.check('the client address reaches the API (X-Forwarded-For/X-Real-IP, trusted from nginx only)', async () => {
    const ip = freshIp();
    const requestId = newRequestId();
    await client.post('/api/auth/codes', { phone: freshPhone() }, { ip, requestId });
    await apiLogLine(stack, (l) => l.includes(requestId) && l.includes(`"${ip}"`), `an API log line with ${requestId} and the client address ${ip}`);
    const entry = stack.accessEntries().find((e) => e.request_id === requestId);
    assertEqual(entry?.client, ip, 'nginx access log client');
  });

  await t.check('a body over 16 KiB is refused at the edge with problem+json 413', async () => {
    const response = await client.request('POST', '/api/auth/codes', {
      ip: freshIp(),
      headers: { 'content-type': 'application/json' },
      json: { phone: 'x'.repeat(17 * 1024) },
    });
    assertEqual(response.status, 413, 'status');
    assert(/application\/problem\+json/.test(response.headers.get('content-type')), `content-type ${response.headers.get('content-type')}`);
    assertEqual(response.body?.code, 'payload_too_large', 'code');
  });

  await t.check('POST /api/auth/codes is rate-limited at the edge: 429 problem+json with Retry-After', async () => {
    const ip = freshIp();
    // Malformed phones: the API refuses them (400) without issuing anything.
    const answers = await Promise.all(Array.from({ length: 14 }, () => client.post('/api/auth/codes', { phone: 'not a phone' }, { ip })));
    const limited = answers.filter((a) => a.status === 429);
    const passed = answers.filter((a) => a.status === 400);
    assert(passed.length >= 1 && passed.length <= 7, `expected the burst (1 + 5) to pass, got ${passed.length} × 400`);
    assertEqual(limited.length + passed.length, answers.length, 'every answer is 400 or 429');
    for (const answer of limited) {
      assertEqual(answer.body, { type: 'about:blank', title: 'Too many requests', status: 429, code: 'rate_limited' }, '429 body');
      assert(/application\/problem\+json/.test(answer.headers.get('content-type')), 'problem+json');
      assert(Number(answer.headers.get('retry-after')) > 0, `Retry-After "${answer.headers.get('retry-after')}"`);
    }
    const other = await client.post('/api/auth/codes', { phone: 'not a phone' }, { ip: freshIp() });
    assertEqual(other.status, 400, 'another client address is not limited');
    const get = await client.get('/api/auth/codes', { ip });
    assert(get.status !== 429, 'only POST is limited at the edge');
  });
}

// The API's main journeys through nginx: phone sign-in, profile, activation, admin, seed-compatible list.
import { assert, assertEqual } from '../lib/harness.mjs';
import { ADMIN } from '../lib/stack.mjs';
import { describeResponse, freshIp, freshPhone } from '../lib/client.mjs';

async function signIn(client, ids) {
  const phone = freshPhone();
  const ip = freshIp();
  const sent = await client.post('/api/auth/codes', { phone }, { ip });
  ids.push(sent.requestId);
  assert(sent.status === 202, describeResponse('POST /api/auth/codes', sent));
  assertEqual(sent.body.phone, phone, 'normalised phone');
  assert(/^\d{4,8}$/.test(sent.body.devCode ?? ''), `demo mode must return devCode: ${sent.text}`);

  const verified = await client.post('/api/auth/verify', { phone, code: sent.body.devCode }, { ip });
  ids.push(verified.requestId);
  assert(verified.status === 200, describeResponse('POST /api/auth/verify', verified));
  assertEqual(verified.body.isNewUser, true, 'isNewUser');
  assertEqual(verified.body.tokenType, 'Bearer', 'tokenType');
  return { phone, ip, session: verified.body, setCookie: verified.headers.get('set-cookie') ?? '' };
}

export async function checkJourney(t, { client, stack }) {
  t.section('main journey through nginx');
  const state = { requestIds: [] };
  const ids = state.requestIds;

  await t.check('a phone signs in with the demo code (code → verify)', async () => {
    state.alice = await signIn(client, ids);
    state.bob = await signIn(client, ids);
  });
  if (!state.alice || !state.bob) return state;

  await t.check('the refresh cookie passes nginx: HttpOnly, SameSite=Strict, Path=/api/auth, Secure in production', () => {
    const cookie = state.alice.setCookie;
    assert(/refresh_token=/.test(cookie), `no refresh_token cookie: ${cookie}`);
    for (const part of [/HttpOnly/i, /SameSite=Strict/i, /Path=\/api\/auth/i, /Secure/i]) assert(part.test(cookie), `cookie lacks ${part}: ${cookie}`);
  });

  await t.check('GET /api/me answers the signed-in profile', async () => {
    const me = await client.get('/api/me', { token: state.alice.session.accessToken, ip: state.alice.ip });
    ids.push(me.requestId);
    assert(me.status === 200, describeResponse('GET /api/me', me));
    assertEqual(me.body.phone, state.alice.phone, 'me.phone');
    assertEqual(me.body.invitedBy, null, 'me.invitedBy');
    assert(/^[0-9A-HJKMNP-TV-Z]{6}$/.test(me.body.inviteCode), `invite code ${me.body.inviteCode}`);
    state.aliceCode = me.body.inviteCode;
  });

  await t.check("another user activates Alice's invite code (case-insensitive)", async () => {
    const activated = await client.post('/api/me/invite', { inviteCode: state.aliceCode.toLowerCase() }, { token: state.bob.session.accessToken, ip: state.bob.ip });
    ids.push(activated.requestId);
    assert(activated.status === 200, describeResponse('POST /api/me/invite', activated));
    assertEqual(activated.body.invitedBy?.inviteCode, state.aliceCode, 'invitedBy.inviteCode');

    const again = await client.post('/api/me/invite', { inviteCode: state.aliceCode }, { token: state.bob.session.accessToken, ip: state.bob.ip });
    ids.push(again.requestId);
    assert(again.status === 409 && again.body?.code === 'invite_already_activated', describeResponse('second activation', again));
  });

  await t.check('the admin signs in (POST /api/admin/login and the seed-compatible POST /api/token)', async () => {
    const ip = freshIp();
    const login = await client.post('/api/admin/login', ADMIN, { ip });
    ids.push(login.requestId);
    assert(login.status === 200, describeResponse('POST /api/admin/login', login));
    assertEqual(login.body.admin?.username, ADMIN.username, 'admin.username');

    const token = await client.request('POST', '/api/token/', { form: ADMIN, ip });
    ids.push(token.requestId);
    assert(token.status === 200 && token.body?.access && token.body?.refresh, describeResponse('POST /api/token/ (form)', token));
    state.adminToken = token.body.access;
  });

  await t.check('GET /api/list?invite_cod=… lists who activated the code (seed-compatible)', async () => {
    const list = await client.get(`/api/list?invite_cod=${state.aliceCode.toLowerCase()}`, { token: state.adminToken, ip: freshIp() });
    ids.push(list.requestId);
    assert(list.status === 200, describeResponse('GET /api/list', list));
    assertEqual(list.body, [{ telephone: state.bob.phone }], '/api/list body');

    const forbidden = await client.get(`/api/list?invite_cod=${state.aliceCode}`, { token: state.alice.session.accessToken, ip: state.alice.ip });
    assert(forbidden.status === 403 && forbidden.body?.code === 'forbidden', describeResponse('user token on /api/list', forbidden));
  });

  await t.check('nginx spread the journey over both replicas', () => {
    const served = stack.upstreamsOf(ids);
    const expected = stack.replicas.map((r) => r.address);
    for (const address of expected) assert(served.has(address), `replica ${address} served none of the journey (served: ${[...served].join(', ')})`);
  });
  return state;
}

// The contract's limits holding across two replicas behind nginx: per phone (cooldown, hourly),
// codes per client IP (PostgreSQL), and per-IP request limits (Redis).
import { assert, assertEqual } from '../lib/harness.mjs';
import { OTP_POLICY } from '../lib/stack.mjs';
import { describeResponse, freshIp, freshPhone } from '../lib/client.mjs';
import { sleep } from '../lib/processes.mjs';

const RESEND_MS = Number(OTP_POLICY.OTP_RESEND_SECONDS) * 1000 + 300;
const PER_PHONE = Number(OTP_POLICY.OTP_MAX_PER_PHONE_PER_HOUR);
const PER_IP = Number(OTP_POLICY.OTP_MAX_PER_IP_PER_HOUR);
const RATE_LIMIT_PREFIX = 'referral:rate-limit:';

function assertRateLimited(response, what) {
  assert(response.status === 429 && response.body?.code === 'rate_limited', describeResponse(what, response));
  assert(Number(response.headers.get('retry-after')) > 0, `${what}: Retry-After "${response.headers.get('retry-after')}"`);
}

function assertBothReplicas(stack, ids, what) {
  const served = stack.upstreamsOf(ids);
  for (const replica of stack.replicas.filter((r) => r.proc.alive)) {
    assert(served.has(replica.address), `${what}: replica ${replica.address} got none of these requests (served: ${[...served].join(', ')})`);
  }
}

export async function checkLimits(t, { client, stack }) {
  t.section(`limits across both replicas (OTP_RESEND_SECONDS=${OTP_POLICY.OTP_RESEND_SECONDS}, per phone ${PER_PHONE}/h, per IP ${PER_IP}/h)`);

  await t.check('per phone: the resend cooldown and the hourly cap hold whichever replica answers', async () => {
    const phone = freshPhone();
    const ids = [];
    const ask = async () => {
      // A new client address each time: the phone's limits do not depend on where asks come from.
      const response = await client.post('/api/auth/codes', { phone }, { ip: freshIp() });
      ids.push(response.requestId);
      return response;
    };
    const first = await ask();
    assert(first.status === 202, describeResponse('first code', first));
    assertRateLimited(await ask(), 'a second code within the cooldown');
    for (let issued = 2; issued <= PER_PHONE; issued++) {
      await sleep(RESEND_MS);
      const next = await ask();
      assert(next.status === 202, describeResponse(`code ${issued} after the cooldown`, next));
    }
    await sleep(RESEND_MS);
    assertRateLimited(await ask(), `code ${PER_PHONE + 1} within the hour`);
    assertBothReplicas(stack, ids, 'per-phone requests');
  });

  await t.check('per client IP: at most OTP_MAX_PER_IP_PER_HOUR codes, counted across replicas', async () => {
    const ip = freshIp();
    const ids = [];
    const answers = [];
    for (let i = 0; i <= PER_IP; i++) {
      const response = await client.post('/api/auth/codes', { phone: freshPhone() }, { ip });
      ids.push(response.requestId);
      answers.push(response);
    }
    assertEqual(answers.slice(0, PER_IP).map((a) => a.status), Array(PER_IP).fill(202), `the first ${PER_IP} codes`);
    assertRateLimited(answers[PER_IP], `code ${PER_IP + 1} from one address`);
    assertBothReplicas(stack, ids, 'per-IP code requests');
    const elsewhere = await client.post('/api/auth/codes', { phone: freshPhone() }, { ip: freshIp() });
    assertEqual(elsewhere.status, 202, 'another address is not limited');
  });

  await t.check('per-IP request limit (admin login) is shared through Redis by both replicas', async () => {
    const ip = freshIp();
    const ids = [];
    const statuses = [];
    let limited;
    for (let attempt = 1; attempt <= 80 && !limited; attempt++) {
      const response = await client.post('/api/admin/login', { username: 'nobody-here', password: 'wrong-password' }, { ip });
      ids.push(response.requestId);
      statuses.push(response.status);
      if (response.status === 429) limited = response;
      else assert(response.status === 401, describeResponse(`admin login attempt ${attempt}`, response));
    }
    assert(limited, `no 429 after ${statuses.length} wrong admin logins from one address: is LimitPerIp on POST /api/admin/login?`);
    assertRateLimited(limited, 'admin login over the per-IP limit');
    const allowed = statuses.filter((s) => s === 401).length;

    // The replica that did not answer last refuses as well: the count is one, not one per process.
    for (let i = 0; i < 2; i++) {
      const again = await client.post('/api/admin/login', { username: 'nobody-here', password: 'wrong-password' }, { ip });
      ids.push(again.requestId);
      statuses.push(again.status);
      assertRateLimited(again, 'admin login after the limit, next replica');
    }
    assertBothReplicas(stack, ids, 'admin login attempts');

    const redis = stack.redis();
    try {
      await redis.connect();
      const keys = (await redis.keys(`${RATE_LIMIT_PREFIX}*`)).filter((key) => key.endsWith(`:${ip}`));
      assert(keys.length > 0, `no Redis counter for ${ip} under ${RATE_LIMIT_PREFIX}`);
      const counts = await Promise.all(keys.map((key) => redis.get(key)));
      const total = Math.max(...counts.map(Number));
      assertEqual(total, statuses.length, `Redis count for ${ip} (every attempt on either replica, ${allowed} allowed)`);
      assert((await redis.pttl(keys[0])) > 0, 'the counter has a TTL');
    } finally {
      redis.disconnect();
    }
  });
}

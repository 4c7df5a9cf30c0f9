// A rolling restart under load: SIGTERM one replica while 40 clients keep calling through nginx,
// start its replacement on the same address, and count failures (there must be none).
import { assert } from '../lib/harness.mjs';
import { sleep } from '../lib/processes.mjs';

const CONCURRENCY = 40;
const MIN_DURATION_MS = 10_000;
const MAX_DURATION_MS = 45_000;

/** Runs `CONCURRENCY` loops until `until()` resolves; each loop alternates readiness and /api/me. */
function runLoad(client, { token, until }) {
  const stats = { total: 0, failures: [], statuses: new Map() };
  let stop = false;
  until.then(() => {
    stop = true;
  });
  const worker = async (n) => {
    const ip = `192.0.2.${n + 1}`;
    for (let i = 0; !stop; i++) {
      const path = i % 2 ? '/api/me' : '/api/health/ready';
      const startedAt = Date.now();
      try {
        const response = await client.get(path, { ip, token: path === '/api/me' ? token : undefined, timeoutMs: 10_000 });
        stats.statuses.set(response.status, (stats.statuses.get(response.status) ?? 0) + 1);
        if (response.status !== 200) stats.failures.push(`${path} → ${response.status} ${response.text.slice(0, 120)} (${response.requestId})`);
      } catch (error) {
        stats.failures.push(`${path} → ${error.cause?.code ?? error.name} after ${Date.now() - startedAt} ms`);
      }
      stats.total += 1;
    }
  };
  return Promise.all(Array.from({ length: CONCURRENCY }, (_, n) => worker(n))).then(() => stats);
}

export async function checkRollingRestart(t, { client, stack, token }) {
  t.section(`rolling restart under load (${CONCURRENCY} concurrent clients through nginx)`);
  if (!token) {
    t.skip('rolling restart', 'no signed-in user from the journey');
    return;
  }

  await t.check('SIGTERM one replica and start its replacement: zero failed requests', async () => {
    const victim = stack.liveReplica(0);
    assert(victim, 'replica 0 is not running');
    const events = [];
    const began = Date.now();
    const mark = (what) => events.push(`${((Date.now() - began) / 1000).toFixed(1)}s ${what}`);
    let replacement;
    let exit;

    const restart = (async () => {
      await sleep(2000);
      mark(`SIGTERM api-0 (pid ${victim.proc.pid})`);
      victim.proc.signal('SIGTERM');
      const exited = await Promise.race([victim.proc.exited, sleep(20_000).then(() => null)]);
      if (!exited) throw new Error('api-0 did not exit within 20 s of SIGTERM');
      mark(`api-0 exited (code ${exited.code}, signal ${exited.signal})`);
      exit = exited;
      replacement = await stack.startReplica(0, victim.port);
      mark(`replacement api-0 ready (pid ${replacement.proc.pid})`);
      // Let traffic reach the replacement (nginx retries a failed server after fail_timeout = 5 s).
      await sleep(Math.max(6000, MIN_DURATION_MS - (Date.now() - began)));
    })();
    const finished = Promise.race([restart.catch(() => undefined), sleep(MAX_DURATION_MS)]);
    const stats = await runLoad(client, { token, until: finished });
    await restart;
    mark(`load stopped after ${stats.total} requests`);

    const statuses = [...stats.statuses].map(([status, count]) => `${status}×${count}`).join(', ');
    console.log(`      ${events.join('\n      ')}\n      statuses: ${statuses}`);
    assert(stats.failures.length === 0, `${stats.failures.length} of ${stats.total} requests failed:\n${[...new Set(stats.failures)].slice(0, 15).join('\n')}`);
    assert(stats.total >= 400, `only ${stats.total} requests were made: the load did not run`);
    // A drain that finished is a clean exit; being killed by the signal means it was not drained.
    assert(exit?.code === 0, `api-0 ended with code ${exit?.code}, signal ${exit?.signal} after SIGTERM (expected exit code 0 after draining)`);

    // The API logs every request but health probes: the replacement must have served /api/me.
    const served = (replacement?.proc.output() ?? '').split('\n').filter((line) => line.includes('"path":"/api/me"'));
    assert(served.length > 0, 'the replacement served no /api/me request: nginx never came back to it');
    console.log(`      the replacement served ${served.length} × /api/me`);
  });
}

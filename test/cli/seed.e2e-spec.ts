import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateInviteCode, INVITE_ALPHABET, normalizePhone } from '@app/common';
import { seed, type SeedSummary } from '../../apps/cli/src/commands/seed.command';
import { CliError } from '../../apps/cli/src/cli-errors';
import { syntheticPhone } from '../../apps/cli/src/seed/synthetic-phone';
import { captureIo, openCliDatabase, type CliDatabase } from './cli-harness';

const INVITE_CODE = new RegExp(`^[${INVITE_ALPHABET}]{6}$`);

describe('cli seed', () => {
  let cli: CliDatabase;

  beforeAll(async () => {
    cli = await openCliDatabase();
  });

  afterAll(async () => {
    await cli.close();
  });

  async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
    const rows = (await cli.dataSource.query(sql, params)) as T[];
    return rows[0]!;
  }

  async function count(where = 'true'): Promise<number> {
    return (await one<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE ${where}`)).n;
  }

  /** Every rule of the seeded data, checked over the whole table. */
  async function expectConsistentData(): Promise<void> {
    const violations = await one<Record<string, number>>(`
      SELECT
        (SELECT count(*)::int FROM users u JOIN users r ON r.id = u.referrer_id
          WHERE NOT (r.created_at < u.created_at AND u.activated_at > u.created_at
                     AND u.activated_at > r.created_at AND u.activated_at <= now())) AS bad_activation,
        (SELECT count(*)::int FROM users u
          WHERE u.referrals_count <> (SELECT count(*) FROM users r WHERE r.referrer_id = u.id)) AS wrong_count,
        (SELECT count(*)::int FROM users
          WHERE created_at < now() - interval '90 days 1 minute' OR created_at > now()) AS outside_window`);
    expect(violations).toEqual({ bad_activation: 0, wrong_count: 0, outside_window: 0 });

    // No cycles: walking up from every user ends at a user nobody invited, never back at the start.
    const cycles = await one<{ n: number }>(`
      WITH RECURSIVE chain (start_id, id, depth) AS (
        SELECT id, referrer_id, 1 FROM users WHERE referrer_id IS NOT NULL
        UNION ALL
        SELECT chain.start_id, u.referrer_id, chain.depth + 1
        FROM chain JOIN users u ON u.id = chain.id
        WHERE u.referrer_id IS NOT NULL AND chain.id <> chain.start_id AND chain.depth < 100000
      )
      SELECT count(*)::int AS n FROM chain WHERE id = start_id`);
    expect(cycles.n).toBe(0);

    const rows = (await cli.dataSource.query(`SELECT phone, invite_code FROM users`)) as { phone: string; invite_code: string }[];
    expect(rows.filter((row) => !INVITE_CODE.test(row.invite_code))).toEqual([]);
    expect(rows.filter((row) => !/^\+79\d{9}$/.test(row.phone) || normalizePhone(row.phone, 'RU') !== row.phone)).toEqual([]);
  }

  it('adds exactly N users, 60% of them activated by an earlier user, with correct counts', async () => {
    const io = captureIo();
    // Batches of 700 exercise both referrers from an earlier batch and within the same batch.
    const summary = await seed(cli.dataSource, { users: 2000, referralRate: 0.6 }, io, { batchSize: 700 });
    expect(summary).toMatchObject({ users: 2000, activations: 1200, countsCorrected: 0 });
    expect(await count()).toBe(2000);
    expect(await count('referrer_id IS NOT NULL')).toBe(1200);
    expect(await count('activated_at IS NOT NULL')).toBe(1200);
    expect(await count('referrals_count > 0')).toBeGreaterThan(300);
    await expectConsistentData();
    expect(io.out()).toMatch(/^Seeded 2,000 users \(1,200 activated\) in \d+\.\d s, [\d,]+ users\/s\.\n$/);
    expect(io.err()).toContain('Seeding users: 2,000/2,000 (100%)');
  });

  it('adds N more on a second run, without conflicts, keeping every rule', async () => {
    const summary = await seed(cli.dataSource, { users: 2000, referralRate: 0.6 }, captureIo());
    expect(summary).toMatchObject({ users: 2000, activations: 1200, countsCorrected: 0 });
    expect(await count()).toBe(4000);
    expect(await count('referrer_id IS NOT NULL')).toBe(2400);
    await expectConsistentData();
  });

  it('retries rows whose phone or invite code is taken until all N are in', async () => {
    const taken = await one<{ phone: string; invite_code: string }>(`SELECT phone, invite_code FROM users LIMIT 1`);
    let phones = 0;
    let codes = 0;
    // The first 50 rows reuse an existing phone and code: each must be skipped and retried.
    const identities = {
      phone: () => (phones++ < 50 ? taken.phone : syntheticPhone()),
      inviteCode: () => (codes++ < 50 ? taken.invite_code : generateInviteCode()),
    };
    const io = captureIo();
    const summary: SeedSummary = await seed(cli.dataSource, { users: 500, referralRate: 0.6 }, io, { batchSize: 200, identities });
    expect(summary.collisions).toBeGreaterThanOrEqual(50);
    expect(io.err()).toMatch(/Retried \d+ rows whose phone or invite code was already taken/);
    expect(await count()).toBe(4500);
    expect(await count('referrer_id IS NOT NULL')).toBe(2700);
    await expectConsistentData();
  });

  it('writes nothing when it cannot finish', async () => {
    const taken = await one<{ phone: string }>(`SELECT phone FROM users LIMIT 1`);
    const identities = { phone: () => taken.phone, inviteCode: generateInviteCode };
    const attempt = seed(cli.dataSource, { users: 300, referralRate: 0.6 }, captureIo(), { batchSize: 100, identities });
    await expect(attempt).rejects.toThrow(CliError);
    await expect(attempt).rejects.toThrow(/could not find free phone numbers or invite codes/);
    expect(await count()).toBe(4500);
  });

  it('seeds without activations at rate 0', async () => {
    const summary = await seed(cli.dataSource, { users: 100, referralRate: 0 }, captureIo());
    expect(summary.activations).toBe(0);
    expect(await count()).toBe(4600);
    expect(await count('referrer_id IS NOT NULL')).toBe(2700);
  });
});

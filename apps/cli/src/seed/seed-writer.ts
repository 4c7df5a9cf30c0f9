import { randomUUID } from 'node:crypto';
import { CliError } from '../cli-errors';
import type { SeedPlan } from './seed-plan';
import type { SqlSession } from './sql-session';

/** Fresh phones and invite codes; injectable so a test can force collisions. */
export interface IdentitySource {
  phone(): string;
  inviteCode(): string;
}

/** Collisions are about 1 in 2,000 rows at a million users; ten rounds in a row means a full space. */
const MAX_ATTEMPTS = 10;

// One statement per batch: arrays in, rows out. ON CONFLICT DO NOTHING (no target) skips a row
// that collides on any unique key — phone, invite code, even the id — and RETURNING says which
// rows made it, so only the shortfall is retried. Times travel as epoch milliseconds.
const INSERT_USERS = `
  INSERT INTO users (id, phone, invite_code, created_at, referrer_id, activated_at, referrals_count)
  SELECT id, phone, code, to_timestamp(created_ms / 1000), referrer_id, to_timestamp(activated_ms / 1000), referrals
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::float8[], $5::uuid[], $6::float8[], $7::int[])
    AS t(id, phone, code, created_ms, referrer_id, activated_ms, referrals)
  ON CONFLICT DO NOTHING
  RETURNING id`;

// Activations whose referrer is in the same batch: set once the whole batch is in, because a
// referrer skipped by ON CONFLICT would otherwise fail the batch's foreign key check.
const ACTIVATE_WITHIN_BATCH = `
  UPDATE users AS u
  SET referrer_id = t.referrer_id, activated_at = to_timestamp(t.activated_ms / 1000)
  FROM unnest($1::uuid[], $2::uuid[], $3::float8[]) AS t(id, referrer_id, activated_ms)
  WHERE u.id = t.id AND u.referrer_id IS NULL`;

// The counts were planned in memory and inserted with the rows; this recomputes them for every
// user from the rows themselves and writes only the ones that differ (normally none).
const RECOMPUTE_REFERRALS_COUNT = `
  WITH actual AS (
    SELECT referrer_id AS id, count(*)::int AS referrals FROM users WHERE referrer_id IS NOT NULL GROUP BY referrer_id
  ), fixed AS (
    UPDATE users AS u SET referrals_count = actual.referrals
    FROM actual WHERE u.id = actual.id AND u.referrals_count <> actual.referrals
    RETURNING u.id
  ), zeroed AS (
    UPDATE users AS u SET referrals_count = 0
    WHERE u.referrals_count > 0 AND NOT EXISTS (SELECT 1 FROM users AS r WHERE r.referrer_id = u.id)
    RETURNING u.id
  )
  SELECT (SELECT count(*) FROM fixed)::int + (SELECT count(*) FROM zeroed)::int AS corrected`;

/**
 * Writes a `SeedPlan` batch by batch, in sign-up order, so a referrer in an earlier batch is
 * already in the table when its referrals are inserted.
 */
export class SeedWriter {
  private readonly ids: string[];
  /** Rows skipped on a collision and inserted again with a fresh phone, code and id. */
  collisions = 0;

  constructor(
    private readonly sql: SqlSession,
    private readonly plan: SeedPlan,
    private readonly identities: IdentitySource,
  ) {
    this.ids = new Array<string>(plan.size);
  }

  /** Inserts slots [start, end), then the activations that point inside that range. */
  async writeBatch(start: number, end: number): Promise<void> {
    let pending = range(start, end);
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        throw new CliError(`could not find free phone numbers or invite codes for ${pending.length} users; is the space exhausted?`);
      }
      if (attempt > 1) this.collisions += pending.length;
      const inserted = await this.insert(pending, start);
      pending = pending.filter((slot) => !inserted.has(this.ids[slot]!));
    }
    await this.activateWithinBatch(start, end);
  }

  async recomputeReferralCounts(): Promise<number> {
    const { rows } = await this.sql.query<{ corrected: number }>(RECOMPUTE_REFERRALS_COUNT);
    return rows[0]?.corrected ?? 0;
  }

  private async insert(slots: number[], batchStart: number): Promise<Set<string>> {
    const columns = { id: [] as string[], phone: [] as string[], code: [] as string[], created: [] as number[] };
    const referrerIds: (string | null)[] = [];
    const activated: (number | null)[] = [];
    const referrals: number[] = [];
    for (const slot of slots) {
      this.ids[slot] = randomUUID();
      columns.id.push(this.ids[slot]!);
      columns.phone.push(this.identities.phone());
      columns.code.push(this.identities.inviteCode());
      columns.created.push(this.plan.createdAt[slot]!);
      const invitedBy = this.plan.referrer[slot]!;
      const known = invitedBy >= 0 && invitedBy < batchStart;
      referrerIds.push(known ? this.ids[invitedBy]! : null);
      activated.push(known ? this.plan.activatedAt[slot]! : null);
      referrals.push(this.plan.referralsCount[slot]!);
    }
    const { rows } = await this.sql.query<{ id: string }>(INSERT_USERS, [
      columns.id, columns.phone, columns.code, columns.created, referrerIds, activated, referrals,
    ]);
    return new Set(rows.map((row) => row.id));
  }

  private async activateWithinBatch(start: number, end: number): Promise<void> {
    const ids: string[] = [];
    const referrerIds: string[] = [];
    const activated: number[] = [];
    for (let slot = start; slot < end; slot++) {
      const invitedBy = this.plan.referrer[slot]!;
      if (invitedBy < start) continue;
      ids.push(this.ids[slot]!);
      referrerIds.push(this.ids[invitedBy]!);
      activated.push(this.plan.activatedAt[slot]!);
    }
    if (ids.length === 0) return;
    const { rowCount } = await this.sql.query(ACTIVATE_WITHIN_BATCH, [ids, referrerIds, activated]);
    if (rowCount !== ids.length) throw new CliError(`expected ${ids.length} activations in a batch, wrote ${rowCount}`);
  }
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, index) => start + index);
}

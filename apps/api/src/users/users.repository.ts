import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/database';
import type { KeysetPosition } from '@app/common';
import type { DailyCount, ReferralRecord, UserListRecord, UserProfile, UserSearch } from './users.types';

/** The microsecond-exact text of a timestamp, used as the keyset sort key. */
const sortKey = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const PROFILE_COLUMNS = `
  u.id, u.phone, u.invite_code, u.referrer_id, u.activated_at, u.referrals_count, u.created_at,
  r.invite_code AS referrer_invite_code`;

interface ProfileRow {
  id: string;
  phone: string;
  invite_code: string;
  referrer_id: string | null;
  activated_at: Date | null;
  referrals_count: number;
  created_at: Date;
  referrer_invite_code: string | null;
}


/** Every query on the `users` table. Race-sensitive writes are single conditional statements. */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: TransactionHost) {}

  async findProfileById(id: string): Promise<UserProfile | null> {
    return this.findProfile('u.id = $1', id);
  }

  async findProfileByPhone(phone: string): Promise<UserProfile | null> {
    return this.findProfile('u.phone = $1', phone);
  }

  async findProfileByInviteCode(inviteCode: string): Promise<UserProfile | null> {
    return this.findProfile('u.invite_code = $1', inviteCode);
  }

  /**
   * Inserts a user unless the phone or the invite code is taken (either conflict does nothing).
   * Returns the new id, or null so the caller can tell which conflict it was.
   */
  async insertIfAbsent(phone: string, inviteCode: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.manager.query(
      `INSERT INTO users (phone, invite_code) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id`,
      [phone, inviteCode],
    );
    return rows[0]?.id ?? null;
  }

  async lockActivations(): Promise<void> {
    await this.db.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('users:activation', 0))`);
  }

  /** True when `candidateId` is `userId` or invited it, directly or through a chain of invites. */
  async isInChainAbove(userId: string, candidateId: string): Promise<boolean> {
    const rows: { found: boolean }[] = await this.db.manager.query(
      `WITH RECURSIVE chain (id, referrer_id, depth) AS (
         SELECT id, referrer_id, 0 FROM users WHERE id = $1
         UNION ALL
         SELECT u.id, u.referrer_id, c.depth + 1 FROM users u JOIN chain c ON u.id = c.referrer_id
         WHERE c.depth < 100000
       )
       SELECT EXISTS (SELECT 1 FROM chain WHERE id = $2) AS found`,
      [userId, candidateId],
    );
    return rows[0]?.found === true;
  }

  /** Sets the referrer only if none is set yet: the database decides the one winner. */
  async activateReferrer(userId: string, referrerId: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const result: [unknown[], number] = await this.db.manager.query(
      `UPDATE users SET referrer_id = $2, activated_at = now()
       WHERE id = $1 AND referrer_id IS NULL`,
      [userId, referrerId],
    );
    return result[1] === 1;
  }

  async incrementReferralsCount(userId: string): Promise<void> {
    await this.db.manager.query(`UPDATE users SET referrals_count = referrals_count + 1 WHERE id = $1`, [userId]);
  }

  /** Users who activated `referrerId`'s code, newest activation first, keyset-paginated. */
  async listReferralsNewestFirst(referrerId: string, limit: number, after?: KeysetPosition): Promise<ReferralRecord[]> {
    const params: unknown[] = [referrerId, limit];
    let position = '';
    if (after) {
      params.push(after.at, after.id);
      position = `AND (activated_at, id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows: { id: string; phone: string; activated_at: Date; sort_key: string }[] = await this.db.manager.query(
      `SELECT id, phone, activated_at, ${sortKey('activated_at')} AS sort_key
       FROM users WHERE referrer_id = $1 ${position}
       ORDER BY activated_at DESC, id DESC LIMIT $2`,
      params,
    );
    return rows.map((row) => ({ id: row.id, phone: row.phone, activatedAt: row.activated_at, sortKey: row.sort_key }));
  }

  /** Phones of everyone who activated the code, oldest activation first (the seed's /api/list). */
  async listReferralPhonesOldestFirst(inviteCode: string): Promise<string[]> {
    const rows: { phone: string }[] = await this.db.manager.query(
      `SELECT u.phone FROM users u JOIN users owner ON owner.id = u.referrer_id
       WHERE owner.invite_code = $1
       ORDER BY u.activated_at, u.id`,
      [inviteCode],
    );
    return rows.map((row) => row.phone);
  }

  /** The admin table: newest sign-up first, filtered by phone digits or an invite-code prefix. */
  async listUsersNewestFirst(search: UserSearch, limit: number, after?: KeysetPosition): Promise<UserListRecord[]> {
    const { where, params } = this.searchFilter(search);
    let position = '';
    if (after) {
      params.push(after.at, after.id);
      position = `AND (u.created_at, u.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit);
    const rows: (ProfileRow & { sort_key: string })[] = await this.db.manager.query(
      `SELECT ${PROFILE_COLUMNS}, ${sortKey('u.created_at')} AS sort_key
       FROM users u LEFT JOIN users r ON r.id = u.referrer_id
       WHERE ${where} ${position}
       ORDER BY u.created_at DESC, u.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      phone: row.phone,
      inviteCode: row.invite_code,
      invitedBy: row.referrer_invite_code,
      referralsCount: row.referrals_count,
      createdAt: row.created_at,
      sortKey: row.sort_key,
    }));
  }

  async countUsers(search: UserSearch): Promise<number> {
    const { where, params } = this.searchFilter(search);
    const rows: { total: string }[] = await this.db.manager.query(`SELECT count(*) AS total FROM users u WHERE ${where}`, params);
    return Number(rows[0]?.total ?? 0);
  }

  async countAll(): Promise<{ users: number; activatedUsers: number }> {
    const rows: { users: string; activated: string }[] = await this.db.manager.query(
      `SELECT count(*) AS users, count(referrer_id) AS activated FROM users`,
    );
    return { users: Number(rows[0]?.users ?? 0), activatedUsers: Number(rows[0]?.activated ?? 0) };
  }

  /** Sign-ups and activations per UTC day since `since` (days without any are absent). */
  async countPerDay(since: string): Promise<DailyCount[]> {
    const rows: { date: string; signups: string; activations: string }[] = await this.db.manager.query(
      `WITH signups AS (
         SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM users
         WHERE created_at >= $1::date GROUP BY 1
       ), activations AS (
         SELECT (activated_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM users
         WHERE activated_at >= $1::date GROUP BY 1
       )
       SELECT to_char(coalesce(s.day, a.day), 'YYYY-MM-DD') AS date,
              coalesce(s.n, 0) AS signups, coalesce(a.n, 0) AS activations
       FROM signups s FULL JOIN activations a ON a.day = s.day`,
      [since],
    );
    return rows.map((row) => ({ date: row.date, signups: Number(row.signups), activations: Number(row.activations) }));
  }

  async findTopReferrers(limit: number): Promise<{ inviteCode: string; phone: string; referralsCount: number }[]> {
    const rows: { invite_code: string; phone: string; referrals_count: number }[] = await this.db.manager.query(
      `SELECT invite_code, phone, referrals_count FROM users
       WHERE referrals_count > 0 ORDER BY referrals_count DESC, id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ inviteCode: row.invite_code, phone: row.phone, referralsCount: row.referrals_count }));
  }

  private async findProfile(condition: string, value: string): Promise<UserProfile | null> {
    const rows: ProfileRow[] = await this.db.manager.query(
      `SELECT ${PROFILE_COLUMNS} FROM users u LEFT JOIN users r ON r.id = u.referrer_id WHERE ${condition}`,
      [value],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      phone: row.phone,
      inviteCode: row.invite_code,
      referrerId: row.referrer_id,
      invitedBy:
        row.referrer_invite_code && row.activated_at
          ? { inviteCode: row.referrer_invite_code, activatedAt: row.activated_at }
          : null,
      referralsCount: row.referrals_count,
      createdAt: row.created_at,
    };
  }

  private searchFilter(search: UserSearch): { where: string; params: unknown[] } {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (!search) return { where: 'TRUE', params };
    if (search.phoneDigits) {
      params.push(`%${search.phoneDigits}%`);
      conditions.push(`u.phone LIKE $${params.length}`);
    }
    if (search.inviteCodePrefix) {
      params.push(`${search.inviteCodePrefix}%`);
      conditions.push(`u.invite_code LIKE $${params.length}`);
    }
    return { where: conditions.length ? `(${conditions.join(' OR ')})` : 'FALSE', params };
  }
}

import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/database';
import { LoginFailureEntity } from './login-code.entity';

export interface SendHistory {
  now: Date;
  phoneSends: Date[];
  ipSends: Date[];
}

export interface GuessedCode {
  id: string;
  codeHash: string;
  attempts: number;
}

/** Queries on `login_codes` and `login_failures`. Callers hold the phone's lock (see `lockPhone`). */
@Injectable()
export class LoginCodesRepository {
  constructor(private readonly db: TransactionHost) {}

  /**
   * Serialises code requests and verifications of one phone (and, for sends, one client IP)
   * across every API process until the transaction ends, so limits cannot be outrun.
   */
  async lockPhone(phone: string): Promise<void> {
    await this.db.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`login:phone:${phone}`]);
  }

  async lockClientIp(ip: string): Promise<void> {
    await this.db.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`login:ip:${ip}`]);
  }

  /** Issue times within the last hour for the phone and the IP, oldest first, with the database's clock. */
  async findSendHistory(phone: string, ip: string): Promise<SendHistory> {
    const rows: { now: Date; phone_sends: Date[] | null; ip_sends: Date[] | null }[] = await this.db.manager.query(
      `SELECT now() AS now,
         (SELECT array_agg(created_at ORDER BY created_at) FROM login_codes
           WHERE phone = $1 AND created_at > now() - interval '1 hour') AS phone_sends,
         (SELECT array_agg(created_at ORDER BY created_at) FROM login_codes
           WHERE client_ip = $2 AND created_at > now() - interval '1 hour') AS ip_sends`,
      [phone, ip],
    );
    const row = rows[0]!;
    return { now: row.now, phoneSends: toDates(row.phone_sends), ipSends: toDates(row.ip_sends) };
  }

  /** Retires the phone's live code, if any: only the newest code may be used. */
  async invalidateLive(phone: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE login_codes SET invalidated_at = now()
       WHERE phone = $1 AND consumed_at IS NULL AND invalidated_at IS NULL`,
      [phone],
    );
  }

  async insert(phone: string, codeHash: string, ip: string, ttlSeconds: number): Promise<{ id: string; expiresAt: Date }> {
    const rows: { id: string; expires_at: Date }[] = await this.db.manager.query(
      `INSERT INTO login_codes (phone, code_hash, client_ip, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       RETURNING id, expires_at`,
      [phone, codeHash, ip, ttlSeconds],
    );
    return { id: rows[0]!.id, expiresAt: rows[0]!.expires_at };
  }

  /** Removes a code whose SMS was never delivered, so it neither works nor counts against limits. */
  async delete(id: string): Promise<void> {
    await this.db.manager.query(`DELETE FROM login_codes WHERE id = $1`, [id]);
  }

  /**
   * Counts one guess against the live code before it is compared, in one statement, so parallel
   * guesses can never exceed `maxAttempts`. Null when there is no live code with guesses left.
   */
  async countGuess(phone: string, maxAttempts: number): Promise<GuessedCode | null> {
    const result: [{ id: string; code_hash: string; attempts: number }[], number] = await this.db.manager.query(
      `UPDATE login_codes SET attempts = attempts + 1
       WHERE phone = $1 AND consumed_at IS NULL AND invalidated_at IS NULL
         AND expires_at > now() AND attempts < $2
       RETURNING id, code_hash, attempts`,
      [phone, maxAttempts],
    );
    const row = result[0][0];
    return row ? { id: row.id, codeHash: row.code_hash, attempts: row.attempts } : null;
  }

  /** The phone's live code if it is unexpired but has used up its guesses, with the database's clock. */
  async findBurnedCode(phone: string, maxAttempts: number): Promise<{ createdAt: Date; now: Date } | null> {
    const rows: { created_at: Date; now: Date }[] = await this.db.manager.query(
      `SELECT created_at, now() AS now FROM login_codes
       WHERE phone = $1 AND consumed_at IS NULL AND invalidated_at IS NULL
         AND expires_at > now() AND attempts >= $2`,
      [phone, maxAttempts],
    );
    return rows[0] ? { createdAt: rows[0].created_at, now: rows[0].now } : null;
  }

  async markConsumed(id: string): Promise<void> {
    await this.db.manager.query(`UPDATE login_codes SET consumed_at = now() WHERE id = $1`, [id]);
  }

  async recordFailure(phone: string): Promise<void> {
    await this.db.manager.insert(LoginFailureEntity, { phone });
  }

  /** Codes past every window that reads them (the longest is the hour of the send limits). */
  async deleteOlderThanADay(): Promise<number> {
    const result: [unknown[], number] = await this.db.manager.query(`DELETE FROM login_codes WHERE created_at < now() - interval '1 day'`);
    return result[1];
  }

  /** Wrong guesses outside the 24-hour lockout window. */
  async deleteFailuresOlderThanADay(): Promise<number> {
    const result: [unknown[], number] = await this.db.manager.query(`DELETE FROM login_failures WHERE failed_at < now() - interval '1 day'`);
    return result[1];
  }

  /** Wrong-guess times of the last 24 hours, oldest first, and the database's clock. */
  async findRecentFailures(phone: string): Promise<{ now: Date; failures: Date[] }> {
    const rows: { now: Date; failures: Date[] | null }[] = await this.db.manager.query(
      `SELECT now() AS now,
         (SELECT array_agg(failed_at ORDER BY failed_at) FROM login_failures
           WHERE phone = $1 AND failed_at > now() - interval '24 hours') AS failures`,
      [phone],
    );
    return { now: rows[0]!.now, failures: toDates(rows[0]!.failures) };
  }
}

/** node-postgres returns timestamptz[] as Date[] (or strings on some servers): accept both. */
function toDates(values: (Date | string)[] | null): Date[] {
  return (values ?? []).map((value) => (value instanceof Date ? value : new Date(value)));
}

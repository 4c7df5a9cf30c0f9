import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/database';
import type { Role } from './auth.decorators';
import { RefreshTokenEntity } from './refresh-token.entity';

export interface RefreshTokenOwner {
  familyId: string;
  subjectId: string;
  role: Role;
}

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly db: TransactionHost) {}

  async insert(owner: RefreshTokenOwner, tokenHash: string, ttlSeconds: number): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO refresh_tokens (family_id, subject_id, role, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [owner.familyId, owner.subjectId, owner.role, tokenHash, ttlSeconds],
    );
  }

  /** Serialises rotation, reuse handling and logout of one sign-in until the transaction ends. */
  async lockFamily(familyId: string): Promise<void> {
    await this.db.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`refresh:family:${familyId}`]);
  }

  /**
   * Marks a usable token used and returns its owner, in one statement: of two parallel uses of
   * the same token exactly one succeeds, the other is treated as reuse.
   */
  async markUsed(tokenHash: string): Promise<RefreshTokenOwner | null> {
    const result: [{ family_id: string; subject_id: string; role: Role }[], number] = await this.db.manager.query(
      `UPDATE refresh_tokens SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
       RETURNING family_id, subject_id, role`,
      [tokenHash],
    );
    const row = result[0][0];
    return row ? { familyId: row.family_id, subjectId: row.subject_id, role: row.role } : null;
  }

  /** The family of a token that exists, whatever its state. */
  async findFamilyId(tokenHash: string): Promise<string | null> {
    const token = await this.db.manager.findOne(RefreshTokenEntity, { where: { tokenHash }, select: { id: true, familyId: true } });
    return token?.familyId ?? null;
  }

  /**
   * Whole sign-ins that are over (every token expired or revoked, for a day): a used token of a
   * live sign-in is kept, so replaying it is still recognised and revokes the sign-in.
   */
  async deleteDead(): Promise<number> {
    const result: [unknown[], number] = await this.db.manager.query(
      `DELETE FROM refresh_tokens WHERE family_id IN (
         SELECT family_id FROM refresh_tokens GROUP BY family_id
         HAVING bool_and(expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day')
       )`,
    );
    return result[1];
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
  }
}

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { TransactionHost } from '@app/database';
import type { Principal } from './auth.decorators';
import { RefreshInvalidError } from './auth.errors';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Access tokens (JWT) and rotating refresh tokens, for users and admins alike. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly tx: TransactionHost,
  ) {}

  /** Starts a new sign-in: a new refresh-token family. */
  start(principal: Principal): Promise<SessionTokens> {
    return this.issue(principal, randomUUID());
  }

  /**
   * Trades a refresh token for a new pair. A token that was already used means it leaked (or
   * was replayed): the whole family of that sign-in is revoked; other sign-ins survive.
   *
   * Everything happens in one transaction under the family's lock, taken before any row lock:
   * the successor token is committed together with the use of its predecessor, so a parallel
   * reuse or logout (which wait for the lock) always sees, and revokes, the successor too.
   */
  async rotate(refreshToken: string): Promise<{ principal: Principal; tokens: SessionTokens }> {
    const tokenHash = hashToken(refreshToken);
    const outcome = await this.tx.run(async () => {
      const familyId = await this.refreshTokens.findFamilyId(tokenHash);
      if (!familyId) return null;
      await this.refreshTokens.lockFamily(familyId);
      const owner = await this.refreshTokens.markUsed(tokenHash);
      if (!owner) {
        await this.refreshTokens.revokeFamily(familyId);
        return null;
      }
      const principal: Principal = { id: owner.subjectId, role: owner.role };
      return { principal, tokens: await this.issue(principal, familyId) };
    });
    if (!outcome) throw new RefreshInvalidError();
    return outcome;
  }

  /** Ends the sign-in the token belongs to. Unknown tokens are ignored (logout is idempotent). */
  async revoke(refreshToken: string): Promise<void> {
    await this.tx.run(async () => {
      const familyId = await this.refreshTokens.findFamilyId(hashToken(refreshToken));
      if (!familyId) return;
      await this.refreshTokens.lockFamily(familyId);
      await this.refreshTokens.revokeFamily(familyId);
    });
  }

  private async issue(principal: Principal, familyId: string): Promise<SessionTokens> {
    const accessToken = await this.jwt.signAsync(
      { sub: principal.id, role: principal.role, jti: randomUUID() },
      { algorithm: 'HS256', expiresIn: ACCESS_TOKEN_TTL_SECONDS },
    );
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert(
      { familyId, subjectId: principal.id, role: principal.role },
      hashToken(refreshToken),
      REFRESH_TOKEN_TTL_SECONDS,
    );
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }
}

/** Refresh tokens are 256 random bits: a fast unkeyed hash is enough to make a leaked table useless. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

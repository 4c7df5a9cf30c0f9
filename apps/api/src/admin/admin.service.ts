import { Injectable } from '@nestjs/common';
import { type KeysetPosition, encodeCursor } from '@app/common';
import { AuthService } from '../auth/auth.service';
import { ReferralsService, parseCursor } from '../referrals/referrals.service';
import { UsersService } from '../users/users.service';
import type { UserSearch } from '../users/users.types';
import type { AdminSessionDto, AdminUsersPageDto, StatsDto } from './dto/admin.dto';
import type { LegacyTokenPairDto } from './dto/legacy.dto';

/** The operators' use cases, including the seed-compatible endpoints. */
@Injectable()
export class AdminService {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly referrals: ReferralsService,
  ) {}

  login(username: string, password: string): Promise<AdminSessionDto> {
    return this.auth.loginAdmin(username, password);
  }

  async listUsers(search: string | undefined, limit: number, cursor?: string): Promise<AdminUsersPageDto> {
    const after: KeysetPosition | undefined = cursor === undefined ? undefined : parseCursor(cursor);
    const { items, total } = await this.users.listUsers(parseSearch(search), limit + 1, after);
    const page = items.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((user) => ({
        id: user.id,
        phone: user.phone,
        inviteCode: user.inviteCode,
        invitedBy: user.invitedBy,
        referralsCount: user.referralsCount,
        createdAt: user.createdAt.toISOString(),
      })),
      nextCursor: items.length > limit && last ? encodeCursor({ at: last.sortKey, id: last.id }) : null,
      total,
    };
  }

  async stats(days: number): Promise<StatsDto> {
    const stats = await this.users.getStats(days);
    const activationRate = stats.users === 0 ? 0 : Math.round((stats.activatedUsers / stats.users) * 10_000) / 10_000;
    return { ...stats, activationRate };
  }

  async legacyToken(username: string, password: string): Promise<LegacyTokenPairDto> {
    const session = await this.auth.loginAdmin(username, password);
    return { access: session.accessToken, refresh: session.refreshToken };
  }

  async legacyRefresh(refresh: string | undefined): Promise<LegacyTokenPairDto> {
    const session = await this.auth.refresh(refresh);
    return { access: session.accessToken, refresh: session.refreshToken };
  }

  legacyList(inviteCode: string | undefined): Promise<{ telephone: string }[]> {
    return this.referrals.listPhonesForLegacy(inviteCode);
  }
}

/**
 * A search term means phone digits (any run of them, separators ignored) and/or the start of
 * an invite code, read with the same forgiving rules as codes are typed.
 */
export function parseSearch(raw: string | undefined): UserSearch {
  const term = raw?.trim();
  if (!term) return null;
  const digits = term.replace(/[\s()+.-]/g, '');
  const code = term.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return {
    phoneDigits: /^\d+$/.test(digits) ? digits : undefined,
    inviteCodePrefix: /^[0-9A-HJKMNP-TV-Z]{1,6}$/.test(code) ? code : undefined,
  };
}

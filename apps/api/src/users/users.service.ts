import { Injectable } from '@nestjs/common';
import { generateInviteCode, NotFoundError } from '@app/common';
import { UsersRepository } from './users.repository';
import type { DailyCount, ReferralRecord, UserListRecord, UserProfile, UserSearch, UserStats } from './users.types';

/** Collisions in a 32^6 space are rare; a handful of retries makes failure practically impossible. */
const INVITE_CODE_ATTEMPTS = 8;
const TOP_REFERRERS = 10;

/** Accounts of phone users. Other modules reach the `users` table only through this service. */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  findById(id: string): Promise<UserProfile | null> {
    return this.users.findProfileById(id);
  }

  /** The profile of a signed-in user; a token can outlive its account, which is then a 404. */
  async getProfile(id: string): Promise<UserProfile> {
    const user = await this.users.findProfileById(id);
    if (!user) throw new NotFoundError('The account no longer exists.');
    return user;
  }

  findByInviteCode(inviteCode: string): Promise<UserProfile | null> {
    return this.users.findProfileByInviteCode(inviteCode);
  }

  /**
   * The account for a verified phone, created with a fresh invite code on first sign-in.
   * Parallel first sign-ins of one phone meet at the unique index: one inserts, the rest read it.
   */
  async findOrCreateByPhone(phone: string): Promise<{ user: UserProfile; created: boolean }> {
    for (let attempt = 0; attempt < INVITE_CODE_ATTEMPTS; attempt++) {
      const id = await this.users.insertIfAbsent(phone, generateInviteCode());
      const user = await (id ? this.users.findProfileById(id) : this.users.findProfileByPhone(phone));
      if (user) return { user, created: id !== null };
      // Neither inserted nor found: the invite code was taken. Try another one.
    }
    throw new Error('Could not allocate a unique invite code');
  }

  /** Serialises activations until the transaction ends (see ReferralsService.activate). */
  lockActivations(): Promise<void> {
    return this.users.lockActivations();
  }

  isInChainAbove(userId: string, candidateId: string): Promise<boolean> {
    return this.users.isInChainAbove(userId, candidateId);
  }

  /** Records the activation once; false when the user already has a referrer. */
  async recordActivation(userId: string, referrerId: string): Promise<boolean> {
    const activated = await this.users.activateReferrer(userId, referrerId);
    if (activated) await this.users.incrementReferralsCount(referrerId);
    return activated;
  }

  listReferrals(referrerId: string, limit: number, after?: { at: string; id: string }): Promise<ReferralRecord[]> {
    return this.users.listReferralsNewestFirst(referrerId, limit, after);
  }

  listReferralPhones(inviteCode: string): Promise<string[]> {
    return this.users.listReferralPhonesOldestFirst(inviteCode);
  }

  async listUsers(
    search: UserSearch,
    limit: number,
    after?: { at: string; id: string },
  ): Promise<{ items: UserListRecord[]; total: number }> {
    const [items, total] = await Promise.all([
      this.users.listUsersNewestFirst(search, limit, after),
      this.users.countUsers(search),
    ]);
    return { items, total };
  }

  /** Totals, a day-by-day series (UTC, oldest first, gaps filled with zeros) and top referrers. */
  async getStats(days: number, today = new Date()): Promise<UserStats> {
    const dates = lastDays(days, today);
    const [totals, perDay, topReferrers] = await Promise.all([
      this.users.countAll(),
      this.users.countPerDay(dates[0]!),
      this.users.findTopReferrers(TOP_REFERRERS),
    ]);
    const byDate = new Map(perDay.map((day) => [day.date, day]));
    const series: DailyCount[] = dates.map((date) => byDate.get(date) ?? { date, signups: 0, activations: 0 });
    return { ...totals, days: series, topReferrers };
  }
}

/** `count` UTC dates ending with `today`, oldest first, as YYYY-MM-DD. */
export function lastDays(count: number, today: Date): string[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: count }, (_, i) => new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

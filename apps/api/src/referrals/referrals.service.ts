import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, maskPhone, normalizeInviteCode, ValidationFailedError, type KeysetPosition } from '@app/common';
import { TransactionHost } from '@app/database';
import { UsersService } from '../users/users.service';
import type { ReferralRecord } from '../users/users.types';
import { MeDto } from '../users/dto/me.dto';
import type { CodeReferralsPageDto, MyReferralsPageDto, ReferralItemDto } from './dto/referrals.dto';
import { InviteAlreadyActivatedError, InviteCodeNotFoundError, ReferralCycleError, SelfReferralError } from './referrals.errors';

/** Invite activation and who joined through which code. */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly users: UsersService,
    private readonly tx: TransactionHost,
  ) {}

  /**
   * Activates another user's invite code, once ever. The conditional UPDATE guarantees a single
   * activation per user. Activations also take one shared advisory lock: two users activating
   * each other's codes at the same moment would each pass the cycle check and close a cycle
   * together; serialised, the second sees the first. Activations are rare, short writes.
   */
  async activate(userId: string, rawCode: string): Promise<MeDto> {
    const inviteCode = parseInviteCode(rawCode, 'inviteCode');
    await this.tx.run(async () => {
      await this.users.lockActivations();
      const owner = await this.users.findByInviteCode(inviteCode);
      if (!owner) throw new InviteCodeNotFoundError();
      if (owner.id === userId) throw new SelfReferralError();
      const me = await this.users.findById(userId);
      if (me?.referrerId) throw new InviteAlreadyActivatedError();
      if (await this.users.isInChainAbove(owner.id, userId)) throw new ReferralCycleError();
      if (!(await this.users.recordActivation(userId, owner.id))) throw new InviteAlreadyActivatedError();
    });
    return MeDto.from(await this.users.getProfile(userId));
  }

  async listMine(userId: string, limit: number, cursor?: string): Promise<MyReferralsPageDto> {
    const me = await this.users.findById(userId);
    const page = await this.page(userId, limit, cursor);
    return { items: page.items.map((item) => toItem(item, maskPhone)), nextCursor: page.nextCursor, total: me?.referralsCount ?? 0 };
  }

  /** Admin look-up: the owner of a code and everyone who activated it, with full phones. */
  async listForCode(rawCode: string, limit: number, cursor?: string): Promise<CodeReferralsPageDto> {
    const inviteCode = parseInviteCode(rawCode, 'inviteCode');
    const owner = await this.users.findByInviteCode(inviteCode);
    if (!owner) throw new InviteCodeNotFoundError();
    const page = await this.page(owner.id, limit, cursor);
    return {
      owner: { phone: owner.phone, inviteCode: owner.inviteCode },
      items: page.items.map((item) => toItem(item, (phone) => phone)),
      nextCursor: page.nextCursor,
      total: owner.referralsCount,
    };
  }

  /** The seed's `/api/list`: phones that activated the code, oldest first; [] for unknown codes. */
  async listPhonesForLegacy(rawCode: string | undefined): Promise<{ telephone: string }[]> {
    if (rawCode === undefined || rawCode === '') {
      throw new ValidationFailedError([{ field: 'invite_cod', message: 'invite_cod is required' }]);
    }
    const inviteCode = parseInviteCode(rawCode, 'invite_cod');
    const phones = await this.users.listReferralPhones(inviteCode);
    return phones.map((telephone) => ({ telephone }));
  }

  private async page(referrerId: string, limit: number, cursor?: string): Promise<{ items: ReferralRecord[]; nextCursor: string | null }> {
    const after = cursor === undefined ? undefined : parseCursor(cursor);
    const rows = await this.users.listReferrals(referrerId, limit + 1, after);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.sortKey, id: last.id }) : null;
    return { items, nextCursor };
  }
}

function parseInviteCode(raw: string, field: string): string {
  const code = normalizeInviteCode(raw);
  if (!code) throw new ValidationFailedError([{ field, message: `${field} must be 6 characters of 0-9 and A-Z (no I, L, O, U)` }]);
  return code;
}

export function parseCursor(cursor: string): KeysetPosition {
  const position = decodeCursor(cursor);
  if (!position) throw new ValidationFailedError([{ field: 'cursor', message: 'cursor is not a cursor this API issued' }]);
  return position;
}

function toItem(record: ReferralRecord, showPhone: (phone: string) => string): ReferralItemDto {
  return { phone: showPhone(record.phone), activatedAt: record.activatedAt.toISOString() };
}

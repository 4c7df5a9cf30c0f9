import { ApiProperty } from '@nestjs/swagger';
import type { UserProfile } from '../users.types';

export class InvitedByDto {
  @ApiProperty({ example: 'AB3X9K', description: 'The invite code this user activated.' })
  inviteCode: string;

  @ApiProperty({ format: 'date-time' })
  activatedAt: string;
}

/** The signed-in user's own profile. */
export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '+79991234567', description: 'E.164.' })
  phone: string;

  @ApiProperty({ example: 'Q7M2ZK', description: '6 characters of Crockford base-32.' })
  inviteCode: string;

  @ApiProperty({ type: InvitedByDto, nullable: true })
  invitedBy: InvitedByDto | null;

  @ApiProperty({ example: 3, description: 'How many users activated this user’s code.' })
  referralsCount: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(user: UserProfile): MeDto {
    return {
      id: user.id,
      phone: user.phone,
      inviteCode: user.inviteCode,
      invitedBy: user.invitedBy
        ? { inviteCode: user.invitedBy.inviteCode, activatedAt: user.invitedBy.activatedAt.toISOString() }
        : null,
      referralsCount: user.referralsCount,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

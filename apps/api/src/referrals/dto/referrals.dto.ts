import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ActivateInviteDto {
  @ApiProperty({
    example: 'ab3x9k',
    description: 'Case-insensitive; spaces trimmed; O is read as 0, I and L as 1.',
  })
  @MaxLength(32)
  @IsString()
  inviteCode: string;
}

export class ReferralItemDto {
  @ApiProperty({ example: '+7 999 ***-**-67', description: 'Masked for users, full E.164 for admins.' })
  phone: string;

  @ApiProperty({ format: 'date-time' })
  activatedAt: string;
}

export class MyReferralsPageDto {
  @ApiProperty({ type: [ReferralItemDto], description: 'Newest activation first; phones masked.' })
  items: ReferralItemDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor: string | null;

  @ApiProperty({ example: 3 })
  total: number;
}

export class CodeOwnerDto {
  @ApiProperty({ example: '+79991234567' })
  phone: string;

  @ApiProperty({ example: 'AB3X9K' })
  inviteCode: string;
}

export class CodeReferralsPageDto {
  @ApiProperty({ type: CodeOwnerDto })
  owner: CodeOwnerDto;

  @ApiProperty({ type: [ReferralItemDto], description: 'Newest activation first; full phones.' })
  items: ReferralItemDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;

  @ApiProperty({ example: 3 })
  total: number;
}

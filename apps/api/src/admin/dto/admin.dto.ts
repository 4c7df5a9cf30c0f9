import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AdminDto, SessionDto } from '../../auth/dto/session.dto';
import { PageQueryDto } from '../../common/page.dto';

export class AdminLoginDto {
  @ApiProperty({ example: 'admin' })
  @IsNotEmpty()
  @MaxLength(150)
  @IsString()
  username: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsNotEmpty()
  @MaxLength(1024)
  @IsString()
  password: string;
}

export class AdminSessionDto extends SessionDto {
  @ApiProperty({ type: AdminDto })
  admin: AdminDto;
}

export class AdminUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Digits of the phone (any run) or the start of an invite code.', example: '999123' })
  @IsOptional()
  @MaxLength(64)
  @IsString()
  search?: string;
}

export class AdminUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '+79991234567' })
  phone: string;

  @ApiProperty({ example: 'Q7M2ZK' })
  inviteCode: string;

  @ApiProperty({ type: String, nullable: true, example: 'AB3X9K', description: 'The code this user activated.' })
  invitedBy: string | null;

  @ApiProperty({ example: 2 })
  referralsCount: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class AdminUsersPageDto {
  @ApiProperty({ type: [AdminUserDto], description: 'Newest sign-up first.' })
  items: AdminUserDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;

  @ApiProperty({ example: 120 })
  total: number;
}

export class StatsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30 })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(365)
  @IsInt()
  days: number = 30;
}

export class DailyCountDto {
  @ApiProperty({ example: '2026-12-03', description: 'UTC date.' })
  date: string;

  @ApiProperty({ example: 14 })
  signups: number;

  @ApiProperty({ example: 9 })
  activations: number;
}

export class TopReferrerDto {
  @ApiProperty({ example: 'AB3X9K' })
  inviteCode: string;

  @ApiProperty({ example: '+79991234567' })
  phone: string;

  @ApiProperty({ example: 12 })
  referralsCount: number;
}

export class StatsDto {
  @ApiProperty({ example: 120 })
  users: number;

  @ApiProperty({ example: 70 })
  activatedUsers: number;

  @ApiProperty({ example: 0.5833, description: 'activatedUsers / users (0 when there are no users).' })
  activationRate: number;

  @ApiProperty({ type: [DailyCountDto], description: 'One entry per UTC day, oldest first, the last being today.' })
  days: DailyCountDto[];

  @ApiProperty({ type: [TopReferrerDto], description: 'Up to 10, most referrals first.' })
  topReferrers: TopReferrerDto[];
}

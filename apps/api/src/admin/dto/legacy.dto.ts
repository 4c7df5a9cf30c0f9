import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The seed's `POST /api/token` (JSON or form-encoded). */
export class LegacyTokenRequestDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(150)
  username: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}

export class LegacyRefreshRequestDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  refresh: string;
}

export class LegacyTokenPairDto {
  @ApiProperty({ description: 'Access token (JWT), 15 minutes.' })
  access: string;

  @ApiProperty({ description: 'Refresh token, 30 days, rotated on use.' })
  refresh: string;
}

export class LegacyReferralDto {
  @ApiProperty({ example: '+79893221234' })
  telephone: string;
}

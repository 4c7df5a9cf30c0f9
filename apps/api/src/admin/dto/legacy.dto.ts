import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** The seed's `POST /api/token` (JSON or form-encoded). */
export class LegacyTokenRequestDto {
  @ApiProperty({ example: 'admin' })
  @IsNotEmpty()
  @MaxLength(150)
  @IsString()
  username: string;

  @ApiProperty()
  @IsNotEmpty()
  @MaxLength(1024)
  @IsString()
  password: string;
}

export class LegacyRefreshRequestDto {
  @ApiPropertyOptional({ description: 'Omit to use the `refresh_token` cookie.' })
  @IsOptional()
  @MaxLength(256)
  @IsString()
  refresh?: string;
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

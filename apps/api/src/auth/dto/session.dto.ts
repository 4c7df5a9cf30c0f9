import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MeDto } from '../../users/dto/me.dto';

/** A token pair; the refresh token is also set as the `refresh_token` cookie. */
export class SessionDto {
  @ApiProperty({ description: 'JWT (HS256), 15 minutes.' })
  accessToken: string;

  @ApiProperty({ description: 'Opaque, 30 days, single use (rotated on refresh).' })
  refreshToken: string;

  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ example: 900, description: 'Access token lifetime in seconds.' })
  expiresIn: number;
}

export class AdminDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'admin' })
  username: string;
}

export class RefreshResponseDto extends SessionDto {
  @ApiPropertyOptional({ type: MeDto, description: 'Present when the session is a phone user’s.' })
  user?: MeDto;

  @ApiPropertyOptional({ type: AdminDto, description: 'Present when the session is an admin’s.' })
  admin?: AdminDto;
}

/** Body of refresh and logout; without it the `refresh_token` cookie is used. */
export class RefreshTokenBodyDto {
  @ApiPropertyOptional({ description: 'Omit to use the `refresh_token` cookie.' })
  @IsOptional()
  @MaxLength(256)
  @IsString()
  refreshToken?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { MeDto } from '../../users/dto/me.dto';
import { SessionDto } from './session.dto';

export class VerifyCodeDto {
  @ApiProperty({ example: '+7 999 123-45-67' })
  @MaxLength(32)
  @IsString()
  phone: string;

  @ApiProperty({ example: '1234', description: 'Exactly OTP_LENGTH ASCII digits.' })
  @MaxLength(16)
  @IsString()
  code: string;
}

export class VerifyResponseDto extends SessionDto {
  @ApiProperty({ description: 'True when this sign-in created the account.' })
  isNewUser: boolean;

  @ApiProperty({ type: MeDto })
  user: MeDto;
}

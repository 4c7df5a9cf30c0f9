import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class RequestCodeDto {
  @ApiProperty({
    example: '+7 999 123-45-67',
    description: 'ASCII digits, spaces, `+`, `-`, `.` and parentheses; normalised to E.164 with DEFAULT_COUNTRY.',
  })
  @MaxLength(32)
  @IsString()
  phone: string;
}

export class CodeSentDto {
  @ApiProperty({ example: '+79991234567', description: 'The normalised (E.164) phone.' })
  phone: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ example: 60, description: 'Seconds until a new code may be asked for (OTP_RESEND_SECONDS).' })
  resendAfter: number;

  @ApiProperty({ example: 4, description: 'Digits in the code (OTP_LENGTH), so clients need not assume 4.' })
  codeLength: number;

  @ApiPropertyOptional({ example: '1234', description: 'Demo mode only (OTP_DEMO=true): the code itself.' })
  devCode?: string;
}

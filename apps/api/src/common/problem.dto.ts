import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'phone' })
  field: string;

  @ApiProperty({ example: 'phone must be a valid phone number' })
  message: string;
}

/** RFC 9457 problem details, the body of every error answer. */
export class ProblemDto {
  @ApiProperty({ example: 'about:blank' })
  type: string;

  @ApiProperty({ example: 'Invite code already activated' })
  title: string;

  @ApiProperty({ example: 409 })
  status: number;

  @ApiProperty({ example: 'invite_already_activated', description: 'Stable, machine-readable error code.' })
  code: string;

  @ApiPropertyOptional({ example: 'You have already activated an invite code.' })
  detail?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Present on validation failures.' })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({ example: 3, description: 'Present on `code_invalid`: guesses left for this code.' })
  attemptsLeft?: number;

  @ApiPropertyOptional({ example: 'req-1f2e3d', description: 'The request id, also sent as `X-Request-Id`.' })
  requestId?: string;
}

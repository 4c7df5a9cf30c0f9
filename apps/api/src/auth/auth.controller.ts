import { Body, Controller, HttpCode, Inject, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { ApiProblems } from '../common/api-problems.decorator';
import { LimitPerIp } from '../rate-limit/ip-rate-limit.guard';
import { Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { CodeSentDto, RequestCodeDto } from './dto/request-code.dto';
import { RefreshResponseDto, RefreshTokenBodyDto } from './dto/session.dto';
import { VerifyCodeDto, VerifyResponseDto } from './dto/verify-code.dto';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';

/**
 * Code guesses per client IP per minute, across phones: the per-phone rules stop guessing one
 * phone's code, this stops one client from spraying guesses over many phones.
 */
export const VERIFY_ATTEMPTS_PER_MINUTE = 30;

@ApiTags('Phone login')
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('codes')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a login code by SMS', description: 'The same answer whether or not the phone has an account.' })
  @ApiAcceptedResponse({ type: CodeSentDto })
  @ApiProblems(400, 429, 502)
  requestCode(@Body() body: RequestCodeDto, @Ip() ip: string): Promise<CodeSentDto> {
    return this.auth.requestCode(body.phone, ip);
  }

  @Post('verify')
  @HttpCode(200)
  @LimitPerIp('verify', VERIFY_ATTEMPTS_PER_MINUTE)
  @ApiOperation({ summary: 'Sign in with the code', description: 'The first successful verify of a phone creates the user.' })
  @ApiOkResponse({ type: VerifyResponseDto })
  @ApiProblems(400, 'code_invalid', 'code_expired', 'too_many_attempts', 'rate_limited')
  async verify(@Body() body: VerifyCodeDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<VerifyResponseDto> {
    const session = await this.auth.verify(body.phone, body.code);
    setRefreshCookie(reply, session.refreshToken, this.config.isProduction);
    return session;
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate a refresh token',
    description: 'Takes the token from the body or the `refresh_token` cookie. Reusing a rotated token revokes its sign-in.',
  })
  @ApiOkResponse({ type: RefreshResponseDto })
  @ApiProblems(400, 'refresh_invalid')
  async refresh(
    @Body() body: RefreshTokenBodyDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RefreshResponseDto> {
    const session = await this.auth.refresh(body.refreshToken ?? readRefreshCookie(request));
    setRefreshCookie(reply, session.refreshToken, this.config.isProduction);
    return session;
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out', description: 'Revokes the sign-in of the token (body or cookie) and clears the cookie. Idempotent.' })
  @ApiNoContentResponse()
  @ApiProblems(400)
  async logout(
    @Body() body: RefreshTokenBodyDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(body.refreshToken ?? readRefreshCookie(request));
    clearRefreshCookie(reply, this.config.isProduction);
  }
}

import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { Public, RequireRole } from '../auth/auth.decorators';
import { readRefreshCookie, setRefreshCookie } from '../auth/refresh-cookie';
import { ApiProblems } from '../common/api-problems.decorator';
import { LimitPerIp } from '../rate-limit/ip-rate-limit.guard';
import { ADMIN_PASSWORD_ATTEMPTS_PER_MINUTE } from './admin.controller';
import { AdminService } from './admin.service';
import { LegacyRefreshRequestDto, LegacyReferralDto, LegacyTokenPairDto, LegacyTokenRequestDto } from './dto/legacy.dto';

/** Drop-in replacements for the Django system's API (simplejwt token pair and the referral list). */
@ApiTags('Seed-compatible')
@Controller()
export class LegacyController {
  constructor(
    private readonly admin: AdminService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('token')
  @Public()
  @LimitPerIp('admin-password', ADMIN_PASSWORD_ATTEMPTS_PER_MINUTE)
  @HttpCode(200)
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOperation({ summary: 'Admin token pair (seed-compatible)' })
  @ApiOkResponse({ type: LegacyTokenPairDto })
  @ApiProblems(400, 'invalid_credentials', 429)
  async token(@Body() body: LegacyTokenRequestDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<LegacyTokenPairDto> {
    const pair = await this.admin.legacyToken(body.username, body.password);
    setRefreshCookie(reply, pair.refresh, this.config.isProduction);
    return pair;
  }

  @Post('token/refresh')
  @Public()
  @HttpCode(200)
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOperation({ summary: 'Rotate the refresh token (seed-compatible)' })
  @ApiOkResponse({ type: LegacyTokenPairDto })
  @ApiProblems(400, 'refresh_invalid')
  async refresh(
    @Body() body: LegacyRefreshRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LegacyTokenPairDto> {
    const pair = await this.admin.legacyRefresh(body.refresh ?? readRefreshCookie(request));
    setRefreshCookie(reply, pair.refresh, this.config.isProduction);
    return pair;
  }

  @Get('list')
  @RequireRole('admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Phones that activated a code (seed-compatible)',
    description: 'Oldest activation first; `[]` for a code nobody owns or nobody activated. Other query parameters are ignored.',
  })
  @ApiQuery({ name: 'invite_cod', required: true, example: 'ab3x9k' })
  @ApiOkResponse({ type: [LegacyReferralDto] })
  @ApiProblems(400, 401, 403)
  list(@Query('invite_cod') inviteCode?: string | string[]): Promise<LegacyReferralDto[]> {
    return this.admin.legacyList(Array.isArray(inviteCode) ? inviteCode[0] : inviteCode);
  }
}

import { Body, Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { Public, RequireRole } from '../auth/auth.decorators';
import { setRefreshCookie } from '../auth/refresh-cookie';
import { ApiProblems } from '../common/api-problems.decorator';
import { LimitPerIp } from '../rate-limit/ip-rate-limit.guard';
import { AdminService } from './admin.service';
import { AdminLoginDto, AdminSessionDto, AdminUsersPageDto, AdminUsersQueryDto, StatsDto, StatsQueryDto } from './dto/admin.dto';

/** Password guesses per client IP per minute, shared with the seed-compatible `/api/token`. */
export const ADMIN_PASSWORD_ATTEMPTS_PER_MINUTE = 20;

@ApiTags('Admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly admin: AdminService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @LimitPerIp('admin-password', ADMIN_PASSWORD_ATTEMPTS_PER_MINUTE)
  @HttpCode(200)
  @ApiOperation({ summary: 'Operator sign-in', description: 'Refresh through `POST /api/auth/refresh` like any session.' })
  @ApiOkResponse({ type: AdminSessionDto })
  @ApiProblems(400, 'invalid_credentials', 429)
  async login(@Body() body: AdminLoginDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AdminSessionDto> {
    const session = await this.admin.login(body.username, body.password);
    setRefreshCookie(reply, session.refreshToken, this.config.isProduction);
    return session;
  }

  @Get('users')
  @RequireRole('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Users, newest first', description: '`search` matches digits of the phone or the start of an invite code.' })
  @ApiOkResponse({ type: AdminUsersPageDto })
  @ApiProblems(400, 401, 403)
  listUsers(@Query() query: AdminUsersQueryDto): Promise<AdminUsersPageDto> {
    return this.admin.listUsers(query.search, query.limit, query.cursor);
  }

  @Get('stats')
  @RequireRole('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Totals, activation rate, sign-ups and activations per day, top referrers' })
  @ApiOkResponse({ type: StatsDto })
  @ApiProblems(400, 401, 403)
  stats(@Query() query: StatsQueryDto): Promise<StatsDto> {
    return this.admin.stats(query.days);
  }
}

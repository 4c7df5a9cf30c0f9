import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireRole, type Principal } from '../auth/auth.decorators';
import { ApiProblems } from '../common/api-problems.decorator';
import { PageQueryDto } from '../common/page.dto';
import { MeDto } from '../users/dto/me.dto';
import { ActivateInviteDto, CodeReferralsPageDto, MyReferralsPageDto } from './dto/referrals.dto';
import { ReferralsService } from './referrals.service';

@ApiTags('Referrals')
@ApiBearerAuth()
@Controller()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post('me/invite')
  @HttpCode(200)
  @RequireRole('user')
  @ApiOperation({ summary: 'Activate someone else’s invite code (once ever)' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(400, 401, 403, 'invite_code_not_found', 'invite_already_activated', 'self_referral', 'referral_cycle')
  activate(@CurrentPrincipal() principal: Principal, @Body() body: ActivateInviteDto): Promise<MeDto> {
    return this.referrals.activate(principal.id, body.inviteCode);
  }

  @Get('me/referrals')
  @RequireRole('user')
  @ApiOperation({ summary: 'Users who activated my code', description: 'Newest first; phones masked.' })
  @ApiOkResponse({ type: MyReferralsPageDto })
  @ApiProblems(400, 401, 403)
  listMine(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<MyReferralsPageDto> {
    return this.referrals.listMine(principal.id, query.limit, query.cursor);
  }

  @Get('referrals/:inviteCode')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Admin: the owner of a code and who activated it', description: 'Newest activation first; full phones.' })
  @ApiParam({ name: 'inviteCode', example: 'AB3X9K' })
  @ApiOkResponse({ type: CodeReferralsPageDto })
  @ApiProblems(400, 401, 403, 'invite_code_not_found')
  listForCode(@Param('inviteCode') inviteCode: string, @Query() query: PageQueryDto): Promise<CodeReferralsPageDto> {
    return this.referrals.listForCode(inviteCode, query.limit, query.cursor);
  }
}

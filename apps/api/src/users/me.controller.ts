import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireRole, type Principal } from '../auth/auth.decorators';
import { ApiProblems } from '../common/api-problems.decorator';
import { MeDto } from './dto/me.dto';
import { UsersService } from './users.service';

@ApiTags('Profile')
@ApiBearerAuth()
@RequireRole('user')
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user’s profile' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(401, 403, 404)
  async getMe(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return MeDto.from(await this.users.getProfile(principal.id));
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConversationCountsResponse, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ConversationCountsRepository } from '../inbox/repositories/conversation-counts.repository';

/**
 * `GET /api/conversations/counts`. Lives in this module and is listed before AssignmentController so the
 * route is registered ahead of `GET /conversations/:id` (which would otherwise reject `counts` as an id).
 */
@ApiTags('conversations')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('conversations')
export class ConversationCountsController {
  constructor(private readonly counts: ConversationCountsRepository) {}

  @Get('counts')
  @ApiOkResponse()
  get(@CurrentUser() user: AuthUser): Promise<ConversationCountsResponse> {
    return this.counts.countVisible(user);
  }
}

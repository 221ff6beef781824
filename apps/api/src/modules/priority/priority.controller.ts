import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConversationDto, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { SetConversationPriorityRequestDto } from './dto/set-priority.request.dto';
import { PriorityService } from './priority.service';

@ApiTags('conversations')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('conversations/:id/priority')
export class PriorityController {
  constructor(private readonly priority: PriorityService) {}

  /** 404 outside the caller's scope. */
  @Put()
  @ApiOkResponse()
  set(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: SetConversationPriorityRequestDto): Promise<ConversationDto> {
    return this.priority.set(user, id, body.priority);
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConversationDto, LabelDto, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ConversationsService } from './conversations.service';
import { SetConversationLabelsRequestDto } from './dto/set-conversation-labels.request.dto';

/** Labels on one conversation, for anyone who may see it (404 otherwise). The labels themselves: `LabelsController`. */
@ApiTags('conversations')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('conversations/:id/labels')
export class ConversationLabelsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  @ApiOkResponse()
  list(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<LabelDto[]> {
    return this.conversations.labelsOf(user, id);
  }

  @Put()
  @ApiOkResponse()
  set(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: SetConversationLabelsRequestDto): Promise<ConversationDto> {
    return this.conversations.setLabels(user, id, body.labelIds);
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConversationDto, LabelDto, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { SetConversationLabelsRequestDto } from './dto/set-conversation-labels.request.dto';
import { LabelsService } from './labels.service';

/** Labels on one conversation, for anyone who may see it (404 otherwise). */
@ApiTags('conversations')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('conversations/:id/labels')
export class ConversationLabelsController {
  constructor(private readonly labels: LabelsService) {}

  @Get()
  @ApiOkResponse()
  list(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<LabelDto[]> {
    return this.labels.ofConversation(user, id);
  }

  @Put()
  @ApiOkResponse()
  set(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: SetConversationLabelsRequestDto): Promise<ConversationDto> {
    return this.labels.setOnConversation(user, id, body.labelIds);
  }
}

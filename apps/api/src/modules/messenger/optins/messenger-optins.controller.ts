import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ConversationOptinsResponse, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../../common/decorators/current-user.decorator';
import { Roles } from '../../../common/decorators/roles.decorator';
import { MessengerOptinsService } from './messenger-optins.service';

/** The Messenger opt-ins of the customer a conversation is with (the contact panel). */
@ApiTags('messenger')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('conversations')
export class MessengerOptinsController {
  constructor(private readonly optins: MessengerOptinsService) {}

  @Get(':id/optins')
  ofConversation(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ConversationOptinsResponse> {
    return this.optins.ofConversation(user, id);
  }
}

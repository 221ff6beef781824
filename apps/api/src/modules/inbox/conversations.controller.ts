import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ContactPanelResponse, ConversationListResponse, MessageListResponse, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ConversationsService } from './conversations.service';
import { ListConversationsQueryDto, ListMessagesQueryDto } from './dto/list-conversations.query.dto';

/** What ingestion applied: admins read all conversations, agents theirs and unassigned ones (404 otherwise). */
@ApiTags('conversations')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListConversationsQueryDto): Promise<ConversationListResponse> {
    return this.conversations.list(user, query);
  }

  /** Contact panel: profile, the same customer's other conversations (linked by Meta ids only), comments, referral. */
  @Get(':id/contact')
  contact(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ContactPanelResponse> {
    return this.conversations.contactPanel(user, id);
  }

  @Get(':id/messages')
  messages(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListMessagesQueryDto): Promise<MessageListResponse> {
    return this.conversations.messages(user, id, query);
  }
}

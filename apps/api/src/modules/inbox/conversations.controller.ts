import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ConversationListResponse, MessageListResponse, Role } from '@ticklegram/domain-models';
import { Roles } from '../../common/decorators/roles.decorator';
import { ConversationsService } from './conversations.service';
import { ListConversationsQueryDto, ListMessagesQueryDto } from './dto/list-conversations.query.dto';

/** What ingestion applied, readable by admins (the inbox issue opens it to agents with scoping). */
@ApiTags('conversations')
@ApiBearerAuth()
@Roles(Role.ADMIN)
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  list(@Query() query: ListConversationsQueryDto): Promise<ConversationListResponse> {
    return this.conversations.list(query);
  }

  @Get(':id/messages')
  messages(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListMessagesQueryDto): Promise<MessageListResponse> {
    return this.conversations.messages(id, query);
  }
}

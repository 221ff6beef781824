import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PersonCommentsResponse, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { CommentsService } from './comments.service';

/** The comments of the person a DM conversation is with (the contact panel's timeline, the thread's "came from a comment"). */
@ApiTags('comments')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('conversations')
export class ConversationCommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get(':id/comments')
  ofConversation(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<PersonCommentsResponse> {
    return this.comments.ofConversation(user, id);
  }
}

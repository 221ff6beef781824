import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConversationStateResponse, IDEMPOTENCY_KEY_HEADER, MessageDto, ReplyPolicyResponse, Role, SendMessageResponse } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AssignmentService } from '../assignment/assignment.service';
import { ReactToMessageRequestDto, SendMessageRequestDto } from './dto/send-message.request.dto';
import { ReactionsService } from './reactions.service';
import { SenderActionsService } from './sender-actions.service';
import { SendMessageService } from './send-message.service';

@ApiTags('conversations')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('conversations/:id')
export class ConversationMessagesController {
  constructor(
    private readonly sending: SendMessageService,
    private readonly reactions: ReactionsService,
    private readonly assignment: AssignmentService,
    private readonly senderActions: SenderActionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Where Meta fetches our signed upload links: the configured public api origin, never the request's Host header. */
  private get apiBaseUrl(): string {
    return this.config.http.publicApiUrl;
  }

  /** How a reply can go out right now under Meta's rules (the composer shows it before typing). */
  @Get('reply-policy')
  @ApiOkResponse()
  replyPolicy(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ReplyPolicyResponse> {
    return this.sending.replyPolicy(user, id);
  }

  @Post('messages')
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: true, description: 'Same key = same message: never sent twice' })
  @ApiOkResponse()
  send(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: SendMessageRequestDto,
  ): Promise<SendMessageResponse> {
    return this.sending.send(user, id, key, body, this.apiBaseUrl);
  }

  @Post('messages/:messageId/retry')
  @HttpCode(200)
  @ApiOkResponse()
  retry(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('messageId', new ParseUUIDPipe()) messageId: string,
  ): Promise<SendMessageResponse> {
    return this.sending.retry(user, id, messageId, this.apiBaseUrl);
  }

  /** Unread count to 0; the customer sees "Seen" (inside the 24 h window). */
  @Post('read')
  @HttpCode(200)
  @ApiOkResponse()
  async read(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ConversationStateResponse> {
    const state = await this.assignment.markRead(user, id);
    void this.senderActions.markSeen(await this.assignment.get(user, id));
    return state;
  }

  /** `:mid` is Meta's message id. */
  @Post('messages/:mid/reactions')
  @HttpCode(200)
  @ApiOkResponse()
  react(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('mid') mid: string,
    @Body() body: ReactToMessageRequestDto,
  ): Promise<MessageDto> {
    return this.reactions.react(user, id, mid, body);
  }
}

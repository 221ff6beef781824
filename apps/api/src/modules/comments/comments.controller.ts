import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CommentActionResponse,
  CommentBackfillDto,
  CommentDetailResponse,
  CommentListResponse,
  CommentPostListResponse,
  Role,
} from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { CommentBackfillService } from './backfill/comment-backfill.service';
import { CommentsService } from './comments.service';
import {
  AssignCommentRequestDto,
  CommentBackfillRequestDto,
  CommentTextRequestDto,
  SetCommentDoneRequestDto,
  SetCommentLabelsRequestDto,
} from './dto/comment-action.request.dto';
import { ListCommentPostsQueryDto, ListCommentsQueryDto } from './dto/list-comments.query.dto';
import { CommentModerationService } from './moderation/comment-moderation.service';

/** The comments desk: admins see every comment, agents unassigned ones and their own (404 otherwise). */
@ApiTags('comments')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('comments')
export class CommentsController {
  constructor(
    private readonly comments: CommentsService,
    private readonly moderation: CommentModerationService,
    private readonly backfill: CommentBackfillService,
  ) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListCommentsQueryDto): Promise<CommentListResponse> {
    return this.comments.list(user, query);
  }

  /** Registered before `:id`. */
  @Get('posts')
  posts(@CurrentUser() user: AuthUser, @Query() query: ListCommentPostsQueryDto): Promise<CommentPostListResponse> {
    return this.comments.listPosts(user, query);
  }

  @Get('backfills')
  backfills(): Promise<CommentBackfillDto[]> {
    return this.backfill.latest();
  }

  @Post('backfill')
  @Roles(Role.ADMIN)
  @HttpCode(202)
  startBackfill(@CurrentUser() user: AuthUser, @Body() body: CommentBackfillRequestDto): Promise<CommentBackfillDto[]> {
    return this.backfill.start(body.channelId, 'manual', user);
  }

  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<CommentDetailResponse> {
    return this.comments.detail(user, id);
  }

  @Post(':id/replies')
  reply(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CommentTextRequestDto): Promise<CommentActionResponse> {
    return this.moderation.graphAction(user, id, 'public_reply', body.text);
  }

  /** Meta's private reply: once per comment, within 7 days (Live: while on air); 409 / 422 with the reason otherwise. */
  @Post(':id/private-reply')
  privateReply(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CommentTextRequestDto,
  ): Promise<CommentActionResponse> {
    return this.moderation.graphAction(user, id, 'private_reply', body.text);
  }

  @Post(':id/hide')
  @HttpCode(200)
  hide(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<CommentActionResponse> {
    return this.moderation.graphAction(user, id, 'hide');
  }

  @Post(':id/unhide')
  @HttpCode(200)
  unhide(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<CommentActionResponse> {
    return this.moderation.graphAction(user, id, 'unhide');
  }

  @Delete(':id')
  remove(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<CommentActionResponse> {
    return this.moderation.graphAction(user, id, 'delete');
  }

  @Post(':id/assign')
  @HttpCode(200)
  assign(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AssignCommentRequestDto): Promise<CommentActionResponse> {
    return this.moderation.assign(user, id, body.assigneeId);
  }

  @Post(':id/done')
  @HttpCode(200)
  done(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: SetCommentDoneRequestDto): Promise<CommentActionResponse> {
    return this.moderation.setDone(user, id, body.done);
  }

  @Put(':id/labels')
  labels(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SetCommentLabelsRequestDto,
  ): Promise<CommentActionResponse> {
    return this.moderation.setLabels(user, id, body.labelIds);
  }
}

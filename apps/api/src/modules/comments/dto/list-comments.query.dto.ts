import { ApiPropertyOptional } from '@nestjs/swagger';
import { COMMENT_KIND_FILTERS, CommentKindFilter, CommentSource, CommentStatusFilter, MessagePlatform } from '@ticklegram/domain-models';
import { Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const STATUS_FILTERS: CommentStatusFilter[] = ['needs_reply', 'replied', 'done', 'hidden', 'deleted', 'all'];

export class ListCommentsQueryDto {
  @ApiPropertyOptional({ enum: MessagePlatform })
  @IsOptional()
  @IsEnum(MessagePlatform)
  platform?: MessagePlatform;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ description: "the post's or media's Meta id" })
  @IsOptional()
  @IsString()
  @MaxLength(191)
  postId?: string;

  @ApiPropertyOptional({ enum: STATUS_FILTERS, default: 'needs_reply' })
  @IsOptional()
  @IsIn(STATUS_FILTERS)
  status?: CommentStatusFilter;

  @ApiPropertyOptional({ enum: ['organic', 'ad'] })
  @IsOptional()
  @IsIn(['organic', 'ad'])
  source?: CommentSource;

  @ApiPropertyOptional({ enum: COMMENT_KIND_FILTERS })
  @IsOptional()
  @IsIn([...COMMENT_KIND_FILTERS])
  kind?: CommentKindFilter;

  @ApiPropertyOptional({ description: 'text, author name or username contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ description: 'me | unassigned | any | a user id' })
  @IsOptional()
  @Matches(/^(me|unassigned|any|[0-9a-fA-F-]{36})$/, { message: 'assignee must be me, unassigned, any or a user id' })
  assignee?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ListCommentPostsQueryDto {
  @ApiPropertyOptional({ enum: MessagePlatform })
  @IsOptional()
  @IsEnum(MessagePlatform)
  platform?: MessagePlatform;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { CONVERSATION_STATUSES, ConversationAssigneeFilter, ConversationListQuery, ConversationStatus, MessagePlatform } from '@ticklegram/domain-models';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const UUID_OR_KEYWORD = /^(me|unassigned|any|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export class ListConversationsQueryDto implements ConversationListQuery {
  @ApiPropertyOptional({ description: 'Matches contact names/usernames and message text' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: MessagePlatform })
  @IsOptional()
  @IsIn(Object.values(MessagePlatform))
  platform?: MessagePlatform;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ enum: CONVERSATION_STATUSES })
  @IsOptional()
  @IsIn(CONVERSATION_STATUSES as ConversationStatus[])
  status?: ConversationStatus;

  @ApiPropertyOptional({ description: "`me`, `unassigned`, `any` or a user id (within the caller's scope: an agent gets nothing for a teammate)" })
  @IsOptional()
  @IsString()
  @Matches(UUID_OR_KEYWORD, { message: 'assignee must be me, unassigned, any or a user id' })
  assignee?: ConversationAssigneeFilter;

  @ApiPropertyOptional({ description: 'true: only conversations with unread messages' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only conversations with this label' })
  @IsOptional()
  @IsUUID()
  label?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
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

export class ListMessagesQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page (older messages)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

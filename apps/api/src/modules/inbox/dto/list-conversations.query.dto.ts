import { ApiPropertyOptional } from '@nestjs/swagger';
import { ConversationListQuery } from '@ticklegram/domain-models';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ListConversationsQueryDto implements ConversationListQuery {
  @ApiPropertyOptional({ description: 'Matches contact names/usernames and message text' })
  @IsOptional() @IsString() @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 30 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;
}

export class ListMessagesQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page (older messages)' })
  @IsOptional() @IsString() @MaxLength(200)
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

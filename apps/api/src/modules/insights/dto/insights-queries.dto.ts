import { ApiPropertyOptional } from '@nestjs/swagger';
import { INSIGHT_MEDIA_SORTS, type InsightMediaSort } from '@ticklegram/domain-models';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = 'must be a date as YYYY-MM-DD';

/** `from`/`to`: inclusive UTC days. */
export class InsightsRangeQueryDto {
  @ApiPropertyOptional({ example: '2026-11-06', description: 'First day (UTC), default 27 days before `to`' })
  @IsOptional()
  @Matches(DAY, { message: `from ${DAY_MESSAGE}` })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-03', description: 'Last day (UTC), default today' })
  @IsOptional()
  @Matches(DAY, { message: `to ${DAY_MESSAGE}` })
  to?: string;
}

export class MediaInsightsQueryDto extends InsightsRangeQueryDto {
  @ApiPropertyOptional({ description: 'One Instagram account; default all' })
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ enum: INSIGHT_MEDIA_SORTS, default: 'posted_at' })
  @IsOptional()
  @IsIn(INSIGHT_MEDIA_SORTS as readonly string[])
  sort?: InsightMediaSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ enum: ['FEED', 'REELS', 'AD'] })
  @IsOptional()
  @IsIn(['FEED', 'REELS', 'AD'])
  productType?: string;

  @ApiPropertyOptional({ default: 24, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class StoryInsightsQueryDto extends InsightsRangeQueryDto {
  @ApiPropertyOptional({ description: 'One Instagram account; default all' })
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class InsightsSyncRequestDto {
  @ApiPropertyOptional({ description: 'One Instagram account; omitted = every connected one' })
  @IsOptional()
  @IsUUID()
  channelId?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { CAPI_EVENT_STATUSES, CapiEventStatus } from '@ticklegram/domain-models';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class CapiEventsQueryDto {
  @ApiPropertyOptional({ enum: CAPI_EVENT_STATUSES })
  @IsOptional()
  @IsIn(CAPI_EVENT_STATUSES)
  status?: CapiEventStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class AttributionQueryDto {
  @ApiPropertyOptional({ description: 'Start day (YYYY-MM-DD, in tz) or an ISO time; default 30 days ago' })
  @IsOptional()
  @IsISO8601({}, { message: 'from must be a date (YYYY-MM-DD) or an ISO 8601 time' })
  from?: string;

  @ApiPropertyOptional({ description: 'End day (inclusive, YYYY-MM-DD in tz) or an ISO time; default today' })
  @IsOptional()
  @IsISO8601({}, { message: 'to must be a date (YYYY-MM-DD) or an ISO 8601 time' })
  to?: string;

  @ApiPropertyOptional({ example: 'Europe/Vienna', default: 'UTC' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tz?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AnalyticsQuery, BusinessHoursDto, MessagePlatform } from '@ticklegram/domain-models';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { isCalendarDate, isValidTimeZone } from '../calculators/time-zone';

const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && isCalendarDate(v),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a date as YYYY-MM-DD`,
      },
    },
    options,
  );

export const IsTimeZone = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && v.length <= 64 && isValidTimeZone(v),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an IANA time zone such as Europe/Berlin`,
      },
    },
    options,
  );

export class AnalyticsQueryDto implements AnalyticsQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First day (included), in tz' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-01-31', description: 'Last day (included), in tz' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin', default: 'UTC' })
  @IsOptional()
  @IsTimeZone()
  tz?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ enum: MessagePlatform })
  @IsOptional()
  @IsIn(Object.values(MessagePlatform))
  platform?: MessagePlatform;

  @ApiPropertyOptional({ format: 'uuid', description: 'Conversations assigned to this agent (agents: only themselves)' })
  @IsOptional()
  @IsUUID()
  agentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Conversations carrying this label' })
  @IsOptional()
  @IsUUID()
  labelId?: string;

  @ApiPropertyOptional({ description: 'true: FRT and resolution time count business hours only' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  businessHours?: boolean;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class BusinessHoursRequestDto implements BusinessHoursDto {
  @ApiProperty({ example: 'Europe/Berlin' })
  @IsString()
  @IsTimeZone()
  timeZone!: string;

  @ApiProperty({ example: [1, 2, 3, 4, 5], description: 'ISO weekdays, 1 = Monday … 7 = Sunday' })
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays!: number[];

  @ApiProperty({ example: '09:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'start must be HH:MM' })
  start!: string;

  @ApiProperty({ example: '17:00', description: 'After start (the window may not cross midnight)' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'end must be HH:MM' })
  end!: string;
}

export class AnalyticsSettingsRequestDto {
  @ApiPropertyOptional({ type: BusinessHoursRequestDto, nullable: true, description: 'null turns business hours off' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BusinessHoursRequestDto)
  businessHours!: BusinessHoursRequestDto | null;
}

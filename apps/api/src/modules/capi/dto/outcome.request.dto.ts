import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTCOME_ALIASES, OUTCOME_TYPES, RecordOutcomeRequest } from '@ticklegram/domain-models';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const TYPES = [...OUTCOME_TYPES, ...Object.keys(OUTCOME_ALIASES)];

export class RecordOutcomeRequestDto implements RecordOutcomeRequest {
  @ApiProperty({ enum: TYPES, description: "Meta's business-messaging event name, or lead / qualified / purchase" })
  @IsString()
  @IsIn(TYPES, { message: `type must be one of ${TYPES.join(', ')}` })
  type!: string;

  @ApiPropertyOptional({ example: 49.9 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a number' })
  @Min(0)
  @Max(10_000_000)
  value?: number;

  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ description: 'Hashed (SHA-256) before it is stored or sent' })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ description: 'With country code; hashed (SHA-256) before it is stored or sent' })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\+?[0-9 ()./-]{6,32}$/, { message: 'phone must be a phone number with its country code, e.g. +43 660 1234567' })
  phone?: string;
}

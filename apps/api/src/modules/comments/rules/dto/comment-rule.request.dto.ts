import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CommentRuleAction,
  CommentRuleActionType,
  CommentRuleConditions,
  CommentRuleDryRunRequest,
  CommentRuleRequest,
  CommentSource,
  KeywordMode,
  MessagePlatform,
} from '@ticklegram/domain-models';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class KeywordsConditionDto {
  @ApiProperty({ type: [String], example: ['refund', 'scam'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  words!: string[];

  @ApiProperty({ enum: ['any', 'all', 'exact'] })
  @IsIn(['any', 'all', 'exact'])
  mode!: KeywordMode;
}

export class RegexConditionDto {
  @ApiProperty({ example: '\\b(dm|whatsapp) me\\b' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  pattern!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  caseInsensitive?: boolean;
}

export class CommentRuleConditionsDto implements CommentRuleConditions {
  @ApiPropertyOptional({ type: KeywordsConditionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => KeywordsConditionDto)
  keywords?: KeywordsConditionDto;

  @ApiPropertyOptional({ type: RegexConditionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegexConditionDto)
  regex?: RegexConditionDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  containsLink?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  containsPhone?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  containsEmail?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  emojiOnly?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  profanity?: boolean;

  @ApiPropertyOptional({ enum: ['organic', 'ad'] })
  @IsOptional()
  @IsIn(['organic', 'ad'])
  source?: CommentSource;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(191, { each: true })
  postExternalIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  firstCommentOfUser?: boolean;

  @ApiPropertyOptional({ enum: MessagePlatform, isArray: true })
  @IsOptional()
  @IsArray()
  @IsEnum(MessagePlatform, { each: true })
  platforms?: MessagePlatform[];
}

const ACTION_TYPES: CommentRuleActionType[] = ['hide', 'delete', 'label', 'assign', 'public_reply', 'private_reply'];

/** One action; which other field it needs depends on `type` (checked by the rules service, field by field). */
export class CommentRuleActionDto {
  @ApiProperty({ enum: ACTION_TYPES })
  @IsIn(ACTION_TYPES)
  type!: CommentRuleActionType;

  @ApiPropertyOptional({ description: 'label' })
  @IsOptional()
  @IsUUID()
  labelId?: string;

  @ApiPropertyOptional({ description: 'assign' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ description: 'public_reply / private_reply: {{name}}, {{first_name}}, {{username}}' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  text?: string;
}

export class CommentRuleRequestDto implements Omit<CommentRuleRequest, 'actions'> {
  @ApiProperty({ example: 'Hide phone numbers' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  stopProcessing?: boolean;

  @ApiProperty({ type: CommentRuleConditionsDto })
  @ValidateNested()
  @Type(() => CommentRuleConditionsDto)
  conditions!: CommentRuleConditionsDto;

  @ApiProperty({ type: [CommentRuleActionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CommentRuleActionDto)
  actions!: CommentRuleActionDto[];
}

export class CommentRuleOrderRequestDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class CommentRuleDryRunRequestDto implements Omit<CommentRuleDryRunRequest, 'rule'> {
  @ApiProperty({ minimum: 1, maximum: 500, example: 100 })
  @IsInt()
  @Min(1)
  @Max(500)
  limit!: number;

  @ApiPropertyOptional({ type: CommentRuleRequestDto, description: 'a draft to evaluate alone; the saved rules when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommentRuleRequestDto)
  rule?: CommentRuleRequestDto;
}

export class CommentRuleLogQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** The request's actions as the domain type (after the service checked each has its field). */
export function toRuleActions(actions: CommentRuleActionDto[]): CommentRuleAction[] {
  return actions.map((a): CommentRuleAction => {
    switch (a.type) {
      case 'label':
        return { type: 'label', labelId: a.labelId as string };
      case 'assign':
        return { type: 'assign', userId: a.userId as string };
      case 'public_reply':
      case 'private_reply':
        return { type: a.type, text: a.text as string };
      default:
        return { type: a.type };
    }
  });
}

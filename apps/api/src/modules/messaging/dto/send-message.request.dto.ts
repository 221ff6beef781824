import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QuickReplyInput, ReactToMessageRequest, SendMessageRequest, SendTemplateInput } from '@ticklegram/domain-models';
import { Type } from 'class-transformer';
import { IsStringListOrRecord } from '../../../common/validators/string-values.validator';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const isText = (o: QuickReplyInputDto) => (o.contentType ?? 'text') === 'text';

export class QuickReplyInputDto implements QuickReplyInput {
  @ApiPropertyOptional({
    enum: ['text', 'user_phone_number', 'user_email'],
    default: 'text',
    description: 'Instagram: text only (phone/email disabled by Meta on 2026-10-05)',
  })
  @IsOptional()
  @IsIn(['text', 'user_phone_number', 'user_email'], { message: 'contentType must be text, user_phone_number or user_email' })
  contentType?: 'text' | 'user_phone_number' | 'user_email';

  @ApiPropertyOptional({ maxLength: 20, description: 'Required for text quick replies' })
  @ValidateIf(isText)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20, { message: 'quick reply titles are limited to 20 characters' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Required for text quick replies' })
  @ValidateIf(isText)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  payload?: string;
}

export class SendTemplateInputDto implements SendTemplateInput {
  @ApiProperty({ description: 'Our template id (GET /api/templates)' })
  @IsUUID()
  id!: string;

  @ApiPropertyOptional({
    description: 'Body variable values: a list in order for {{1}} templates, an object by name for named ones',
    example: ['Aiko', '#1001'],
  })
  @IsOptional()
  @IsStringListOrRecord(1000)
  parameters?: string[] | Record<string, string>;

  @ApiPropertyOptional({ description: 'The value for the variable a URL button ends with' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  urlSuffix?: string;
}

export class SendMessageRequestDto implements SendMessageRequest {
  @ApiPropertyOptional({ description: 'Instagram ≤ 1,000 UTF-8 bytes; Messenger ≤ 2,000 characters' })
  @ValidateIf((o: SendMessageRequestDto) => o.text !== undefined || (!o.attachments?.length && !o.template))
  @IsString({ message: 'text is required unless attachments are sent' })
  @IsNotEmpty({ message: 'text must not be empty' })
  text?: string;

  @ApiPropertyOptional({ type: [String], description: 'Ids from POST /api/uploads' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  attachments?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(191)
  replyToMid?: string;

  @ApiPropertyOptional({ type: [QuickReplyInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(13, { message: 'at most 13 quick replies' })
  @ValidateNested({ each: true })
  @Type(() => QuickReplyInputDto)
  quickReplies?: QuickReplyInputDto[];

  @ApiPropertyOptional({ type: SendTemplateInputDto, description: 'Messenger: an approved utility template instead of text (sent alone)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SendTemplateInputDto)
  template?: SendTemplateInputDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  lastSeenMessageId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  confirmStale?: boolean;
}

export class ReactToMessageRequestDto implements ReactToMessageRequest {
  @ApiPropertyOptional({ description: 'Instagram: love; Messenger: any emoji' })
  @ValidateIf((o: ReactToMessageRequestDto) => o.action === 'react')
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  reaction?: string;

  @ApiProperty({ enum: ['react', 'unreact'] })
  @IsIn(['react', 'unreact'])
  action!: 'react' | 'unreact';
}

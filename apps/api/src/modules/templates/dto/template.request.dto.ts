import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CloneLibraryTemplateRequest, CreateTemplateRequest, TemplateButtonInput } from '@ticklegram/domain-models';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsStringRecord } from '../../../common/validators/string-values.validator';

/**
 * Shapes and safety caps only: Meta's rules (lengths, variables, examples, links) are checked by the
 * shared `validateTemplateDraft`, which answers with the same field paths in plain words.
 */
export class TemplateButtonInputDto implements TemplateButtonInput {
  @ApiProperty({ enum: ['URL', 'QUICK_REPLY'], description: 'QUICK_REPLY goes to Meta as a POSTBACK button' })
  @IsIn(['URL', 'QUICK_REPLY'])
  type!: 'URL' | 'QUICK_REPLY';

  @ApiProperty({ maxLength: 25 })
  @IsString()
  @MaxLength(200)
  text!: string;

  @ApiPropertyOptional({ description: 'URL buttons: https link, may end with one variable' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  url?: string;

  @ApiPropertyOptional({ description: 'URL buttons with a variable: an example of the link end' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  urlExample?: string | null;

  @ApiPropertyOptional({ description: 'QUICK_REPLY: sent back as the postback payload (defaults to the text)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  payload?: string | null;
}

class TemplateDraftDto {
  @ApiProperty({ example: 'order_update' })
  @IsString()
  @MaxLength(600)
  name!: string;

  @ApiProperty({ example: 'en_US' })
  @IsString()
  @MaxLength(16)
  language!: string;

  @ApiPropertyOptional({ maxLength: 60, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(600)
  header?: string | null;

  @ApiProperty({ maxLength: 1024, example: 'Hi {{1}}, your order {{2}} has shipped.' })
  @IsString()
  @MaxLength(4000)
  body!: string;

  @ApiPropertyOptional({ example: { '1': 'Jane', '2': '#1001' }, description: 'An example per body variable, by its name' })
  @IsOptional()
  @IsStringRecord(1000)
  examples?: Record<string, string>;

  @ApiPropertyOptional({ maxLength: 60, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(600)
  footer?: string | null;

  @ApiPropertyOptional({ type: [TemplateButtonInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TemplateButtonInputDto)
  buttons?: TemplateButtonInputDto[];
}

export class CreateTemplateRequestDto extends TemplateDraftDto implements CreateTemplateRequest {
  @ApiProperty({ description: 'The Facebook Page channel' })
  @IsUUID()
  channelId!: string;

  @ApiPropertyOptional({ description: 'Also submit it to Meta for review' })
  @IsOptional()
  @IsBoolean()
  submit?: boolean;
}

export class UpdateTemplateRequestDto extends PartialType(TemplateDraftDto) {}

export class CloneLibraryTemplateRequestDto implements CloneLibraryTemplateRequest {
  @ApiProperty()
  @IsUUID()
  channelId!: string;

  @ApiProperty({ example: 'order_confirmation' })
  @IsString()
  @MaxLength(191)
  libraryTemplateName!: string;

  @ApiProperty({ example: 'en_US' })
  @IsString()
  @MaxLength(16)
  language!: string;

  @ApiProperty({ example: 'order_confirmation_copy' })
  @IsString()
  @MaxLength(600)
  name!: string;
}

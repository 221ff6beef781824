import { ApiPropertyOptional } from '@nestjs/swagger';
import { TemplateListQuery, TemplateStatus } from '@ticklegram/domain-models';
import { IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class TemplateListQueryDto implements TemplateListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ enum: TemplateStatus })
  @IsOptional()
  @IsEnum(TemplateStatus)
  status?: TemplateStatus;

  @ApiPropertyOptional({ example: 'en_US' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(_[A-Z]{2})?$/, { message: 'language must be a code like en_US' })
  language?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class LibraryQueryDto {
  @ApiPropertyOptional({ description: 'The Page whose connection asks Meta (default: the first connected Page)' })
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ description: 'Matches the name or the text' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ example: 'en_US' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(_[A-Z]{2})?$/, { message: 'language must be a code like en_US' })
  language?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateNoteRequest } from '@ticklegram/domain-models';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreateNoteRequestDto implements CreateNoteRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  body!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  mentionUserIds?: string[];
}

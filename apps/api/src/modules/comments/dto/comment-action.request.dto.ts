import { ApiProperty } from '@nestjs/swagger';
import { AssignCommentRequest, CommentBackfillRequest, CommentTextRequest } from '@ticklegram/domain-models';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

export class CommentTextRequestDto implements CommentTextRequest {
  @ApiProperty({ example: 'Thanks! We sent you a message.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  text!: string;
}

export class AssignCommentRequestDto implements AssignCommentRequest {
  @ApiProperty({ nullable: true, description: 'null unassigns' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  assigneeId!: string | null;
}

export class SetCommentDoneRequestDto {
  @ApiProperty({ description: 'false reopens it' })
  @IsBoolean()
  done!: boolean;
}

export class SetCommentLabelsRequestDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  labelIds!: string[];
}

export class CommentBackfillRequestDto implements CommentBackfillRequest {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsUUID()
  channelId?: string;
}

import { ApiProperty, PartialType } from '@nestjs/swagger';
import { CannedResponseRequest } from '@ticklegram/domain-models';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCannedResponseRequestDto implements CannedResponseRequest {
  @ApiProperty({ example: 'thanks' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,31}$/, { message: 'shortcut must be 1–32 lowercase letters, digits, "-" or "_"' })
  shortcut!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  title!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  body!: string;
}

export class UpdateCannedResponseRequestDto extends PartialType(CreateCannedResponseRequestDto) {}

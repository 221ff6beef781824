import { ApiProperty, PartialType } from '@nestjs/swagger';
import { LabelRequest } from '@ticklegram/domain-models';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CreateLabelRequestDto implements LabelRequest {
  @ApiProperty({ example: 'VIP' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '#22c55e' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsString()
  @Matches(/^#[0-9a-f]{6}$/, { message: 'color must be a hex colour like #22c55e' })
  color!: string;
}

export class UpdateLabelRequestDto extends PartialType(CreateLabelRequestDto) {}

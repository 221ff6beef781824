import { ApiProperty } from '@nestjs/swagger';
import { ConnectFacebookPagesRequest } from '@ticklegram/domain-models';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsNotEmpty, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export class PageChoiceDto {
  @ApiProperty()
  @IsString()
  @Matches(/^\d{1,32}$/, { message: 'pageId must be a numeric Page id' })
  pageId!: string;

  @ApiProperty()
  @IsBoolean()
  connectPage!: boolean;

  @ApiProperty()
  @IsBoolean()
  connectInstagram!: boolean;
}

export class ConnectFacebookPagesRequestDto implements ConnectFacebookPagesRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'selectionId must not be empty' })
  @MaxLength(8192)
  selectionId!: string;

  @ApiProperty({ type: [PageChoiceDto] })
  @ValidateNested({ each: true })
  @Type(() => PageChoiceDto)
  @ArrayMinSize(1, { message: 'pick at least one Page or Instagram account' })
  @ArrayMaxSize(100)
  pages!: PageChoiceDto[];
}

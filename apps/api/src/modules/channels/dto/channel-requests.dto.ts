import { ApiProperty } from '@nestjs/swagger';
import { ConnectFacebookPagesRequest, OAuthCompleteRequest, PasteTokenRequest, UpdateChannelRequest } from '@ticklegram/domain-models';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PasteTokenRequestDto implements PasteTokenRequest {
  @ApiProperty({ description: 'A Page access token, or an Instagram Login user token. Stored encrypted; never returned.' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'accessToken must not be empty' })
  @MaxLength(1024)
  @Matches(/^[A-Za-z0-9|_\-.]+$/, { message: 'accessToken contains characters a Meta token never has (spaces or quotes?)' })
  accessToken!: string;
}

export class OAuthCompleteRequestDto implements OAuthCompleteRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'code must not be empty' })
  @MaxLength(2048)
  code!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'state must not be empty' })
  @MaxLength(2048)
  state!: string;
}

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

export class UpdateChannelRequestDto implements UpdateChannelRequest {
  @ApiProperty({ required: false, description: 'Allow the HUMAN_AGENT tag (replies 24 h – 7 days after the last customer message).' })
  @IsOptional()
  @IsBoolean({ message: 'humanAgentEnabled must be true or false' })
  humanAgentEnabled?: boolean;
}

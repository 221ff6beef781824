import { ApiProperty } from '@nestjs/swagger';
import { OAuthCompleteRequest, PasteTokenRequest, UpdateChannelRequest } from '@ticklegram/domain-models';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

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

export class UpdateChannelRequestDto implements UpdateChannelRequest {
  @ApiProperty({ required: false, description: 'Allow the HUMAN_AGENT tag (replies 24 h – 7 days after the last customer message).' })
  @IsOptional()
  @IsBoolean({ message: 'humanAgentEnabled must be true or false' })
  humanAgentEnabled?: boolean;
}

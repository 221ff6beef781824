import { ApiPropertyOptional } from '@nestjs/swagger';
import { UpdateCapiSettingsRequest } from '@ticklegram/domain-models';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class UpdateCapiSettingsRequestDto implements UpdateCapiSettingsRequest {
  @ApiPropertyOptional({ description: 'A dataset (or pixel) id' })
  @IsOptional()
  @Matches(/^[0-9]{5,32}$/, { message: 'datasetId must be the numeric id of a dataset' })
  datasetId?: string;

  @ApiPropertyOptional({ nullable: true, example: 'TEST12345' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'testEventCode must be the code from Events Manager (letters and digits)' })
  testEventCode?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'A dedicated access token (stored encrypted, never returned); null removes it' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MinLength(20, { message: 'accessToken looks too short to be a Meta access token' })
  @MaxLength(1024)
  accessToken?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

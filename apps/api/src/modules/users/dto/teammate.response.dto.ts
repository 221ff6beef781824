import { ApiProperty } from '@nestjs/swagger';
import { Role, TeammateDto } from '@ticklegram/domain-models';

export class TeammateResponseDto implements TeammateDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role }) role!: Role;
}

import { ApiProperty } from '@nestjs/swagger';
import { SessionResponse } from '@ticklegram/domain-models';
import { UserResponseDto } from '../../users/dto/user.response.dto';

export class SessionResponseDto implements SessionResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty() expiresIn!: number;
  @ApiProperty({ type: UserResponseDto }) user!: UserResponseDto;
}

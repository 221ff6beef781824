import { ApiProperty } from '@nestjs/swagger';
import { CreateUserRequest, PASSWORD_MIN_LENGTH, Role } from '@ticklegram/domain-models';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateUserRequestDto implements CreateUserRequest {
  @ApiProperty({ example: 'sam@example.com' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Sam Rivera' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name!: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role, { message: 'role must be ADMIN or AGENT' })
  role!: Role;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(200)
  password!: string;
}

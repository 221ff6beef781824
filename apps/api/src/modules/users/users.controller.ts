import { Body, Controller, Get, Ip, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ROLES, Role, TeammateDto, UserDto } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { CreateUserRequestDto } from './dto/create-user.request.dto';
import { TeammateResponseDto } from './dto/teammate.response.dto';
import { UpdateUserRequestDto } from './dto/update-user.request.dto';
import { UserResponseDto } from './dto/user.response.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles(Role.ADMIN)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: [UserResponseDto] })
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  /** Any signed-in user: active teammates' id, name and role (for @mentions). Overrides the admin-only default. */
  @Get('directory')
  @Roles(...ROLES)
  @ApiOkResponse({ type: [TeammateResponseDto] })
  directory(): Promise<TeammateDto[]> {
    return this.users.directory();
  }

  @Post()
  @ApiOkResponse({ type: UserResponseDto })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserRequestDto, @Ip() ip: string): Promise<UserDto> {
    return this.users.create(actor, body, ip);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserResponseDto })
  update(@CurrentUser() actor: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateUserRequestDto, @Ip() ip: string): Promise<UserDto> {
    return this.users.update(actor, id, body, ip);
  }
}

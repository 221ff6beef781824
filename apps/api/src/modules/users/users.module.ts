import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from './entities/user.entity';
import { InitialAdminService } from './initial-admin.service';
import { PasswordHasher } from './password-hasher.service';
import { UserRepository } from './repositories/user.repository';
import { UserAccessEvents } from './user-access-events';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [UsersController],
  providers: [UserRepository, UsersService, PasswordHasher, InitialAdminService, UserAccessEvents],
  exports: [UserRepository, PasswordHasher, UserAccessEvents],
})
export class UsersModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CannedResponseRepository } from './canned-response.repository';
import { CannedResponsesController } from './canned-responses.controller';
import { CannedResponsesService } from './canned-responses.service';
import { CannedResponseEntity } from './entities/canned-response.entity';

/** Admin-managed canned responses (`/shortcut` in the composer). */
@Module({
  imports: [TypeOrmModule.forFeature([CannedResponseEntity])],
  controllers: [CannedResponsesController],
  providers: [CannedResponseRepository, CannedResponsesService],
})
export class CannedResponsesModule {}

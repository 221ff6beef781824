import { Module } from '@nestjs/common';
import { InboxModule } from '../inbox/inbox.module';
import { PriorityController } from './priority.controller';
import { PriorityService } from './priority.service';

/** `PUT /api/conversations/:id/priority`. */
@Module({
  imports: [InboxModule],
  controllers: [PriorityController],
  providers: [PriorityService],
})
export class PriorityModule {}

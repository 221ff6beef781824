import { Module } from '@nestjs/common';
import { AssignmentModule } from '../assignment/assignment.module';
import { PriorityController } from './priority.controller';
import { PriorityService } from './priority.service';

/** `PUT /api/conversations/:id/priority`. */
@Module({
  imports: [AssignmentModule],
  controllers: [PriorityController],
  providers: [PriorityService],
})
export class PriorityModule {}

import { Injectable } from '@nestjs/common';
import { Role, rooms } from '@ticklegram/domain-models';
import { RealtimeService } from '../realtime/realtime.service';
import { toCommentDto } from './comment.mapper';
import { CommentEntity } from './entities/comment.entity';

/** The comments module's realtime events: `comment.*`, to every signed-in role (comments are not scoped per agent yet). */
@Injectable()
export class CommentsGateway {
  constructor(private readonly realtime: RealtimeService) {}

  created(comment: CommentEntity): void {
    this.realtime.toRooms([rooms.role(Role.ADMIN), rooms.role(Role.AGENT)], 'comment.created', { comment: toCommentDto(comment) });
  }

  updated(comment: CommentEntity): void {
    this.realtime.toRooms([rooms.role(Role.ADMIN), rooms.role(Role.AGENT)], 'comment.updated', { comment: toCommentDto(comment) });
  }
}

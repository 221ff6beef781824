import { CommentEntity } from './entities/comment.entity';

/** Tables of the comments module. */
export const COMMENTS_ENTITIES = [CommentEntity];

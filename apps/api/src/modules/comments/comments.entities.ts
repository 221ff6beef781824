import { CommentActionEntity } from './entities/comment-action.entity';
import { CommentBackfillEntity } from './entities/comment-backfill.entity';
import { CommentChannelCountEntity } from './entities/comment-channel-count.entity';
import { CommentCountEntity } from './entities/comment-count.entity';
import { CommentPostEntity } from './entities/comment-post.entity';
import { CommentRuleEntity } from './entities/comment-rule.entity';
import { CommentEntity } from './entities/comment.entity';
import { CommentSearchEntity } from './entities/comment-search.entity';

/** Tables of the comments module. */
export const COMMENTS_ENTITIES = [
  CommentEntity,
  CommentPostEntity,
  CommentActionEntity,
  CommentRuleEntity,
  CommentBackfillEntity,
  CommentCountEntity,
  CommentChannelCountEntity,
  CommentSearchEntity,
];

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxModule } from '../inbox/inbox.module';
import { LabelsModule } from '../labels/labels.module';
import { UsersModule } from '../users/users.module';
import { BackfillMerger } from './backfill/backfill-merger';
import { CommentBackfillService } from './backfill/comment-backfill.service';
import { CommentCounters } from './comment-counters';
import { CommentNames } from './comment-names';
import { CommentWriter } from './comment-writer';
import { COMMENTS_ENTITIES } from './comments.entities';
import { CommentsController } from './comments.controller';
import { CommentsGateway } from './comments.gateway';
import { CommentsService } from './comments.service';
import { ConversationCommentsController } from './conversation-comments.controller';
import { CommentEnricher } from './ingestion/comment-enricher';
import { CommentEventsApplier } from './ingestion/comment-events.applier';
import { CommentActionExecutor } from './moderation/comment-action.executor';
import { CommentActionWorker } from './moderation/comment-action.worker';
import { CommentGraph } from './moderation/comment-graph';
import { CommentModerationService } from './moderation/comment-moderation.service';
import { PrivateReplyBudget } from './moderation/private-reply-budget';
import { CommentPostRepository } from './repositories/comment-post.repository';
import { CommentSearchRepository } from './repositories/comment-search.repository';
import { CommentRepository } from './repositories/comment.repository';
import { CommentStatsRepository } from './repositories/comment-stats.repository';
import { CommentSearch } from './search/comment-search';
import { CommentRuleCache } from './rules/comment-rule-cache';
import { CommentRulesController } from './rules/comment-rules.controller';
import { CommentRulesService } from './rules/comment-rules.service';
import { RuleRunner } from './rules/rule-runner';

/**
 * The comments desk (`comments`, `comment_posts`, `comment_actions`, `comment_rules`,
 * `comment_backfills`): webhook appliers for comments and mentions with auto-moderation rules in the
 * ingestion path, the action queue that respects Meta's limits, backfill, the desk's reads and
 * moderation commands, and `comment.*` realtime events. Reads the inbox (a private reply opens the
 * author's DM conversation; the conversation shows the person's comments); the inbox does not read it.
 */
@Module({
  imports: [TypeOrmModule.forFeature(COMMENTS_ENTITIES), InboxModule, LabelsModule, UsersModule],
  controllers: [CommentsController, ConversationCommentsController, CommentRulesController],
  providers: [
    CommentEventsApplier,
    CommentEnricher,
    CommentWriter,
    CommentCounters,
    CommentRepository,
    CommentSearchRepository,
    CommentSearch,
    CommentStatsRepository,
    CommentPostRepository,
    CommentsService,
    CommentsGateway,
    CommentNames,
    CommentGraph,
    CommentActionExecutor,
    CommentActionWorker,
    CommentModerationService,
    PrivateReplyBudget,
    CommentRuleCache,
    RuleRunner,
    CommentRulesService,
    BackfillMerger,
    CommentBackfillService,
  ],
  exports: [CommentsService, CommentStatsRepository],
})
export class CommentsModule {}

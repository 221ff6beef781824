import { Injectable } from '@nestjs/common';
import { privateReplyEligibility, renderCommentReply } from '@ticklegram/domain-models';
import { EntityManager, IsNull, Not } from 'typeorm';
import type { ChannelRef } from '../../channels/channel-ref';
import { CommentWriter } from '../comment-writer';
import { CommentActionEntity } from '../entities/comment-action.entity';
import { CommentEntity } from '../entities/comment.entity';
import { CommentActionExecutor } from '../moderation/comment-action.executor';
import { CommentRuleCache } from './comment-rule-cache';
import { CommentFacts, CompiledRule, evaluateRules, RuleMatch } from './rule-evaluator';

/** Reads what the conditions and actions need to know about a comment (only what the rules use). */
export async function factsFor(m: EntityManager, rules: readonly CompiledRule[], comment: CommentEntity, liveEnded = false): Promise<CommentFacts> {
  const needsFirst = rules.some((r) => r.conditions.firstCommentOfUser);
  const needsPrivate = rules.some((r) => r.actions.some((a) => a.type === 'private_reply'));
  const author = comment.authorExternalId;
  // platform first: author ids are per platform, and (platform, author_external_id) is the index that finds one person's comments
  const byAuthor = { platform: comment.platform, channelId: comment.channelId, authorExternalId: author ?? undefined };
  const firstCommentOfUser =
    needsFirst && author ? !(await m.exists(CommentEntity, { where: { ...byAuthor, id: Not(comment.id), isFromBusiness: false } })) : !author;
  const privateReplySentToAuthorOnPost =
    needsPrivate && author && comment.objectExternalId
      ? await m.exists(CommentEntity, {
          where: [
            { ...byAuthor, objectExternalId: comment.objectExternalId, privateRepliedAt: Not(IsNull()) },
            { ...byAuthor, objectExternalId: comment.objectExternalId, privateReplyQueued: true },
          ],
        })
      : false;
  const eligibility = privateReplyEligibility({
    platform: comment.platform,
    kind: comment.kind,
    isFromBusiness: comment.isFromBusiness,
    removed: comment.removedAt !== null,
    commentedAt: comment.commentedAt,
    privateRepliedAt: comment.privateRepliedAt,
    privateReplyQueued: comment.privateReplyQueued,
    liveEnded,
  });
  return {
    text: comment.text,
    platform: comment.platform,
    source: comment.isAd ? 'ad' : 'organic',
    postExternalId: comment.objectExternalId,
    firstCommentOfUser,
    privateReplySentToAuthorOnPost,
    privateReplyRefusal: eligibility.allowed ? null : eligibility.reason,
    alreadyAssigned: comment.assigneeId !== null,
  };
}

/**
 * Auto-moderation in the ingestion path, inside the transaction that stored the comment: label and
 * assign apply at once; hide, delete and replies become `queued` rows for the action worker (so the
 * webhook's transaction never waits on Meta, and Meta's limits delay instead of drop); what a rule could
 * not do is logged as `skipped` with the reason. Returns how many Graph actions were queued.
 */
@Injectable()
export class RuleRunner {
  constructor(
    private readonly cache: CommentRuleCache,
    private readonly writer: CommentWriter,
  ) {}

  /** Warms the cache outside the transaction (the applier's `prepare`). */
  async warm(): Promise<void> {
    await this.cache.enabled();
  }

  async run(m: EntityManager, channel: ChannelRef, comment: CommentEntity): Promise<number> {
    const rules = await this.cache.enabled();
    if (!rules.length) return 0;
    const matches = evaluateRules(rules, await factsFor(m, rules, comment));
    if (!matches.length) return 0;
    return this.apply(m, channel, comment, matches);
  }

  private async apply(m: EntityManager, channel: ChannelRef, comment: CommentEntity, matches: RuleMatch[]): Promise<number> {
    let queued = 0;
    let changed = false;
    const now = new Date();
    for (const { rule, actions } of matches) {
      for (const { action, outcome, reason } of actions) {
        const base = { commentId: comment.id, channelId: channel.id, ruleId: rule.id };
        if (outcome === 'would_skip') {
          await m.save(
            CommentActionEntity,
            CommentActionExecutor.newRow({
              ...base,
              action: action.type === 'assign' ? 'assign' : action.type,
              status: 'skipped',
              errorMessage: reason?.slice(0, 500) ?? null,
              finishedAt: now,
            }),
          );
          continue;
        }
        switch (action.type) {
          case 'label':
            comment.labelIds = [...new Set([...(comment.labelIds ?? []), action.labelId])];
            changed = true;
            await m.save(
              CommentActionEntity,
              CommentActionExecutor.newRow({ ...base, action: 'label', status: 'done', payload: { labelId: action.labelId }, finishedAt: now }),
            );
            break;
          case 'assign':
            comment.assigneeId = action.userId;
            changed = true;
            await m.save(
              CommentActionEntity,
              CommentActionExecutor.newRow({ ...base, action: 'assign', status: 'done', payload: { assigneeId: action.userId }, finishedAt: now }),
            );
            break;
          default: {
            const text =
              action.type === 'public_reply' || action.type === 'private_reply'
                ? renderCommentReply(action.text, { name: comment.authorName, username: comment.authorUsername })
                : undefined;
            await m.save(
              CommentActionEntity,
              CommentActionExecutor.newRow({
                ...base,
                action: action.type,
                status: 'queued',
                payload: text === undefined ? null : { text },
                nextAttemptAt: now,
              }),
            );
            if (action.type === 'private_reply') {
              comment.privateReplyQueued = true;
              changed = true;
            }
            queued += 1;
          }
        }
      }
    }
    if (changed) await this.writer.save(m, comment);
    return queued;
  }
}

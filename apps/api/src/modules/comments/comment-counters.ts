import { Injectable } from '@nestjs/common';
import { MessagePlatform, StoredCommentStatus } from '@ticklegram/domain-models';
import { EntityManager } from 'typeorm';
import { COMMENT_COUNT_SLOTS } from './entities/comment-channel-count.entity';
import type { CommentEntity } from './entities/comment.entity';

/** The columns of a comment that place it in `comment_counts` (and, without the post, in `comment_channel_counts`). */
export type CountKey = Pick<CommentEntity, 'channelId' | 'platform' | 'objectExternalId' | 'kind' | 'isReply' | 'isAd' | 'assigneeId' | 'status'>;

const KEY_COLUMNS = ['channel_id', 'object_external_id', 'kind', 'is_reply', 'is_ad', 'assignee_id', 'status'] as const;
const CHANNEL_KEY_COLUMNS = ['channel_id', 'kind', 'is_reply', 'is_ad', 'assignee_id', 'status', 'slot'] as const;

function same(a: CountKey, b: CountKey): boolean {
  return (
    a.channelId === b.channelId &&
    (a.objectExternalId ?? '') === (b.objectExternalId ?? '') &&
    a.kind === b.kind &&
    a.isReply === b.isReply &&
    a.isAd === b.isAd &&
    (a.assigneeId ?? '') === (b.assigneeId ?? '') &&
    a.status === b.status
  );
}

/**
 * Keeps `comment_counts` (per post) and `comment_channel_counts` (per channel) in step with `comments`,
 * inside the transaction of the comment write (atomic increments). The per-channel increment goes to the
 * slot of the writer's connection, so one transaction keeps to one slot and concurrent ones rarely share a row.
 */
@Injectable()
export class CommentCounters {
  async adjust(m: EntityManager, before: CountKey | null, after: CountKey | null): Promise<void> {
    if (before && after && same(before, after)) return;
    const changes: [CountKey, 1 | -1][] = [];
    if (before) changes.push([before, -1]);
    if (after) changes.push([after, 1]);
    if (changes.length) await this.bump(m, changes);
  }

  /** The key of a stored comment as the database has it now (before a change is written). */
  async storedKey(m: EntityManager, id: string): Promise<CountKey | null> {
    const rows: {
      channel_id: string;
      platform: MessagePlatform;
      object_external_id: string | null;
      kind: CountKey['kind'];
      is_reply: number | boolean;
      is_ad: number | boolean;
      assignee_id: string | null;
      status: StoredCommentStatus;
    }[] = await m.query('SELECT channel_id, platform, object_external_id, kind, is_reply, is_ad, assignee_id, status FROM comments WHERE id = ?', [id]);
    const r = rows[0];
    if (!r) return null;
    return {
      channelId: r.channel_id,
      platform: r.platform,
      objectExternalId: r.object_external_id,
      kind: r.kind,
      isReply: Boolean(Number(r.is_reply)),
      isAd: Boolean(Number(r.is_ad)),
      assigneeId: r.assignee_id,
      status: r.status,
    };
  }

  /** One statement per table for the whole change (the old key's -1 and the new key's +1). */
  private async bump(m: EntityManager, changes: [CountKey, 1 | -1][]): Promise<void> {
    const postRows = changes.flatMap(([k, by]) => [
      k.channelId,
      (k.objectExternalId ?? '').slice(0, 191),
      k.kind,
      k.isReply ? 1 : 0,
      k.isAd ? 1 : 0,
      k.assigneeId ?? '',
      k.status,
      k.platform,
      by,
    ]);
    const channelRows = changes.flatMap(([k, by]) => [k.channelId, k.kind, k.isReply ? 1 : 0, k.isAd ? 1 : 0, k.assigneeId ?? '', k.status, k.platform, by]);
    const type = m.connection.options.type;
    const mysql = type === 'mysql' || type === 'mariadb';
    const slot = mysql ? `CONNECTION_ID() % ${COMMENT_COUNT_SLOTS}` : '0';
    const postInsert = `INSERT INTO comment_counts (${KEY_COLUMNS.join(', ')}, platform, n) VALUES ${changes.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;
    const channelInsert = `INSERT INTO comment_channel_counts (${CHANNEL_KEY_COLUMNS.join(', ')}, platform, n) VALUES ${changes
      .map(() => `(?, ?, ?, ?, ?, ?, ${slot}, ?, ?)`)
      .join(', ')}`;
    if (mysql) {
      await m.query(`${postInsert} ON DUPLICATE KEY UPDATE n = n + VALUES(n)`, postRows);
      await m.query(`${channelInsert} ON DUPLICATE KEY UPDATE n = n + VALUES(n)`, channelRows);
    } else {
      await m.query(`${postInsert} ON CONFLICT (${KEY_COLUMNS.join(', ')}) DO UPDATE SET n = n + excluded.n`, postRows);
      await m.query(`${channelInsert} ON CONFLICT (${CHANNEL_KEY_COLUMNS.join(', ')}) DO UPDATE SET n = n + excluded.n`, channelRows);
    }
  }
}

/** SQL that rebuilds `comment_counts` from `comments` (the migration, benchmarks, a repair; after a DELETE of its rows). */
export const RECOUNT_COMMENTS_SQL = `INSERT INTO comment_counts (${KEY_COLUMNS.join(', ')}, platform, n)
  SELECT channel_id, COALESCE(object_external_id, ''), kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, platform, COUNT(*)
  FROM comments GROUP BY channel_id, COALESCE(object_external_id, ''), kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, platform`;

/** SQL that rebuilds `comment_channel_counts` from `comments` into slot 0 (as {@link RECOUNT_COMMENTS_SQL}). */
export const RECOUNT_CHANNEL_COMMENTS_SQL = `INSERT INTO comment_channel_counts (${CHANNEL_KEY_COLUMNS.join(', ')}, platform, n)
  SELECT channel_id, kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, 0, platform, COUNT(*)
  FROM comments GROUP BY channel_id, kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, platform`;

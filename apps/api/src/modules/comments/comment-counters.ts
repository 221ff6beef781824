import { Injectable } from '@nestjs/common';
import { MessagePlatform, StoredCommentStatus } from '@ticklegram/domain-models';
import { EntityManager } from 'typeorm';
import type { CommentEntity } from './entities/comment.entity';

/** The columns of a comment that place it in `comment_counts`. */
export type CountKey = Pick<CommentEntity, 'channelId' | 'platform' | 'objectExternalId' | 'kind' | 'isReply' | 'isAd' | 'assigneeId' | 'status'>;

const KEY_COLUMNS = ['channel_id', 'object_external_id', 'kind', 'is_reply', 'is_ad', 'assignee_id', 'status'] as const;

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

/** Keeps `comment_counts` in step with `comments`, inside the transaction of the comment write (atomic increments). */
@Injectable()
export class CommentCounters {
  async adjust(m: EntityManager, before: CountKey | null, after: CountKey | null): Promise<void> {
    if (before && after && same(before, after)) return;
    if (before) await this.bump(m, before, -1);
    if (after) await this.bump(m, after, 1);
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

  private async bump(m: EntityManager, k: CountKey, by: 1 | -1): Promise<void> {
    const values = [
      k.channelId,
      (k.objectExternalId ?? '').slice(0, 191),
      k.kind,
      k.isReply ? 1 : 0,
      k.isAd ? 1 : 0,
      k.assigneeId ?? '',
      k.status,
      k.platform,
      by,
    ];
    const insert = `INSERT INTO comment_counts (${KEY_COLUMNS.join(', ')}, platform, n) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
    const type = m.connection.options.type;
    if (type === 'mysql' || type === 'mariadb') await m.query(`${insert} ON DUPLICATE KEY UPDATE n = n + VALUES(n)`, values);
    else await m.query(`${insert} ON CONFLICT (${KEY_COLUMNS.join(', ')}) DO UPDATE SET n = n + excluded.n`, values);
  }
}

/** SQL that rebuilds `comment_counts` from `comments` (the migration, benchmarks, a repair). */
export const RECOUNT_COMMENTS_SQL = `INSERT INTO comment_counts (${KEY_COLUMNS.join(', ')}, platform, n)
  SELECT channel_id, COALESCE(object_external_id, ''), kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, platform, COUNT(*)
  FROM comments GROUP BY channel_id, COALESCE(object_external_id, ''), kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, platform`;

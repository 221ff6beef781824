import { Injectable } from '@nestjs/common';
import { MessagePlatform } from '@ticklegram/domain-models';
import { GraphAuth } from '@ticklegram/meta-graph';
import type { ChannelRef } from '../../channels/channel-ref';
import { ChannelsService } from '../../channels/channels.service';
import { MetaGraph } from '../../meta/meta.module';
import type { CommentEntity } from '../entities/comment.entity';

/** The Graph calls of comment moderation, per platform (reference: comments and private replies). */
@Injectable()
export class CommentGraph {
  constructor(
    private readonly graph: MetaGraph,
    private readonly channels: ChannelsService,
  ) {}

  private async auth(channel: ChannelRef): Promise<GraphAuth> {
    return (await this.channels.sendTarget(channel)).auth;
  }

  /** Instagram replies are one level deep: a reply to a reply goes under its top-level comment. */
  async publicReply(channel: ChannelRef, comment: CommentEntity, text: string): Promise<{ id: string }> {
    const auth = await this.auth(channel);
    if (channel.platform === MessagePlatform.INSTAGRAM)
      return this.graph.comments.replyToInstagramComment(auth, comment.parentExternalId ?? comment.externalId, text);
    return this.graph.comments.replyToFacebookComment(auth, comment.externalId, text);
  }

  /** `recipient{comment_id}` (or `{post_id}` for a visitor post): opens a DM with the author. */
  async privateReply(channel: ChannelRef, comment: CommentEntity, text: string): Promise<{ recipientId: string | null; mid: string | null }> {
    const target = await this.channels.sendTarget(channel);
    const recipient = comment.kind === 'post' ? { postId: comment.externalId } : { commentId: comment.externalId };
    const res = await this.graph.messaging.sendPrivateReply(target, recipient, { text });
    return { recipientId: res.recipient_id ?? null, mid: res.message_id ?? null };
  }

  async setHidden(channel: ChannelRef, comment: CommentEntity, hidden: boolean): Promise<void> {
    const auth = await this.auth(channel);
    if (channel.platform === MessagePlatform.INSTAGRAM) await this.graph.comments.setInstagramCommentHidden(auth, comment.externalId, hidden);
    else await this.graph.comments.setFacebookCommentHidden(auth, comment.externalId, hidden);
  }

  async remove(channel: ChannelRef, comment: CommentEntity): Promise<void> {
    const auth = await this.auth(channel);
    if (channel.platform === MessagePlatform.INSTAGRAM) await this.graph.comments.deleteInstagramComment(auth, comment.externalId);
    else await this.graph.comments.deleteFacebookComment(auth, comment.externalId);
  }
}

import type { SimComment, SimCustomer, SimMessage } from '../state/model';
import type { SimContext } from '../sim-context';
import { str } from '../http/request';
import type { AuthContext } from './auth';
import { Errors, GraphError } from './graph-error';
import { checkNotRestricted, deliverOutbound, type SendTarget } from './send-api';

/**
 * Private replies (reference §4.4, §11): `recipient{comment_id|post_id}`; one per comment or post,
 * within 7 days; Instagram posts, reels, stories, ads and Live comments (Live only while on air);
 * 750 per hour per Page / IG account. The commenter gets a DM (and a PSID if they had none).
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

function invalidFor(platform: 'messenger' | 'instagram', why: string): GraphError {
  return platform === 'instagram'
    ? Errors.param(`The comment is invalid for a private reply: ${why}`, 2534025)
    : Errors.param(`Invalid comment or post id for a private reply: ${why}`, 33);
}

function targetComment(ctx: SimContext, recipient: Record<string, unknown>): { comment?: SimComment; postId?: string } {
  const s = ctx.store;
  const commentId = str(recipient['comment_id']);
  const postId = str(recipient['post_id']);
  if (commentId) return { comment: s.comments.get(commentId) };
  const post = postId ? s.posts.get(postId) : undefined;
  if (!post) return { postId };
  return {
    postId,
    comment: {
      id: post.id,
      platform: 'messenger',
      accountId: post.pageId,
      objectId: post.id,
      fromId: post.fromId,
      fromName: post.fromName,
      text: post.message,
      createdAt: post.createdAt,
      hidden: false,
      deleted: post.deleted,
      likeCount: 0,
      mentions: [],
    },
  };
}

/** The commenter as a messaging customer of the account: IG keeps the IGSID, Facebook users get a PSID. */
function commenterAsCustomer(ctx: SimContext, comment: SimComment): SimCustomer {
  const s = ctx.store;
  const existing = [...s.customers.values()].find((c) => c.accountId === comment.accountId && (c.id === comment.fromId || c.feedUserId === comment.fromId));
  if (existing) return existing;
  const [first = comment.fromName, ...rest] = comment.fromName.split(' ');
  const base = {
    accountId: comment.accountId,
    name: comment.fromName,
    firstName: first,
    lastName: rest.join(' '),
    followerCount: 0,
    isUserFollowBusiness: false,
    isBusinessFollowUser: false,
    isVerifiedUser: false,
    locale: 'en_US',
    timezone: 0,
  };
  const customer: SimCustomer =
    comment.platform === 'instagram'
      ? {
          ...base,
          id: comment.fromId,
          platform: 'instagram',
          username: comment.fromUsername,
          profilePicUrl: `${s.settings.publicUrl}/cdn/avatar/${comment.fromId}.png`,
        }
      : (() => {
          const psid = s.newNumericId('psid', 7123456789019000n);
          return {
            ...base,
            id: psid,
            platform: 'messenger' as const,
            feedUserId: comment.fromId,
            profilePicUrl: `${s.settings.publicUrl}/cdn/avatar/${psid}.png`,
          };
        })();
  s.customers.set(customer.id, customer);
  return customer;
}

export function privateRepliesLastHour(ctx: SimContext, accountId: string): number {
  const since = Date.now() - HOUR;
  let n = 0;
  for (const m of ctx.store.messages.values()) {
    if (m.isPrivateReplyTo && m.senderId === accountId && m.createdAt > since) n++;
  }
  return n;
}

export function sendPrivateReply(
  ctx: SimContext,
  auth: AuthContext,
  target: SendTarget,
  recipient: Record<string, unknown>,
  message: Record<string, unknown>,
): Record<string, unknown> {
  const s = ctx.store;
  checkNotRestricted(ctx, target.ownerId);
  const { comment, postId } = targetComment(ctx, recipient);
  const platform = comment?.platform ?? (s.pages.has(target.ownerId) ? 'messenger' : 'instagram');
  if (!comment || comment.deleted || !target.accountIds.includes(comment.accountId)) throw invalidFor(platform, 'unknown or deleted');
  if (comment.fromId === comment.accountId) throw invalidFor(platform, 'the business wrote it');
  const stored = s.comments.get(comment.id);
  if (stored?.privateReplyMid || (postId && [...s.messages.values()].some((m) => m.isPrivateReplyTo === postId))) {
    throw new GraphError(400, 10900, '(#10900) Activity already replied to', 'OAuthException');
  }
  const media = s.media.get(comment.objectId);
  if (media?.mediaProductType === 'LIVE' && media.liveStatus !== 'live') throw invalidFor(platform, 'the live broadcast has ended');
  if (Date.now() - comment.createdAt > 7 * DAY) {
    throw new GraphError(400, 10903, "(#10903) This activity can't be replied to (older than 7 days)", 'OAuthException');
  }
  if (privateRepliesLastHour(ctx, comment.accountId) >= s.settings.privateRepliesPerHour) {
    throw new GraphError(
      400,
      613,
      '(#613) Calls to this api have exceeded the rate limit. Private replies are limited per hour for this account.',
      'OAuthException',
      platform === 'instagram' ? 2534040 : undefined,
    );
  }
  const text = str(message['text']);
  if (!text) throw Errors.param('Private replies support text messages only');
  if (platform === 'instagram' && Buffer.byteLength(text, 'utf8') > 1000)
    throw Errors.param('Length of param message[text] must be less than or equal to 1000 bytes', 2534015);
  const customer = commenterAsCustomer(ctx, comment);
  const conv = s.conversationOf(customer);
  const msg: SimMessage = {
    mid: s.newMid(customer.platform),
    conversationId: conv.id,
    direction: 'outbound',
    senderId: customer.accountId,
    recipientId: customer.id,
    createdAt: Date.now(),
    text,
    attachments: [],
    isDeleted: false,
    numEdit: 0,
    reactions: {},
    appId: auth.token.appId,
    isPrivateReplyTo: comment.id,
    messagingType: 'RESPONSE',
  };
  if (stored) stored.privateReplyMid = msg.mid;
  deliverOutbound(ctx, customer, msg);
  s.changed('comment', comment.id);
  return { recipient_id: customer.id, message_id: msg.mid };
}

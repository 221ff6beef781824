import type { Platform, SimAttachment, SimCustomer, SimMessage } from '../state/model';
import type { SimContext } from '../sim-context';
import { cdnAsset } from '../cdn/cdn';
import { obj, str } from '../http/request';
import { deliveryEvent, echoEvent } from '../webhooks/events';
import type { AuthContext } from './auth';
import { Errors, GraphError } from './graph-error';
import { ownedByAnotherApp, threadOwner } from '../messenger/thread-control';
import { sendPrivateReply } from './private-replies';
import { findTemplate, renderTemplate } from './template-render';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DEPRECATED_TAGS = ['CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE'];
const MB = 1024 * 1024;

export interface SendTarget {
  /** Page id (FB host) or IG-login account id (IG host). */
  ownerId: string;
  /** Accounts whose customers can be messaged through this node. */
  accountIds: string[];
}

/** Resolves `/{id}/messages` to the business account the call acts for. */
export function resolveSendTarget(ctx: SimContext, auth: AuthContext, nodeId: string): SendTarget {
  const s = ctx.store;
  let id = nodeId;
  if (id === 'me') {
    if (auth.token.type !== 'PAGE' && auth.token.type !== 'IG_USER') throw Errors.unsupportedGet('me', 'post');
    id = auth.token.subjectId;
  }
  if (!auth.accountIds.has(id)) throw Errors.unsupportedGet(nodeId, 'post');
  const page = s.pages.get(id);
  if (page) return { ownerId: page.id, accountIds: [page.id, ...(page.instagramAccountId ? [page.instagramAccountId] : [])] };
  const ig = s.instagramAccounts.get(id);
  if (ig) {
    if (ig.via === 'page' && auth.host === 'facebook' && ig.pageId) return { ownerId: ig.pageId, accountIds: [ig.id] };
    return { ownerId: ig.id, accountIds: [ig.id] };
  }
  throw Errors.unsupportedGet(nodeId, 'post');
}

/** A Page restricted by Meta (policy enforcement `block`) cannot send: 10 / 1893063 (reference §5.2). */
export function checkNotRestricted(ctx: SimContext, pageId: string): void {
  const restriction = ctx.store.pages.get(pageId)?.restriction;
  if (restriction) {
    throw new GraphError(403, 10, '(#10) This Page is temporarily restricted from sending messages.', 'OAuthException', 1893063, {
      error_user_title: 'Page restricted',
      error_user_msg: restriction.reason,
    });
  }
}

export function noUser(platform: Platform): GraphError {
  return platform === 'instagram' ? Errors.param('No matching Instagram user', 2534014) : Errors.param('No matching user found', 2018001);
}

async function urlSize(ctx: SimContext, url: string): Promise<number | undefined> {
  const base = ctx.store.settings.publicUrl;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw Errors.param('Param url must be a valid URL');
  }
  if (url.startsWith(`${base}/cdn/`)) return cdnAsset(url.slice(base.length + 5).split('?')[0] ?? '')?.size ?? -1;
  if (['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) {
    // Local URLs are reachable from here, so fetch them like Meta would.
    try {
      const head = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(2000) });
      const len = head.ok ? head.headers.get('content-length') : null;
      if (len) return Number(len);
      // Servers without HEAD support or without Content-Length: download like Meta does and count.
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok || !res.body) return -1;
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Uint8Array).byteLength;
        if (size > 25 * MB) break;
      }
      return size;
    } catch {
      return -1;
    }
  }
  return undefined; // external URL: not fetched offline
}

function sizeLimit(platform: Platform, type: string): number {
  if (platform === 'instagram') return type === 'image' ? 8 * MB : 25 * MB;
  return type === 'image' ? 8 * MB : 25 * MB;
}

async function checkedAttachment(ctx: SimContext, platform: Platform, ownerId: string, raw: Record<string, unknown>): Promise<SimAttachment> {
  const type = str(raw['type'])?.toLowerCase();
  const payload = obj(raw['payload']) ?? {};
  if (!type) throw Errors.param('param message[attachment][type] must be non-empty.');
  if (type === 'like_heart') {
    if (platform !== 'instagram') throw Errors.param('Invalid attachment type: like_heart');
    return { type: 'like_heart' };
  }
  if (type === 'template') {
    return { type: 'template', extra: { ...payload } };
  }
  if (type === 'media_share' || type === 'MEDIA_SHARE'.toLowerCase()) {
    const id = str(payload['id']) ?? str(payload['attachment_id']);
    const media = id ? ctx.store.media.get(id) : undefined;
    if (!media || (media.accountId !== ownerId && ctx.store.pages.get(ownerId)?.instagramAccountId !== media.accountId)) {
      throw Errors.param('The media must be owned by the business', 2534015);
    }
    return { type: 'ig_post', url: media.permalink, title: media.caption, extra: { ig_post_media_id: media.id } };
  }
  if (!['image', 'video', 'audio', 'file'].includes(type)) throw Errors.param(`Invalid attachment type: ${type}`);
  const attachmentId = str(payload['attachment_id']);
  if (attachmentId) {
    const upload = ctx.store.uploads.get(attachmentId);
    if (!upload || upload.accountId !== ownerId) throw Errors.param('Invalid attachment_id', 2018047);
    if (Date.now() - upload.createdAt > 90 * DAY) throw Errors.param('Attachment has expired', 2018047);
    return { type, url: upload.url, attachmentId, size: upload.size };
  }
  const url = str(payload['url']);
  if (!url) throw Errors.param('param message[attachment][payload][url] must be non-empty.');
  const size = await urlSize(ctx, url);
  if (size === -1) throw Errors.param('Failed to fetch the file from the url', 2018008);
  if (size !== undefined && size > sizeLimit(platform, type)) {
    throw Errors.param(`Attachment size exceeds the allowable limit for ${type}`, 2018109);
  }
  return { type, url, size };
}

/** Records a business message, then echoes it (and, on Messenger, reports delivery). */
export function deliverOutbound(ctx: SimContext, customer: SimCustomer, message: SimMessage): void {
  const s = ctx.store;
  s.addMessage(message);
  const conv = s.conversations.get(message.conversationId);
  if (conv) conv.businessTyping = false;
  ctx.webhooks.enqueue(echoEvent(s, customer, message));
  message.deliveredAt = message.createdAt;
  if (customer.platform === 'messenger') ctx.webhooks.enqueue(deliveryEvent(customer, [message.mid], message.createdAt));
}

export async function handleSend(ctx: SimContext, auth: AuthContext, nodeId: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const s = ctx.store;
  const target = resolveSendTarget(ctx, auth, nodeId);
  const recipient = obj(params['recipient']);
  if (!recipient) throw Errors.param('param recipient must be non-empty.');
  const message = obj(params['message']);
  if (recipient['comment_id'] !== undefined || recipient['post_id'] !== undefined) {
    if (!message) throw Errors.param('param message must be non-empty.');
    return sendPrivateReply(ctx, auth, target, recipient, message);
  }
  const recipientId = str(recipient['id']);
  const customer = recipientId ? [...target.accountIds].map((a) => s.customerByAccount(a, recipientId)).find(Boolean) : undefined;
  const platform: Platform = customer?.platform ?? (s.pages.has(target.ownerId) ? 'messenger' : 'instagram');
  if (!customer) throw noUser(platform);
  const conv = s.conversationOf(customer);
  const now = Date.now();
  if (ownedByAnotherApp(s, conv)) {
    throw new GraphError(
      403,
      10,
      `(#10) Another app (${threadOwner(s, conv)}) controls this thread; your app can send once thread control is passed to it.`,
      'OAuthException',
      2018300,
    );
  }

  const senderAction = str(params['sender_action']);
  if (senderAction) {
    if (message) throw Errors.param('sender_action cannot be sent with message');
    const payload = obj(params['payload']) ?? {};
    switch (senderAction) {
      case 'typing_on':
      case 'typing_off':
        conv.businessTyping = senderAction === 'typing_on';
        break;
      case 'mark_seen':
        conv.businessSeenAt = now;
        break;
      case 'react':
      case 'unreact': {
        const mid = str(payload['message_id']);
        const target2 = mid ? s.messages.get(mid) : undefined;
        if (!target2 || target2.conversationId !== conv.id) throw Errors.param('Invalid message_id in payload', 2534015);
        if (senderAction === 'react') {
          const reaction = str(payload['reaction']) ?? 'love';
          const emoji = reaction === 'love' ? '❤️' : reaction;
          if (platform === 'instagram' && reaction !== 'love') throw Errors.param('Instagram only supports the love reaction');
          target2.reactions[customer.accountId] = { reaction, emoji };
        } else delete target2.reactions[customer.accountId];
        break;
      }
      default:
        throw Errors.param(`param sender_action must be one of {typing_on, typing_off, mark_seen, react, unreact} - got "${senderAction}"`);
    }
    s.changed('conversation', conv.id);
    return { recipient_id: customer.id };
  }

  if (!message) throw Errors.param('param message must be non-empty.');
  checkNotRestricted(ctx, target.ownerId);
  const messagingType = str(params['messaging_type']);
  const tag = str(params['tag']);
  if (platform === 'messenger' && !messagingType) throw Errors.param('param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG, UTILITY}');
  if (messagingType && !['RESPONSE', 'UPDATE', 'MESSAGE_TAG', 'UTILITY'].includes(messagingType)) {
    throw Errors.param(`param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG, UTILITY} - got "${messagingType}"`);
  }
  if (tag) {
    if (DEPRECATED_TAGS.includes(tag)) {
      throw Errors.param(
        `The tag ${tag} is no longer supported. Use utility message templates or the Marketing Messages API instead.`,
        undefined,
        'This message tag has been deprecated.',
      );
    }
    if (tag !== 'HUMAN_AGENT') throw Errors.param(`param tag must be one of {HUMAN_AGENT} - got "${tag}"`);
  }
  if (messagingType === 'MESSAGE_TAG' && !tag) throw Errors.param('param tag must be non-empty when messaging_type is MESSAGE_TAG');

  // Utility template (documented shape message.template, or attachment.payload.template_type=utility_messages)
  const attachmentRaw = obj(message['attachment']);
  const attPayload = obj(attachmentRaw?.['payload']);
  const templateSpec =
    obj(message['template']) ?? obj(params['template']) ?? (str(attPayload?.['template_type']) === 'utility_messages' ? attPayload : undefined);
  let text = str(message['text']);
  let templateName: string | undefined;
  const attachments: SimAttachment[] = [];
  if (templateSpec) {
    if (platform !== 'messenger') throw Errors.param('Utility templates are only available on Messenger');
    const rendered = renderTemplate(findTemplate(ctx, target.ownerId, templateSpec), templateSpec['components']);
    text = rendered.text;
    if (rendered.attachment) attachments.push(rendered.attachment);
    templateName = rendered.templateName;
  } else {
    if (text !== undefined) {
      if (platform === 'instagram' && Buffer.byteLength(text, 'utf8') > 1000) {
        throw Errors.param('Length of param message[text] must be less than or equal to 1000 bytes', 2534015);
      }
      if (platform === 'messenger' && [...text].length > 2000) throw Errors.param('Length of param message[text] must be less than or equal to 2000');
    }
    if (attachmentRaw) attachments.push(await checkedAttachment(ctx, platform, target.ownerId, attachmentRaw));
    const many = message['attachments'];
    if (Array.isArray(many)) {
      if (platform === 'instagram' && many.length > 10) throw Errors.param('A message can contain at most 10 images', 2534068);
      for (const a of many) {
        const att = await checkedAttachment(ctx, platform, target.ownerId, obj(a) ?? {});
        if (platform === 'instagram' && att.type !== 'image') throw Errors.param('Only images can be sent in attachments[]', 2534068);
        attachments.push(att);
      }
    }
    if (text === undefined && attachments.length === 0) throw Errors.param('param message must contain text or attachment');
    if (text !== undefined && attachments.length > 0) throw Errors.param('Only one of text or attachment can be specified');
    const qr = message['quick_replies'];
    if (qr !== undefined) {
      if (!Array.isArray(qr) || qr.length === 0 || qr.length > 13) throw Errors.param('param message[quick_replies] must have between 1 and 13 elements');
      for (const q of qr.map(obj)) {
        const contentType = str(q?.['content_type']) ?? 'text';
        if (platform === 'instagram' && (contentType === 'user_phone_number' || contentType === 'user_email')) {
          // Disabled on Instagram since 2026-10-05 (reference §11); 2534015 = invalid message data.
          throw Errors.param(`Quick replies with content_type ${contentType} are no longer supported on Instagram`, 2534015);
        }
        if (!['text', 'user_phone_number', 'user_email'].includes(contentType)) throw Errors.param(`Invalid quick reply content_type ${contentType}`);
        if (contentType === 'text') {
          const title = str(q?.['title']) ?? '';
          if (!title || [...title].length > 20) throw Errors.param('Quick reply title must be between 1 and 20 characters');
          if (!str(q?.['payload'])) throw Errors.param('Quick reply payload must be non-empty');
        }
      }
    }
  }

  // Messaging window
  const last = conv.lastCustomerActivityAt;
  const age = last === undefined ? Infinity : now - last;
  if (!templateSpec) {
    const inWindow = age <= DAY;
    const humanAgentOk = tag === 'HUMAN_AGENT' && age <= 7 * DAY;
    if (!inWindow && !humanAgentOk) throw Errors.outsideWindow(platform);
  }

  const replyTo = str(obj(params['reply_to'])?.['mid']) ?? str(obj(message['reply_to'])?.['mid']);
  if (replyTo) {
    const target2 = s.messages.get(replyTo);
    if (!target2 || target2.conversationId !== conv.id) throw Errors.param('Invalid reply_to mid', 2534015);
  }
  const msg: SimMessage = {
    mid: s.newMid(platform),
    conversationId: conv.id,
    direction: 'outbound',
    senderId: customer.accountId,
    recipientId: customer.id,
    createdAt: now,
    text,
    attachments,
    quickReplies: Array.isArray(message['quick_replies']) ? (message['quick_replies'] as unknown[]) : undefined,
    replyToMid: replyTo,
    tag,
    messagingType,
    metadata: str(message['metadata']),
    appId: auth.token.appId,
    templateName,
    isDeleted: false,
    numEdit: 0,
    reactions: {},
  };
  const reusable = attachmentRaw && obj(attachmentRaw['payload'])?.['is_reusable'] === true && attachments[0] && !attachments[0].attachmentId;
  let attachmentId: string | undefined;
  if (reusable && attachments[0]) {
    attachmentId = s.newNumericId('attachment', 900000000000000n);
    s.uploads.set(attachmentId, {
      id: attachmentId,
      accountId: target.ownerId,
      type: attachments[0].type,
      url: attachments[0].url,
      size: attachments[0].size ?? 0,
      createdAt: now,
    });
    attachments[0].attachmentId = attachmentId;
  }
  deliverOutbound(ctx, customer, msg);
  const out: Record<string, unknown> = { recipient_id: customer.id, message_id: msg.mid };
  if (attachmentId) out['attachment_id'] = attachmentId;
  return out;
}

/** `POST /{page-id}/message_attachments` — pre-upload a reusable asset. */
export async function handleAttachmentUpload(
  ctx: SimContext,
  auth: AuthContext,
  nodeId: string,
  params: Record<string, unknown>,
  files: Array<{ field: string; size: number; contentType: string; filename: string }>,
): Promise<Record<string, unknown>> {
  const target = resolveSendTarget(ctx, auth, nodeId);
  const message = obj(params['message']);
  const attachment = obj(message?.['attachment']);
  const type = str(attachment?.['type'])?.toLowerCase();
  const payload = obj(attachment?.['payload']) ?? {};
  const platform: Platform = str(params['platform']) === 'instagram' || auth.host === 'instagram' ? 'instagram' : 'messenger';
  if (!type || !['image', 'video', 'audio', 'file'].includes(type))
    throw Errors.param('param message[attachment][type] must be one of {image, video, audio, file}');
  const file = files.find((f) => f.field === 'filedata');
  let size: number | undefined;
  let url = str(payload['url']);
  if (file) {
    if (/[^\x20-\x7e]/.test(file.filename)) throw Errors.param('File names must be ASCII', 2018047);
    size = file.size;
  } else {
    if (!url) throw Errors.param('param message[attachment][payload][url] must be non-empty.');
    size = await urlSize(ctx, url);
    if (size === -1) throw Errors.param('Failed to fetch the file from the url', 2018008);
  }
  if (size !== undefined && size > sizeLimit(platform, type)) throw Errors.param(`Attachment size exceeds the allowable limit for ${type}`, 2018109);
  const id = ctx.store.newNumericId('attachment', 900000000000000n);
  if (!url) url = `${ctx.store.settings.publicUrl}/cdn/upload/${id}.png`;
  ctx.store.uploads.set(id, { id, accountId: target.ownerId, type, url, size: size ?? 0, createdAt: Date.now() });
  return { attachment_id: id };
}

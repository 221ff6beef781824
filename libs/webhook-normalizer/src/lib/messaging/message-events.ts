import {
  MessagePlatform,
  type IgStoryMessageEvent,
  type MessageEditEvent,
  type MessageEvent,
  type MessageUnsendEvent,
  type NormalizedEvent,
} from '@ticklegram/domain-models';
import { normalizeAttachments } from '../attachments';
import { dedupeKey } from '../dedupe-key';
import { classifyEchoSource } from '../echo-source';
import { asRecord, compact, opt, readArray, readBoolean, readId, readNumber, readPath, readString } from '../read-values';
import { normalizeReferral } from '../referral';
import { conversationBase, invalidItem, type ItemContext } from './item-context';
import type { NormalizedReplyTo } from '@ticklegram/domain-models';

function replyTo(raw: unknown): NormalizedReplyTo | null {
  const rec = asRecord(raw);
  if (rec === null) return null;
  const story = asRecord(rec['story']);
  const result = compact<NormalizedReplyTo>({
    mid: opt(readString(rec['mid'])),
    isSelfReply: opt(readBoolean(rec['is_self_reply'])),
    story: story ? compact({ id: opt(readId(story['id'])), url: opt(readString(story['url'])) }) : undefined,
  });
  return Object.keys(result).length > 0 ? result : null;
}

function unsendEvent(ic: ItemContext, mid: string, field: string): MessageUnsendEvent | ReturnType<typeof invalidItem> {
  const base = conversationBase(ic);
  if (base.customerExternalId === null) return invalidItem(ic, field, 'unsend without sender/recipient id');
  return { ...base, type: 'message_unsend', mid, dedupeKey: dedupeKey('msg_unsend', ic.channel, mid) };
}

/** `message` — text, attachments, quick reply, reply_to, referral, echo; `is_deleted` becomes an unsend. */
export function normalizeMessage(ic: ItemContext): NormalizedEvent {
  const message = asRecord(ic.item['message']);
  if (message === null) return invalidItem(ic, 'message', 'message is not an object');
  const mid = readString(message['mid']);
  if (mid === null) return invalidItem(ic, 'message', 'message without mid');
  if (message['is_deleted'] === true) return unsendEvent(ic, mid, 'message');

  const isEcho = message['is_echo'] === true;
  const base = conversationBase(ic, isEcho);
  if (base.customerExternalId === null) return invalidItem(ic, 'message', 'message without sender/recipient id');

  const attachments = normalizeAttachments(message['attachments']);
  const appId = readId(message['app_id']);
  const stickerId = readId(message['sticker_id']) ?? attachments.find((a) => a.type === 'sticker')?.stickerId ?? null;
  const event: MessageEvent = {
    ...base,
    customerExternalId: base.customerExternalId,
    type: 'message',
    dedupeKey: dedupeKey('msg', ic.channel, mid),
    mid,
    direction: isEcho || base.actor === 'business' ? 'outbound' : 'inbound',
    isEcho,
    echoSource: isEcho ? classifyEchoSource(appId, ic.ctx.appId) : null,
    appId,
    metadata: readString(message['metadata']),
    text: typeof message['text'] === 'string' ? message['text'] : null,
    attachments,
    quickReplyPayload: readString(readPath(message, 'quick_reply', 'payload')),
    replyTo: replyTo(message['reply_to']),
    referral: normalizeReferral(message['referral']),
    commands: readArray(message['commands'])
      .map((c) => readString(readPath(c, 'name')))
      .filter((c): c is string => c !== null),
    stickerId,
    isSelf: message['is_self'] === true,
    isUnsupported: message['is_unsupported'] === true || (attachments.length > 0 && attachments.every((a) => a.type === 'unsupported') && !message['text']),
  };
  return storyMessage(event) ?? event;
}

/** Instagram's story mentions and story replies are the instagram module's events, not plain messages. */
function storyMessage(event: MessageEvent): IgStoryMessageEvent | null {
  if (event.platform !== MessagePlatform.INSTAGRAM) return null;
  if (event.attachments.some((a) => a.type === 'story_mention')) return { ...event, type: 'ig_story_mention' };
  if (event.replyTo?.story) return { ...event, type: 'ig_story_reply' };
  return null;
}

/** `message_unsend {mid}` — the standalone unsend form. */
export function normalizeMessageUnsend(ic: ItemContext): NormalizedEvent {
  const mid = readString(readPath(ic.item, 'message_unsend', 'mid'));
  if (mid === null) return invalidItem(ic, 'message_unsend', 'message_unsend without mid');
  return unsendEvent(ic, mid, 'message_unsend');
}

/** `message_edit {mid, text, num_edit}`. */
export function normalizeMessageEdit(ic: ItemContext): NormalizedEvent {
  const edit = asRecord(ic.item['message_edit']);
  const mid = readString(edit?.['mid']);
  if (edit === null || mid === null) return invalidItem(ic, 'message_edit', 'message_edit without mid');
  const numEdit = readNumber(edit['num_edit']);
  const event: MessageEditEvent = {
    ...conversationBase(ic),
    type: 'message_edit',
    dedupeKey: dedupeKey('msg_edit', ic.channel, mid, numEdit ?? ic.timestamp),
    mid,
    text: typeof edit['text'] === 'string' ? edit['text'] : null,
    numEdit,
  };
  return event;
}

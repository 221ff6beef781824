import type { MessagePlatform, WebhookVia } from '@ticklegram/domain-models';

export interface NormalizeOptions {
  /** Our Meta app id; echoes carrying it are labelled `this_app`. */
  appId?: string;
}

/** What a normaliser of one messaging item or change needs to know about its entry. */
export interface EntryContext {
  object: string;
  platform: MessagePlatform;
  /** `entry.id` as a string (null when Meta sent none). */
  channelExternalId: string | null;
  entryTime: number | null;
  isTest: boolean;
  via: WebhookVia;
  appId?: string;
}

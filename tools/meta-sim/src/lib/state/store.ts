import { EventEmitter } from 'node:events';
import type {
  Platform,
  SimAd,
  SimAdSet,
  SimCampaign,
  SimComment,
  SimConversation,
  SimCustomer,
  SimApp,
  SimFacebookUser,
  SimInsightSeries,
  SimInstagramAccount,
  SimMedia,
  SimMessage,
  SimOAuthCode,
  SimPage,
  SimPixel,
  SimPost,
  SimSubscription,
  SimTemplate,
  SimToken,
  SimUploadedAttachment,
} from './model';

export interface SimSettings {
  appId: string;
  appSecret: string;
  appName: string;
  verifyToken: string;
  /** Base URL under which the sim is reachable (CDN urls, OAuth pages). */
  publicUrl: string;
  requireAppSecretProof: boolean;
  /** How long a submitted template stays PENDING before automatic review. */
  templateReviewMs: number;
  /** Review outcome: `auto` applies Meta's rules; `approve` / `reject` force it (with `templateRejectReason`). */
  templateReviewMode: 'auto' | 'approve' | 'reject';
  templateRejectReason: string;
  /** Fields of the app-level "instagram" webhook subscription (FB-Login IG accounts). */
  instagramAppFields: string[];
  /** Conversations API calls per second per Page / IG account (Meta: 2; 0 = unlimited). */
  conversationsPerSecond: number;
  /** Private replies allowed per rolling hour per Page / IG account (Meta: 750). */
  privateRepliesPerHour: number;
  /** Graph version answered for unversioned calls and in `facebook-api-version` (default v27.0). */
  graphVersion: string;
}

/** Deterministic id sequences: the n-th created entity of a kind always gets the same id. */
class IdSequence {
  private counters = new Map<string, number>();
  next(kind: string): number {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return n;
  }
}

export class SimStore {
  readonly events = new EventEmitter();
  apps = new Map<string, SimApp>();
  pages = new Map<string, SimPage>();
  instagramAccounts = new Map<string, SimInstagramAccount>();
  users = new Map<string, SimFacebookUser>();
  customers = new Map<string, SimCustomer>();
  conversations = new Map<string, SimConversation>();
  messages = new Map<string, SimMessage>();
  media = new Map<string, SimMedia>();
  comments = new Map<string, SimComment>();
  posts = new Map<string, SimPost>();
  templates = new Map<string, SimTemplate>();
  pixels = new Map<string, SimPixel>();
  tokens = new Map<string, SimToken>();
  uploads = new Map<string, SimUploadedAttachment>();
  subscriptions = new Map<string, SimSubscription>();
  insights: SimInsightSeries[] = [];
  oauthCodes = new Map<string, SimOAuthCode>();
  campaigns = new Map<string, SimCampaign>();
  adsets = new Map<string, SimAdSet>();
  ads = new Map<string, SimAd>();
  private ids = new IdSequence();

  constructor(public settings: SimSettings) {
    this.events.setMaxListeners(100);
  }

  clear(): void {
    this.apps.clear();
    this.pages.clear();
    this.instagramAccounts.clear();
    this.users.clear();
    this.customers.clear();
    this.conversations.clear();
    this.messages.clear();
    this.media.clear();
    this.comments.clear();
    this.posts.clear();
    this.templates.clear();
    this.pixels.clear();
    this.tokens.clear();
    this.uploads.clear();
    this.subscriptions.clear();
    this.insights = [];
    this.oauthCodes.clear();
    this.campaigns.clear();
    this.adsets.clear();
    this.ads.clear();
    this.ids = new IdSequence();
  }

  /** Notify live views (phone page SSE) that something changed. */
  changed(kind: string, id: string): void {
    this.events.emit('change', { kind, id });
  }

  // ---- ids -------------------------------------------------------------

  newMid(platform: Platform): string {
    const n = this.ids.next('mid');
    if (platform === 'instagram') {
      const raw = `ig_item:1:IGMessageID:sim_${String(n).padStart(8, '0')}`;
      return Buffer.from(raw).toString('base64').replace(/=+$/, '');
    }
    return `m_sim${String(n).padStart(10, '0')}${'x'.repeat(8)}`;
  }

  /** Ids of seeded history messages: their own sequence, so the ids of everything else stay stable. */
  newHistoryMid(platform: Platform): string {
    const n = this.ids.next('history-mid');
    if (platform === 'instagram') {
      return Buffer.from(`ig_item:1:IGMessageID:hist_${String(n).padStart(8, '0')}`)
        .toString('base64')
        .replace(/=+$/, '');
    }
    return `m_hist${String(n).padStart(9, '0')}${'x'.repeat(8)}`;
  }

  newNumericId(kind: string, base: bigint): string {
    return (base + BigInt(this.ids.next(kind))).toString();
  }

  newToken(prefix: string): string {
    const n = this.ids.next('token');
    return `${prefix}${String(n).padStart(6, '0')}${this.settings.appId.slice(-6)}`;
  }

  // ---- lookups ----------------------------------------------------------

  customerByAccount(accountId: string, customerId: string): SimCustomer | undefined {
    const c = this.customers.get(customerId);
    return c && c.accountId === accountId ? c : undefined;
  }

  conversationOf(customer: SimCustomer): SimConversation {
    const key = `${customer.accountId}:${customer.id}`;
    for (const conv of this.conversations.values()) {
      if (conv.accountId === customer.accountId && conv.customerId === customer.id) return conv;
    }
    const n = this.ids.next('conversation');
    const id =
      customer.platform === 'instagram'
        ? Buffer.from(`ig_conv:${key}:${n}`).toString('base64').replace(/=+$/, '')
        : `t_${String(1000000000000000n + BigInt(n))}`;
    const conv: SimConversation = {
      id,
      platform: customer.platform,
      accountId: customer.accountId,
      customerId: customer.id,
      messageMids: [],
      businessTyping: false,
      optins: [],
      referrals: [],
    };
    this.conversations.set(id, conv);
    return conv;
  }

  conversationMessages(conv: SimConversation): SimMessage[] {
    return conv.messageMids
      .map((mid) => this.messages.get(mid))
      .filter((m): m is SimMessage => m !== undefined)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  addMessage(message: SimMessage): SimMessage {
    this.messages.set(message.mid, message);
    const conv = this.conversations.get(message.conversationId);
    if (conv) conv.messageMids.push(message.mid);
    this.changed('message', message.conversationId);
    return message;
  }

  /** The business account that owns a platform user id (Page or IG account). */
  accountName(accountId: string): { name: string; username?: string } {
    const page = this.pages.get(accountId);
    if (page) return { name: page.name, username: page.username };
    const ig = this.instagramAccounts.get(accountId);
    if (ig) return { name: ig.name, username: ig.username };
    return { name: accountId };
  }

  isInstagramAccount(accountId: string): boolean {
    return this.instagramAccounts.has(accountId);
  }
}

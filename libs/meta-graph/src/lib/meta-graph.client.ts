import { CapiClient } from './capi/capi.client';
import { GraphHttpClient, MetaGraphClientOptions } from './core/graph-http.client';
import { CommentsClient } from './products/comments.client';
import { ConversationsClient } from './products/conversations.client';
import { InsightsClient } from './products/insights.client';
import { MessagingClient } from './products/messaging.client';
import { OAuthClient } from './products/oauth.client';
import { ProfilesClient } from './products/profiles.client';
import { SubscriptionsClient } from './products/subscriptions.client';
import { TemplatesClient } from './products/templates.client';

/**
 * Typed Graph API client: one product client per area, all sharing one HTTP core (keep-alive agents,
 * appsecret_proof, timeouts, per-account rate limits, retries, error taxonomy).
 */
export class MetaGraphClient {
  readonly http: GraphHttpClient;
  readonly messaging: MessagingClient;
  readonly comments: CommentsClient;
  readonly insights: InsightsClient;
  readonly templates: TemplatesClient;
  readonly capi: CapiClient;
  readonly oauth: OAuthClient;
  readonly subscriptions: SubscriptionsClient;
  readonly conversations: ConversationsClient;
  readonly profiles: ProfilesClient;

  constructor(options: MetaGraphClientOptions) {
    this.http = new GraphHttpClient(options);
    this.messaging = new MessagingClient(this.http);
    this.comments = new CommentsClient(this.http);
    this.insights = new InsightsClient(this.http);
    this.templates = new TemplatesClient(this.http);
    this.capi = new CapiClient(this.http);
    this.oauth = new OAuthClient(this.http);
    this.subscriptions = new SubscriptionsClient(this.http);
    this.conversations = new ConversationsClient(this.http);
    this.profiles = new ProfilesClient(this.http);
  }

  get apiVersion(): string {
    return this.http.apiVersion;
  }

  /** Releases keep-alive sockets (call on shutdown and at the end of tests). */
  close(): void {
    this.http.close();
  }
}

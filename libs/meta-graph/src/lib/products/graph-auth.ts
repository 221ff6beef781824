import { GraphHost } from '../core/graph-http.client';

/** The token a call runs with, and on which host. */
export interface GraphAuth {
  accessToken: string;
  /** `facebook` (Page / user tokens, default) or `instagram` (Instagram Login user tokens). */
  host?: Extract<GraphHost, 'facebook' | 'instagram'>;
  /** Rate-limit key (Page or IG account id); defaults to the node id the call targets. */
  accountKey?: string;
}

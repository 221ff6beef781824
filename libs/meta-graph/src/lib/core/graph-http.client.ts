import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import axios, { AxiosError, AxiosInstance, AxiosResponse } from 'axios';
import { computeAppSecretProof } from './appsecret-proof';
import { AccountRateLimiter, LimiterOptions, RateClass } from './account-rate-limiter';
import { MetaGraphError, GraphErrorBody, classifyGraphError, classifyNetworkError } from './meta-graph.error';
import { RetryOptions, ResolvedRetryOptions, decideRetry, resolveRetryOptions } from './retry-policy';
import { GraphUsage, parseUsageHeaders, regainAccessMs } from './usage-headers';
import { assertNoRemovedGraphFeatures } from './v27-restrictions';

/**
 * Graph API version used when none is configured: v27.0, current since 2026-11-04 (reference §11; the
 * Meta simulator serves it by default). The legacy system mixed v17.0, v18.0 and v24.0.
 */
export const DEFAULT_GRAPH_API_VERSION = 'v27.0';

/** `facebook` = graph.facebook.com, `instagram` = graph.instagram.com, `instagram_oauth` = api.instagram.com. */
export type GraphHost = 'facebook' | 'instagram' | 'instagram_oauth';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export type QueryValue = string | number | boolean | undefined | null | readonly string[] | Record<string, unknown>;

export interface MetaGraphLogEvent {
  type: 'request' | 'response' | 'retry' | 'error' | 'throttle';
  method?: HttpMethod;
  /** `host/version/path` — never the query string, so no tokens. */
  endpoint?: string;
  attempt?: number;
  status?: number;
  durationMs?: number;
  kind?: string;
  code?: number;
  subcode?: number;
  fbtraceId?: string;
  delayMs?: number;
  accountKey?: string;
  reason?: string;
  /** An error the caller named in {@link GraphRequest.expectedErrorCodes}: an answer it handles, not a failure to report. */
  expected?: boolean;
}

export interface MetaGraphClientOptions {
  /** Default https://graph.facebook.com */
  graphBaseUrl?: string;
  /** Default https://graph.instagram.com */
  instagramBaseUrl?: string;
  /** Instagram Login authorization-code exchange host. Default https://api.instagram.com */
  instagramOAuthBaseUrl?: string;
  /** e.g. "v24.0". Default {@link DEFAULT_GRAPH_API_VERSION}. */
  apiVersion?: string;
  appId: string;
  appSecret: string;
  /** Instagram app id/secret for Instagram Login (the dashboard shows separate ones). Default: appId/appSecret. */
  instagramAppId?: string;
  instagramAppSecret?: string;
  /** Per-attempt timeout. Default 15 000 ms. */
  timeoutMs?: number;
  retry?: RetryOptions;
  limiter?: LimiterOptions;
  logger?: (event: MetaGraphLogEvent) => void;
  /** Token placement on graph.instagram.com: Bearer header (Meta's IG Login samples) or query. Default 'header'. */
  instagramTokenPlacement?: 'header' | 'query';
  /** Clock for CAPI age checks; injectable for tests. */
  now?: () => number;
  /** Keep-alive socket pool size per host. Default 64. */
  maxSockets?: number;
}

export interface GraphRequest {
  method: HttpMethod;
  path: string;
  host?: GraphHost;
  /** Prefix the path with the API version. Default true (false for unversioned IG token endpoints). */
  versioned?: boolean;
  accessToken?: string;
  /** Overrides where the token goes. Default: query on facebook, per option on instagram. */
  tokenPlacement?: 'header' | 'query';
  /** Skip appsecret_proof (only for calls whose token Meta can't tie to our app secret). */
  withoutProof?: boolean;
  query?: Record<string, QueryValue>;
  /** JSON body. */
  body?: unknown;
  /** application/x-www-form-urlencoded body. */
  form?: Record<string, string>;
  /** Rate-limit key, usually the Page or IG account id. */
  accountKey?: string;
  rateClass?: RateClass;
  /** Safe to repeat after an ambiguous failure (timeout, reset)? Default: GET only. */
  idempotent?: boolean;
  /**
   * Fail at once with `rate_limited` while the account is paused, and never sit out a rate-limit answer,
   * instead of waiting inside the call: for background passes that would rather defer this item and go on.
   */
  deferWhenPaused?: boolean;
  /** Wording for user messages. */
  platform?: 'instagram' | 'messenger';
  timeoutMs?: number;
  /**
   * Meta error codes the caller handles as an answer (story insights under Meta's viewer threshold answer #10): their
   * `error` log event says `expected: true`, so a logger can keep them out of its warnings. The call still throws.
   */
  expectedErrorCodes?: readonly number[];
}

export interface GraphResponse<T> {
  data: T;
  status: number;
  usage: GraphUsage;
  attempts: number;
}

const CONNECT_PHASE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function encodeQueryValue(value: Exclude<QueryValue, undefined | null>): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.join(',');
  return JSON.stringify(value);
}

function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

function isGraphErrorBody(value: unknown): value is { error: GraphErrorBody } {
  if (!value || typeof value !== 'object') return false;
  const error = (value as { error?: unknown }).error;
  return !!error && typeof error === 'object';
}

/** Shared HTTP core: URLs, tokens + appsecret_proof, keep-alive, timeouts, rate limits, retries, errors. */
export class GraphHttpClient {
  readonly apiVersion: string;
  readonly appId: string;
  readonly instagramAppId: string;
  readonly limiter: AccountRateLimiter;
  readonly now: () => number;
  private readonly appSecret: string;
  private readonly instagramAppSecret: string;
  private readonly baseUrls: Record<GraphHost, string>;
  private readonly timeoutMs: number;
  private readonly retry: ResolvedRetryOptions;
  private readonly logger?: (event: MetaGraphLogEvent) => void;
  private readonly instagramTokenPlacement: 'header' | 'query';
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;
  private readonly axios: AxiosInstance;

  constructor(options: MetaGraphClientOptions) {
    if (!options.appId || !options.appSecret) {
      throw new Error('MetaGraphClient needs appId and appSecret');
    }
    this.apiVersion = options.apiVersion ?? DEFAULT_GRAPH_API_VERSION;
    this.appId = options.appId;
    this.appSecret = options.appSecret;
    this.instagramAppId = options.instagramAppId ?? options.appId;
    this.instagramAppSecret = options.instagramAppSecret ?? options.appSecret;
    this.baseUrls = {
      facebook: trimSlash(options.graphBaseUrl ?? 'https://graph.facebook.com'),
      instagram: trimSlash(options.instagramBaseUrl ?? 'https://graph.instagram.com'),
      instagram_oauth: trimSlash(options.instagramOAuthBaseUrl ?? 'https://api.instagram.com'),
    };
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retry = resolveRetryOptions(options.retry);
    this.logger = options.logger;
    this.instagramTokenPlacement = options.instagramTokenPlacement ?? 'header';
    this.now = options.now ?? Date.now;
    const maxSockets = options.maxSockets ?? 64;
    this.httpAgent = new HttpAgent({ keepAlive: true, maxSockets });
    this.httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets });
    this.axios = axios.create({
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
      validateStatus: () => true,
      maxRedirects: 0,
      proxy: false,
    });
    this.limiter = new AccountRateLimiter(options.limiter, (event) =>
      this.log({ type: 'throttle', accountKey: event.accountKey, delayMs: event.pauseMs, reason: event.reason }),
    );
  }

  /** App access token `app_id|app_secret` (server-side only, reference §7). */
  get appAccessToken(): string {
    return `${this.appId}|${this.appSecret}`;
  }

  /** Secrets for server-side token exchanges; kept off the public surface of product clients. */
  credentials(host: GraphHost): { clientId: string; clientSecret: string } {
    return host === 'facebook'
      ? { clientId: this.appId, clientSecret: this.appSecret }
      : { clientId: this.instagramAppId, clientSecret: this.instagramAppSecret };
  }

  endpointOf(req: Pick<GraphRequest, 'host' | 'path' | 'versioned'>): string {
    const host = req.host ?? 'facebook';
    const versioned = req.versioned ?? host !== 'instagram_oauth';
    const path = req.path.startsWith('/') ? req.path : `/${req.path}`;
    return `${this.baseUrls[host]}${versioned ? `/${this.apiVersion}` : ''}${path}`;
  }

  async request<T>(req: GraphRequest): Promise<GraphResponse<T>> {
    assertNoRemovedGraphFeatures(req);
    const method = req.method;
    const host = req.host ?? 'facebook';
    const url = this.endpointOf(req);
    const idempotent = req.idempotent ?? method === 'GET';
    const secret = host === 'facebook' ? this.appSecret : this.instagramAppSecret;
    const placement = req.tokenPlacement ?? (host === 'instagram' ? this.instagramTokenPlacement : 'query');

    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value === undefined || value === null) continue;
      params.set(key, encodeQueryValue(value));
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    const proof = req.accessToken && !req.withoutProof ? computeAppSecretProof(req.accessToken, secret) : undefined;
    if (req.accessToken) {
      if (placement === 'header') headers['Authorization'] = `Bearer ${req.accessToken}`;
      else params.set('access_token', req.accessToken);
    }
    if (proof) params.set('appsecret_proof', proof);

    let data: string | undefined;
    if (req.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      data = new URLSearchParams(req.form).toString();
    } else if (req.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      data = JSON.stringify(req.body);
    }
    const sensitiveQuery = [...params.entries()].filter(([key]) => /token|secret|code|proof/i.test(key)).map(([, value]) => value);
    const secrets = [req.accessToken, proof, this.appSecret, this.instagramAppSecret, ...sensitiveQuery, ...Object.values(req.form ?? {})];
    const query = params.toString();
    const fullUrl = query ? `${url}?${query}` : url;

    for (let attempt = 1; ; attempt++) {
      await this.limiter.acquire(req.accountKey ?? '_', req.rateClass, req.deferWhenPaused);
      this.log({ type: 'request', method, endpoint: url, attempt, accountKey: req.accountKey });
      const started = Date.now();
      let response: AxiosResponse<unknown> | undefined;
      let failure: MetaGraphError | undefined;
      let ambiguous = false;
      try {
        response = await this.axios.request<unknown>({
          method,
          url: fullUrl,
          headers,
          data,
          timeout: req.timeoutMs ?? this.timeoutMs,
          transformResponse: [(raw: unknown) => parseMaybeJson(raw)],
        });
      } catch (caught) {
        const networkCode = caught instanceof AxiosError ? caught.code : undefined;
        const classification = classifyNetworkError(networkCode, req.platform);
        ambiguous = !idempotent && !(networkCode && CONNECT_PHASE_CODES.has(networkCode));
        failure = new MetaGraphError({
          ...classification,
          outcomeUnknown: ambiguous,
          message: `${method} ${url} failed without a response (${networkCode ?? 'network error'})`,
          endpoint: `${method} ${url}`,
          networkCode,
        });
        this.log({ type: 'error', method, endpoint: url, attempt, durationMs: Date.now() - started, kind: failure.kind, reason: networkCode });
      }

      if (response) {
        const durationMs = Date.now() - started;
        const usage = parseUsageHeaders(response.headers as Record<string, string>);
        this.limiter.observeUsage(req.accountKey, usage);
        const body = response.data;
        if (response.status < 400 && !isGraphErrorBody(body)) {
          this.log({ type: 'response', method, endpoint: url, attempt, status: response.status, durationMs });
          return { data: body as T, status: response.status, usage, attempts: attempt };
        }
        failure = this.toGraphError(req, url, response.status, body, usage, response.headers['retry-after'], secrets, !idempotent);
        ambiguous = failure.outcomeUnknown;
        this.log({
          type: 'error',
          method,
          endpoint: url,
          attempt,
          status: response.status,
          durationMs,
          kind: failure.kind,
          code: failure.code,
          subcode: failure.subcode,
          fbtraceId: failure.fbtraceId,
          ...(failure.code !== undefined && req.expectedErrorCodes?.includes(failure.code) && { expected: true }),
        });
      }

      if (!failure) throw new Error('unreachable: Graph call neither succeeded nor failed');
      if (failure.kind === 'rate_limited' && req.accountKey && failure.retryAfterMs) {
        this.limiter.pause(req.accountKey, failure.retryAfterMs, 'rate_limited_error');
      }
      if (req.deferWhenPaused && failure.kind === 'rate_limited') throw failure;
      const decision = decideRetry(failure, attempt, this.retry, ambiguous);
      if (!decision.retry) throw failure;
      this.log({ type: 'retry', method, endpoint: url, attempt, delayMs: decision.delayMs, kind: failure.kind, code: failure.code, subcode: failure.subcode });
      await sleep(decision.delayMs);
    }
  }

  /** Releases keep-alive sockets. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private toGraphError(
    req: GraphRequest,
    url: string,
    status: number,
    body: unknown,
    usage: GraphUsage,
    retryAfterHeader: unknown,
    secrets: readonly (string | undefined)[],
    nonIdempotent: boolean,
  ): MetaGraphError {
    const graphError = isGraphErrorBody(body) ? body.error : undefined;
    const classification = classifyGraphError({ httpStatus: status, error: graphError, platform: req.platform });
    let retryAfterMs: number | undefined;
    if (classification.kind === 'rate_limited') {
      retryAfterMs = regainAccessMs(usage, req.accountKey);
      const header = typeof retryAfterHeader === 'string' ? Number(retryAfterHeader) : NaN;
      if (retryAfterMs === undefined && Number.isFinite(header) && header >= 0) retryAfterMs = header * 1000;
    }
    const rawMessage = graphError?.message ?? (typeof body === 'string' && body.length < 300 ? body : `HTTP ${status}`);
    const codes = graphError?.code !== undefined ? ` (#${graphError.code}${graphError.error_subcode !== undefined ? `/${graphError.error_subcode}` : ''})` : '';
    return new MetaGraphError({
      ...classification,
      message: redact(`${req.method} ${url} → ${status}${codes}: ${rawMessage}`, secrets),
      code: graphError?.code,
      subcode: graphError?.error_subcode,
      fbtraceId: graphError?.fbtrace_id,
      httpStatus: status,
      retryAfterMs,
      isTransient: graphError?.is_transient,
      graphType: graphError?.type,
      endpoint: `${req.method} ${url}`,
      metaUserMessage: graphError?.error_user_msg ? redact(graphError.error_user_msg, secrets) : undefined,
      // a 5xx / transient error after Meta read the request: it may still have taken effect
      outcomeUnknown: nonIdempotent && classification.kind === 'retryable',
    });
  }

  private log(event: MetaGraphLogEvent): void {
    if (!this.logger) return;
    try {
      this.logger(event);
    } catch {
      // a broken logger must never break a Graph call
    }
  }
}

function parseMaybeJson(raw: unknown): unknown {
  if (typeof raw !== 'string' || raw.length === 0) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

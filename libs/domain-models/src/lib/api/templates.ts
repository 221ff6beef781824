/**
 * Messenger utility message templates (reference §9): Page-owned, category `UTILITY`, approved by Meta,
 * sent by name + language + parameters on the Send API. Shared by the api, the Templates page and the
 * composer's template picker.
 */

/** `DRAFT` is ours (saved, not submitted yet); the others are Meta's review states. */
export enum TemplateStatus {
  DRAFT = 'DRAFT',
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  PAUSED = 'PAUSED',
  DISABLED = 'DISABLED',
}

export const TEMPLATE_STATUSES: readonly TemplateStatus[] = Object.values(TemplateStatus);

/** `{{1}}, {{2}}…` (positional) or `{{first_name}}` (named, Meta's `parameter_format: NAMED`). */
export type TemplateParameterFormat = 'POSITIONAL' | 'NAMED';

/**
 * A button. `QUICK_REPLY` is what Meta calls a `POSTBACK` button (Meta rejects its `QUICK_REPLY` type in
 * utility templates, subcode 2018416): the customer taps it and we receive a postback with `payload`.
 * `PHONE_NUMBER` buttons only arrive on templates created outside TickleGram.
 */
export type TemplateButton =
  | { type: 'URL'; text: string; url: string; urlExample: string | null }
  | { type: 'QUICK_REPLY'; text: string; payload: string | null }
  | { type: 'PHONE_NUMBER'; text: string; phoneNumber: string };

export type TemplateHeader = { format: 'TEXT'; text: string } | { format: 'IMAGE' };

/** What a template says, in our words (converted from and to Meta's components). */
export interface TemplateContent {
  parameterFormat: TemplateParameterFormat;
  header: TemplateHeader | null;
  body: string;
  /** An example value per body variable, keyed by the variable's name (`"1"`, `"first_name"`). */
  examples: Record<string, string>;
  footer: string | null;
  buttons: TemplateButton[];
}

export interface MessageTemplateDto {
  id: string;
  /** The Facebook Page channel that owns it. */
  channelId: string;
  /** Meta's template id (`hsm_id`); null for drafts. */
  externalId: string | null;
  name: string;
  /** Meta's language code, e.g. `en_US`. */
  language: string;
  category: 'UTILITY';
  status: TemplateStatus;
  /** Meta's rejection code (`INCORRECT_PARAMS`…) or pause/disable reason as sent. */
  statusReasonCode: string | null;
  /** The status explained in plain words (why it was rejected, paused, disabled); null when there is nothing to say. */
  statusReason: string | null;
  content: TemplateContent;
  /** Set when cloned from Meta's template library. */
  libraryTemplateName: string | null;
  createdById: string | null;
  submittedAt: string | null;
  statusUpdatedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/templates` filters (agents always get `APPROVED` only). */
export interface TemplateListQuery {
  channelId?: string;
  status?: TemplateStatus;
  language?: string;
  /** Matches the name and the body text. */
  search?: string;
}

export interface TemplateListResponse {
  items: MessageTemplateDto[];
}

/** A button as an admin defines it in the form (`PHONE_NUMBER` is not offered): `url`/`urlExample` for links, `payload` for quick replies. */
export interface TemplateButtonInput {
  type: 'URL' | 'QUICK_REPLY';
  text: string;
  url?: string;
  urlExample?: string | null;
  payload?: string | null;
}

/** What the create/edit form holds; checked by `validateTemplateDraft` in the browser and the api alike. */
export interface TemplateDraft {
  name: string;
  language: string;
  /** Fixed text above the body (no variables), or null. */
  header?: string | null;
  body: string;
  /** An example per body variable, keyed by its name (`"1"`, `"order_id"`): Meta reviews with them. */
  examples?: Record<string, string>;
  footer?: string | null;
  buttons?: TemplateButtonInput[];
}

/** `POST /api/templates` (admin): saves a draft; `submit: true` also sends it to Meta for review. */
export interface CreateTemplateRequest extends TemplateDraft {
  channelId: string;
  submit?: boolean;
}

/** `PATCH /api/templates/:id` (admin, drafts only): the same fields, all optional. */
export type UpdateTemplateRequest = Partial<TemplateDraft>;

/** One of Meta's pre-approved utility templates (`GET /api/templates/library`). */
export interface LibraryTemplateDto {
  /** Meta's library name, e.g. `order_confirmation`. */
  name: string;
  language: string;
  topic: string | null;
  usecase: string | null;
  content: TemplateContent;
}

export interface LibraryTemplateListResponse {
  items: LibraryTemplateDto[];
}

/** `POST /api/templates/clone` (admin): copy a library template to the Page; Meta approves clones within seconds. */
export interface CloneLibraryTemplateRequest {
  channelId: string;
  libraryTemplateName: string;
  language: string;
  /** The new template's name on the Page. */
  name: string;
}

/** `POST /api/templates/sync` (admin): templates read from Meta and what changed. */
export interface TemplateSyncResponse {
  channels: number;
  created: number;
  updated: number;
  removed: number;
  /** Channels whose templates could not be read, in plain words. */
  failures: { channelId: string; reason: string }[];
}

/**
 * The `template` of `POST /api/conversations/:id/messages`: `parameters` are the body variables' values —
 * in order as an array for `{{1}}`-style templates, by name as an object for named ones.
 */
export interface SendTemplateInput {
  id: string;
  parameters?: string[] | Record<string, string>;
  /** The value for the variable at the end of a URL button (`https://example.com/track/{{1}}`). */
  urlSuffix?: string;
}

/** A template as the reply policy sees it for this conversation: usable now, or why not. */
export interface ReplyPolicyTemplateOption {
  template: MessageTemplateDto;
  usable: boolean;
  /** Why it cannot be sent now; null when usable. */
  reason: string | null;
}

export enum TemplatesErrorCode {
  TEMPLATE_NOT_FOUND = 'TEMPLATE_NOT_FOUND',
  /** A template with this name and language already exists on the Page (409). */
  TEMPLATE_NAME_TAKEN = 'TEMPLATE_NAME_TAKEN',
  /** Only drafts can be edited or submitted (409). */
  TEMPLATE_NOT_DRAFT = 'TEMPLATE_NOT_DRAFT',
  /** The channel is not an active Facebook Page (400). */
  TEMPLATE_CHANNEL_INVALID = 'TEMPLATE_CHANNEL_INVALID',
  /** Meta refused the request; `message` says why in plain words (422). */
  TEMPLATE_META_REJECTED = 'TEMPLATE_META_REJECTED',
  /** Meta did not answer (503). */
  TEMPLATE_META_UNAVAILABLE = 'TEMPLATE_META_UNAVAILABLE',
  /** The library template does not exist in that language (404). */
  TEMPLATE_LIBRARY_NOT_FOUND = 'TEMPLATE_LIBRARY_NOT_FOUND',
  /** Sending: the template cannot be sent in this conversation now; `message` says why (422). */
  TEMPLATE_NOT_USABLE = 'TEMPLATE_NOT_USABLE',
}

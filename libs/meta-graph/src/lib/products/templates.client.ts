import { GraphHttpClient } from '../core/graph-http.client';
import { GraphPage, paginate } from '../core/pagination';
import { GraphAuth } from './graph-auth';
import { hostOf } from './messaging.client';

/** Messenger utility message templates (reference §9). */

export type TemplateStatus = 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED' | string;

export type TemplateButtonDefinition =
  | { type: 'POSTBACK'; text: string; payload?: string }
  /** `example.url_suffix_example` (reference §9); templates read back may carry the full example URL as `[url]`. */
  | { type: 'URL'; text: string; url: string; example?: string[] | { url_suffix_example: string } }
  | { type: 'PHONE_NUMBER'; text: string; phone_number: string };

export type TemplateComponentDefinition =
  | { type: 'HEADER'; format: 'TEXT'; text: string; example?: { header_text?: string[] } }
  | { type: 'HEADER'; format: 'IMAGE'; example: { header_handle: string[] } }
  | {
      type: 'BODY';
      text: string;
      example?: { body_text?: string[][]; body_text_named_params?: { param_name: string; example: string }[] };
    }
  | { type: 'FOOTER'; text: string }
  | { type: 'BUTTONS'; buttons: TemplateButtonDefinition[] };

export interface CreateTemplateRequest {
  /** Lowercase letters, digits and underscores. */
  name: string;
  /** e.g. en_US */
  language: string;
  components: TemplateComponentDefinition[];
  parameterFormat?: 'POSITIONAL' | 'NAMED';
}

export interface CloneLibraryTemplateRequest {
  name: string;
  language: string;
  libraryTemplateName: string;
  libraryTemplateBodyInputs?: Record<string, unknown>;
  libraryTemplateButtonInputs?: Record<string, unknown>[];
}

export interface TemplateWire {
  id: string;
  name?: string;
  status?: TemplateStatus;
  category?: string;
  language?: string;
  components?: TemplateComponentDefinition[];
  parameter_format?: 'POSITIONAL' | 'NAMED';
  rejected_reason?: string;
  specific_rejection_reason?: string;
}

export const TEMPLATE_FIELDS = 'id,name,status,category,language,components,parameter_format,rejected_reason';

export class TemplatesClient {
  constructor(private readonly http: GraphHttpClient) {}

  /** `POST /<PAGE_ID>/message_templates` — submit a new UTILITY template for approval. */
  async submitTemplate(auth: GraphAuth, pageId: string, request: CreateTemplateRequest): Promise<TemplateWire> {
    const body: Record<string, unknown> = {
      name: request.name,
      language: request.language,
      category: 'UTILITY',
      components: request.components,
    };
    if (request.parameterFormat) body['parameter_format'] = request.parameterFormat;
    return this.post(auth, pageId, body);
  }

  /** `POST /<PAGE_ID>/message_templates` — clone one of Meta's pre-approved library templates. */
  async cloneLibraryTemplate(auth: GraphAuth, pageId: string, request: CloneLibraryTemplateRequest): Promise<TemplateWire> {
    const body: Record<string, unknown> = {
      name: request.name,
      language: request.language,
      category: 'UTILITY',
      library_template_name: request.libraryTemplateName,
    };
    if (request.libraryTemplateBodyInputs) body['library_template_body_inputs'] = request.libraryTemplateBodyInputs;
    if (request.libraryTemplateButtonInputs) body['library_template_button_inputs'] = request.libraryTemplateButtonInputs;
    return this.post(auth, pageId, body);
  }

  /** `GET /<PAGE_ID>/message_templates` (optionally filtered by name). */
  async listTemplates(
    auth: GraphAuth,
    pageId: string,
    query: { name?: string; limit?: number; after?: string; fields?: string } = {},
  ): Promise<GraphPage<TemplateWire>> {
    const res = await this.http.request<GraphPage<TemplateWire>>({
      method: 'GET',
      host: hostOf(auth),
      path: `/${encodeURIComponent(pageId)}/message_templates`,
      accessToken: auth.accessToken,
      query: { fields: query.fields ?? TEMPLATE_FIELDS, name: query.name, limit: query.limit, after: query.after },
      accountKey: auth.accountKey ?? pageId,
      platform: 'messenger',
    });
    return res.data;
  }

  iterateTemplates(auth: GraphAuth, pageId: string, query: { name?: string; limit?: number } = {}): AsyncGenerator<TemplateWire> {
    return paginate((c) => this.listTemplates(auth, pageId, { ...query, ...c }));
  }

  /** `GET /<TEMPLATE_ID>` — current approval status. */
  async getTemplateStatus(auth: GraphAuth, templateId: string, fields = TEMPLATE_FIELDS): Promise<TemplateWire> {
    const res = await this.http.request<TemplateWire>({
      method: 'GET',
      host: hostOf(auth),
      path: `/${encodeURIComponent(templateId)}`,
      accessToken: auth.accessToken,
      query: { fields },
      accountKey: auth.accountKey,
      platform: 'messenger',
    });
    return res.data;
  }

  /** `DELETE /<PAGE_ID>/message_templates` by `name` (all languages) or `hsm_id` (one language). */
  async deleteTemplate(auth: GraphAuth, pageId: string, which: { name: string } | { hsmId: string }): Promise<{ success: boolean }> {
    const res = await this.http.request<{ success: boolean }>({
      method: 'DELETE',
      host: hostOf(auth),
      path: `/${encodeURIComponent(pageId)}/message_templates`,
      accessToken: auth.accessToken,
      query: 'name' in which ? { name: which.name } : { hsm_id: which.hsmId },
      accountKey: auth.accountKey ?? pageId,
      idempotent: true,
      platform: 'messenger',
    });
    return res.data;
  }

  /** `GET /message_template_library` — Meta's pre-approved templates. */
  async listLibraryTemplates(
    auth: GraphAuth,
    query: { nameOrContent?: string; language?: string; limit?: number; after?: string } = {},
  ): Promise<GraphPage<Record<string, unknown>>> {
    const res = await this.http.request<GraphPage<Record<string, unknown>>>({
      method: 'GET',
      host: hostOf(auth),
      path: '/message_template_library',
      accessToken: auth.accessToken,
      query: { name_or_content: query.nameOrContent, language: query.language, limit: query.limit, after: query.after },
      accountKey: auth.accountKey,
      platform: 'messenger',
    });
    return res.data;
  }

  private async post(auth: GraphAuth, pageId: string, body: Record<string, unknown>): Promise<TemplateWire> {
    const res = await this.http.request<TemplateWire>({
      method: 'POST',
      host: hostOf(auth),
      path: `/${encodeURIComponent(pageId)}/message_templates`,
      accessToken: auth.accessToken,
      body,
      accountKey: auth.accountKey ?? pageId,
      platform: 'messenger',
    });
    return res.data;
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface ParsedBody {
  params: Record<string, unknown>;
  files: UploadedFile[];
  raw: Buffer;
}

export async function readBody(req: IncomingMessage, limit = 30 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new Error('Request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Graph accepts nested params as JSON strings in form posts (`recipient={"id":"..."}`). */
function decodeValue(value: string): unknown {
  const t = value.trim();
  if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

export function searchParamsToObject(sp: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of sp) out[k] = decodeValue(v);
  return out;
}

function parseMultipart(raw: Buffer, boundary: string): { params: Record<string, unknown>; files: UploadedFile[] } {
  const params: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = raw.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next === -1) break;
    const part = raw.subarray(start + 2, next - 2); // strip leading CRLF and trailing CRLF
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      const ctype = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
      if (filename !== undefined) files.push({ field: name, filename, contentType: ctype.trim(), size: content.length });
      else params[name] = decodeValue(content.toString('utf8'));
    }
    pos = next;
  }
  return { params, files };
}

export async function parseBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readBody(req);
  const ctype = String(req.headers['content-type'] ?? '').toLowerCase();
  if (raw.length === 0) return { params: {}, files: [], raw };
  if (ctype.includes('application/json')) {
    const parsed = JSON.parse(raw.toString('utf8')) as unknown;
    const params = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    return { params, files: [], raw };
  }
  if (ctype.includes('multipart/form-data')) {
    const boundary = /boundary=("?)([^";]+)\1/i.exec(ctype)?.[2] ?? /boundary=("?)([^";]+)\1/i.exec(String(req.headers['content-type']))?.[2];
    if (boundary) return { ...parseMultipart(raw, boundary), raw };
  }
  // Graph treats anything else as form-encoded.
  return { params: searchParamsToObject(new URLSearchParams(raw.toString('utf8'))), files: [], raw };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'content-length': 0 });
  res.end();
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

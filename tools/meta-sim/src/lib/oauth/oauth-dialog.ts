import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimContext } from '../sim-context';
import { escapeHtml, parseBody, redirect, sendHtml, str } from '../http/request';

/**
 * Login dialogs: Facebook Login (`/v{ver}/dialog/oauth`) and Business Login for Instagram
 * (`/ig/oauth/authorize`). The user approves (or cancels) and is redirected back with `code` + `state`.
 */

const STYLE = `body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f0f2f5;margin:0;display:flex;justify-content:center;padding:48px 16px}
.card{background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.12);width:420px;padding:28px}
h1{font-size:20px;margin:0 0 6px}.muted{color:#65676b;font-size:14px}.scopes{margin:16px 0;padding:0;list-style:none;font-size:13px}
.scopes li{padding:4px 0;border-bottom:1px solid #eee}.acct{display:flex;gap:10px;align-items:center;padding:10px;border:1px solid #ddd;border-radius:8px;margin:8px 0;cursor:pointer}
.acct img{width:36px;height:36px;border-radius:50%}.row{display:flex;gap:10px;margin-top:18px}
button{flex:1;border:0;border-radius:6px;padding:10px;font-size:15px;font-weight:600;cursor:pointer}.primary{background:#1877f2;color:#fff}.ig{background:linear-gradient(45deg,#f09433,#dc2743,#bc1888);color:#fff}.secondary{background:#e4e6eb}
.error{color:#b00020}`;

function codeFor(ctx: SimContext, flavour: string, subjectId: string, redirectUri: string, state: string): string {
  const n = ctx.store.oauthCodes.size + 1;
  return `Sim${flavour === 'instagram' ? 'IG' : 'FB'}Code${n}_${createHash('sha256').update(`${subjectId}|${redirectUri}|${state}|${n}`).digest('hex').slice(0, 24)}`;
}

function page(title: string, inner: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main class="card">${inner}</main></body></html>`;
}

function errorPage(res: ServerResponse, message: string): void {
  sendHtml(res, 400, page('Error', `<h1>Sorry, something went wrong</h1><p class="error" data-testid="oauth-error">${escapeHtml(message)}</p>`));
}

export function renderDialog(ctx: SimContext, flavour: 'facebook' | 'instagram', url: URL, res: ServerResponse): void {
  const q = url.searchParams;
  const clientId = q.get('client_id') ?? '';
  const redirectUri = q.get('redirect_uri') ?? '';
  const state = q.get('state') ?? '';
  const scope = (q.get('scope') ?? '').split(/[ ,]+/).filter(Boolean);
  if (clientId !== ctx.store.settings.appId) return errorPage(res, `Invalid App ID: ${clientId}`);
  if (!/^https?:\/\//.test(redirectUri)) return errorPage(res, 'URL blocked: redirect_uri must be an absolute http(s) URL.');
  if (flavour === 'instagram' && q.get('response_type') !== 'code') return errorPage(res, 'response_type must be code');
  const s = ctx.store;
  const accounts =
    flavour === 'facebook'
      ? [...s.users.values()].map((u) => ({
          id: u.id,
          label: u.name,
          sub: `Pages: ${[...s.pages.values()]
            .filter((p) => p.adminUserIds.includes(u.id))
            .map((p) => p.name)
            .join(', ')}`,
          pic: `${s.settings.publicUrl}/cdn/avatar/${u.id}.png`,
        }))
      : [...s.instagramAccounts.values()]
          .filter((a) => a.via === 'instagram_login')
          .map((a) => ({ id: a.id, label: `@${a.username}`, sub: a.name, pic: a.profilePictureUrl }));
  const hidden = (k: string, v: string): string => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`;
  const brand = flavour === 'facebook' ? 'Facebook' : 'Instagram';
  const html = page(
    `Log in with ${brand}`,
    `
    <h1>${escapeHtml(s.settings.appName)} is requesting access</h1>
    <p class="muted">Continue as one of these ${flavour === 'facebook' ? 'people' : 'professional accounts'} (simulated ${brand} Login).</p>
    <form method="post" action="/_sim/oauth/decide" aria-label="${brand} login">
      ${hidden('flavour', flavour)}${hidden('redirect_uri', redirectUri)}${hidden('state', state)}${hidden('scope', scope.join(','))}
      ${accounts.map((a, i) => `<label class="acct"><input type="radio" name="subject" value="${escapeHtml(a.id)}" ${i === 0 ? 'checked' : ''} data-testid="oauth-account-${escapeHtml(a.id)}"><img src="${escapeHtml(a.pic)}" alt=""><span><strong>${escapeHtml(a.label)}</strong><br><span class="muted">${escapeHtml(a.sub)}</span></span></label>`).join('')}
      <ul class="scopes" aria-label="Requested permissions">${scope.map((sc) => `<li>✓ ${escapeHtml(sc)}</li>`).join('') || '<li>public_profile</li>'}</ul>
      <div class="row">
        <button type="submit" name="decision" value="cancel" class="secondary" data-testid="oauth-cancel">Cancel</button>
        <button type="submit" name="decision" value="allow" class="${flavour === 'facebook' ? 'primary' : 'ig'}" data-testid="oauth-approve">Allow</button>
      </div>
    </form>`,
  );
  sendHtml(res, 200, html);
}

export async function handleDecision(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { params } = await parseBody(req);
  const flavour = str(params['flavour']) === 'instagram' ? 'instagram' : 'facebook';
  const redirectUri = str(params['redirect_uri']) ?? '';
  const state = str(params['state']) ?? '';
  const subject = str(params['subject']) ?? '';
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return errorPage(res, 'Invalid redirect_uri');
  }
  if (str(params['decision']) !== 'allow') {
    target.searchParams.set('error', 'access_denied');
    target.searchParams.set('error_code', '200');
    target.searchParams.set('error_description', 'Permissions error');
    target.searchParams.set('error_reason', 'user_denied');
    if (state) target.searchParams.set('state', state);
    return redirect(res, target.toString());
  }
  const valid = flavour === 'facebook' ? ctx.store.users.has(subject) : ctx.store.instagramAccounts.get(subject)?.via === 'instagram_login';
  if (!valid) return errorPage(res, 'Pick an account to continue');
  const scopes = (str(params['scope']) ?? '').split(',').filter(Boolean);
  const code = codeFor(ctx, flavour, subject, redirectUri, state);
  ctx.store.oauthCodes.set(code, {
    code,
    flavour,
    redirectUri,
    subjectId: subject,
    scopes: scopes.length ? scopes : ['public_profile'],
    issuedAt: Date.now(),
    used: false,
  });
  target.searchParams.set('code', code);
  if (state) target.searchParams.set('state', state);
  // Instagram appends `#_` to the redirect (documented quirk).
  redirect(res, flavour === 'instagram' ? `${target.toString()}#_` : target.toString());
}

/**
 * The "customer phone": a self-contained page (HTML + vanilla JS) to play a seeded customer on
 * Instagram or Messenger. It drives the control API and listens to `/_sim/events` (SSE).
 * Stable `data-testid`s are part of the contract (Playwright plays the customer with them).
 */

const CSS = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#e9ebee;display:flex;justify-content:center;align-items:flex-start;min-height:100vh;padding:24px}
.phone{width:390px;height:780px;background:#111;border-radius:46px;padding:14px;box-shadow:0 20px 60px rgba(0,0,0,.35);position:relative}
.screen{background:#fff;border-radius:34px;height:100%;overflow:hidden;display:flex;flex-direction:column}
.notch{position:absolute;top:14px;left:50%;transform:translateX(-50%);width:120px;height:26px;background:#111;border-radius:0 0 16px 16px;z-index:2}
.status{height:34px;display:flex;justify-content:space-between;align-items:flex-end;padding:0 26px 4px;font-size:12px;font-weight:600}
.top{padding:8px 12px;border-bottom:1px solid #eee;display:flex;flex-direction:column;gap:6px}
.switch{display:flex;gap:6px}.switch button{flex:1;border:1px solid #ddd;background:#f7f7f7;border-radius:16px;padding:6px;font-size:13px;cursor:pointer}
.switch button[aria-pressed=true]{background:#111;color:#fff;border-color:#111}
.ig .switch button[aria-pressed=true]{background:linear-gradient(45deg,#f09433,#dc2743,#bc1888);border-color:transparent}
.ms .switch button[aria-pressed=true]{background:#0084ff;border-color:#0084ff}
select{width:100%;padding:6px;border-radius:8px;border:1px solid #ddd;font-size:14px}
.head{display:flex;align-items:center;gap:8px;padding:6px 0}.head .optin{margin-left:auto;border:1px solid #ddd;background:#fff;border-radius:14px;padding:3px 8px;font-size:11px;cursor:pointer}.head img{width:34px;height:34px;border-radius:50%}.head .name{font-weight:600;font-size:14px}.head .sub{font-size:11px;color:#888}
.tabs{display:flex;border-bottom:1px solid #eee}.tabs button{flex:1;border:0;background:none;padding:8px;font-size:13px;cursor:pointer;border-bottom:2px solid transparent}.tabs button[aria-selected=true]{border-color:#111;font-weight:600}
.thread{flex:1;overflow-y:auto;padding:10px;display:flex;flex-direction:column;gap:6px;background:#fff}
.msg{max-width:78%;padding:8px 12px;border-radius:18px;font-size:14px;line-height:1.35;position:relative;word-wrap:break-word;white-space:pre-wrap}
.msg.in{align-self:flex-end;color:#fff}.ig .msg.in{background:#3797f0}.ms .msg.in{background:#0084ff}
.msg.out{align-self:flex-start;background:#efefef;color:#111}.msg.deleted{font-style:italic;opacity:.6}
.msg img{max-width:180px;border-radius:12px;display:block}.msg .react{position:absolute;bottom:-10px;right:6px;background:#fff;border-radius:10px;font-size:12px;padding:0 4px;box-shadow:0 1px 3px rgba(0,0,0,.2)}
.msg .heart{border:0;background:none;cursor:pointer;font-size:13px;margin-left:6px;opacity:.5}.msg .heart:hover{opacity:1}
.meta{font-size:10px;color:#999;align-self:flex-end}
.chips{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start}.chips button{border:1px solid #0084ff;color:#0084ff;background:#fff;border-radius:14px;padding:4px 10px;font-size:13px;cursor:pointer}
.typing{font-size:12px;color:#888;padding:0 12px 4px;min-height:18px}
.composer{display:flex;gap:6px;padding:8px;border-top:1px solid #eee;align-items:center}
.composer input{flex:1;border:1px solid #ddd;border-radius:20px;padding:9px 14px;font-size:14px}
.composer button{border:0;background:none;font-size:22px;cursor:pointer;color:#555}.composer .send{font-size:14px;font-weight:600;color:#0084ff}
.samples{display:none;gap:6px;padding:6px 8px;border-top:1px solid #eee;flex-wrap:wrap}.samples.open{display:flex}
.samples button{border:1px solid #ddd;border-radius:8px;background:#fafafa;padding:4px;font-size:11px;cursor:pointer;display:flex;flex-direction:column;align-items:center;width:80px}
.samples img{width:60px;height:60px;object-fit:cover;border-radius:6px}
.posts{flex:1;overflow-y:auto;padding:10px;display:none;flex-direction:column;gap:14px}.posts.open{display:flex}
.post{border:1px solid #eee;border-radius:12px;overflow:hidden;flex-shrink:0}.post img{width:100%;display:block}.post .cap{padding:8px;font-size:13px}
.post .comments{padding:0 8px 8px;font-size:13px}.post .comments div{padding:2px 0}.post .comments .reply{padding-left:16px;color:#555}
.post form{display:flex;gap:6px;padding:8px;border-top:1px solid #f3f3f3}.post input{flex:1;border:1px solid #ddd;border-radius:16px;padding:6px 10px}
.toast{position:absolute;bottom:90px;left:50%;transform:translateX(-50%);background:#333;color:#fff;padding:6px 12px;border-radius:14px;font-size:12px;opacity:0;transition:opacity .3s}.toast.show{opacity:.9}
`;

const SCRIPT = `
(() => {
  const $ = (s) => document.querySelector(s);
  const state = { platform: 'instagram', customers: [], customerId: null, conv: null, tab: 'chat', samples: [] };
  const api = async (method, path, body) => {
    const res = await fetch('/_sim' + path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    const json = await res.json();
    if (!res.ok) { toast(json.error || 'Error'); throw new Error(json.error); }
    return json;
  };
  const el = (tag, attrs = {}, ...children) => {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'text') n.textContent = v; else if (k.startsWith('on')) n.addEventListener(k.slice(2), v); else if (v !== undefined && v !== null) n.setAttribute(k, v);
    }
    children.flat().forEach((c) => c && n.append(c));
    return n;
  };
  const toast = (t) => { const n = $('#toast'); n.textContent = t; n.classList.add('show'); setTimeout(() => n.classList.remove('show'), 1800); };
  const time = (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

  async function loadCustomers() {
    const { data } = await api('GET', '/customers?platform=' + state.platform);
    state.customers = data;
    const sel = $('#customer');
    sel.replaceChildren(...data.map((c) => el('option', { value: c.id, text: (c.username ? '@' + c.username + ' · ' : '') + c.name + ' → ' + c.business.name })));
    const keep = data.find((c) => c.id === state.customerId);
    state.customerId = keep ? keep.id : (data[0] && data[0].id);
    sel.value = state.customerId;
    await openConversation();
  }

  async function openConversation() {
    if (!state.customerId) return;
    await refresh();
    // Opening the conversation reads the business's messages (read / messaging_seen webhook).
    if (state.conv && state.conv.messages.some((m) => m.direction === 'outbound' && !m.readAt)) {
      await api('POST', '/customers/' + state.customerId + '/read');
      await refresh();
    }
    if (state.tab === 'posts') await renderPosts();
  }

  async function refresh() {
    state.conv = await api('GET', '/customers/' + state.customerId + '/conversation');
    render();
  }

  function render() {
    const c = state.conv;
    document.body.className = state.platform === 'instagram' ? 'ig' : 'ms';
    $('#platform-instagram').setAttribute('aria-pressed', String(state.platform === 'instagram'));
    $('#platform-messenger').setAttribute('aria-pressed', String(state.platform === 'messenger'));
    if (!c) return;
    $('#biz-name').textContent = c.business.name;
    $('#biz-sub').textContent = (state.platform === 'instagram' ? 'Instagram' : 'Messenger') + ' · you are ' + c.name;
    $('#biz-pic').src = '/cdn/avatar/' + c.accountId + '.png';
    const optin = [...(c.optins || [])].reverse().find((o) => o.type === 'notification_messages');
    const optinBtn = $('#optin');
    optinBtn.hidden = state.platform !== 'messenger';
    optinBtn.textContent = !optin ? '🔔 Get updates' : optin.status === 'ACTIVE' ? '🔕 Stop updates' : '🔔 Resume updates';
    optinBtn.dataset.state = !optin ? 'none' : optin.status.toLowerCase();
    const thread = $('#thread');
    const nodes = [];
    const lastOut = [...c.messages].reverse().find((m) => m.direction === 'outbound');
    for (const m of c.messages) {
      const bubble = el('div', { class: 'msg ' + (m.direction === 'inbound' ? 'in' : 'out') + (m.isDeleted ? ' deleted' : ''), 'data-testid': 'phone-message', 'data-direction': m.direction === 'inbound' ? 'customer' : 'business', 'data-mid': m.mid });
      if (m.isDeleted) bubble.append('Message unsent');
      else {
        if (m.text) bubble.append(m.text);
        for (const a of m.attachments || []) {
          if (a.type === 'image' || a.type === 'story_mention' || a.type === 'story_reply') bubble.append(el('img', { src: a.url, alt: a.type === 'story_mention' ? 'Story mention' : 'Photo' }));
          else if (a.type === 'like_heart') bubble.append('❤️');
          else if (a.type === 'template') bubble.append(templateView(a.extra || {}));
          else bubble.append(el('a', { href: a.url || '#', target: '_blank', text: '📎 ' + a.type }));
        }
        if (m.direction === 'outbound') {
          const mine = m.reactions && m.reactions[c.id];
          bubble.append(el('button', { class: 'heart', type: 'button', 'aria-label': mine ? 'Remove reaction' : 'React with love', 'data-testid': 'phone-react-' + m.mid, onclick: () => react(m.mid, mine ? 'unreact' : 'react') }, mine ? '💔' : '❤'));
        }
      }
      const rs = Object.values(m.reactions || {});
      if (rs.length) bubble.append(el('span', { class: 'react', 'data-testid': 'phone-reaction' }, rs.map((r) => r.emoji).join('')));
      nodes.push(bubble);
      if (m.direction === 'outbound' && m === lastOut && m.quickReplies && m.quickReplies.length) {
        nodes.push(el('div', { class: 'chips' }, m.quickReplies.map((q) => el('button', { type: 'button', 'data-testid': 'phone-quick-reply', onclick: () => send(q.title, q.payload) }, q.title || q.content_type))));
      }
    }
    const lastIn = [...c.messages].reverse().find((m) => m.direction === 'inbound');
    if (lastIn && c.businessSeenAt && c.businessSeenAt >= lastIn.createdAt) nodes.push(el('div', { class: 'meta', 'data-testid': 'phone-seen' }, 'Seen ' + time(c.businessSeenAt)));
    thread.replaceChildren(...nodes);
    thread.scrollTop = thread.scrollHeight;
    $('#typing').textContent = c.businessTyping ? c.business.name + ' is typing…' : '';
    $('#typing').setAttribute('data-state', c.businessTyping ? 'on' : 'off');
  }

  function templateView(p) {
    const box = el('div', { 'data-testid': 'phone-template' });
    const buttons = (list) => el('div', { class: 'chips' }, (list || []).map((b) => el('button', { type: 'button', 'data-testid': 'phone-template-button', onclick: () => b.type === 'web_url' ? window.open(b.url, '_blank') : postback(b.title, b.payload) }, b.title)));
    if (p.text) box.append(el('div', { text: p.text }));
    for (const e of p.elements || []) {
      if (e.image_url) box.append(el('img', { src: e.image_url, alt: e.title || '' }));
      box.append(el('strong', { text: e.title || '' }));
      if (e.subtitle) box.append(el('div', { text: e.subtitle }));
      box.append(buttons(e.buttons));
    }
    if (p.buttons) box.append(buttons(p.buttons));
    return box;
  }

  async function toggleOptin() {
    const s = $('#optin').dataset.state;
    const path = '/customers/' + state.customerId + '/optin' + (s === 'active' ? '/stop' : s === 'stopped' ? '/resume' : '');
    await api('POST', path, s === 'none' ? { title: 'Order and restock updates', payload: 'phone' } : undefined);
    toast(s === 'active' ? 'Updates stopped' : 'You will get updates');
    await refresh();
  }

  async function postback(title, payload) {
    await api('POST', '/customers/' + state.customerId + '/postback', { title, payload });
    toast('Tapped ' + title);
  }

  async function send(text, quickReplyPayload) {
    if (!text) return;
    await api('POST', '/customers/' + state.customerId + '/messages', { text, quickReplyPayload });
    await refresh();
  }

  async function react(mid, action) {
    await api('POST', '/customers/' + state.customerId + '/reactions', { mid, action, reaction: 'love' });
    await refresh();
  }

  async function sendSample(s) {
    await api('POST', '/customers/' + state.customerId + '/messages', { attachments: [{ type: s.type, url: s.url }] });
    $('#samples').classList.remove('open');
    await refresh();
  }

  async function renderPosts() {
    const c = state.conv;
    if (!c) return;
    const [{ data: media }, { data: posts }, { data: comments }] = await Promise.all([api('GET', '/media'), api('GET', '/posts'), api('GET', '/comments')]);
    const items = state.platform === 'instagram'
      ? media.filter((m) => m.accountId === c.accountId && m.mediaProductType !== 'STORY').map((m) => ({ id: m.id, img: m.mediaUrl, caption: m.caption, by: '@' + m.ownerUsername }))
      : posts.filter((p) => p.pageId === c.accountId).map((p) => ({ id: p.id, img: p.fullPicture, caption: p.message, by: p.fromName }));
    const list = items.map((it) => {
      const cs = comments.filter((x) => x.objectId === it.id && !x.deleted && !x.hidden);
      const line = (x) => el('div', { class: x.parentId ? 'reply' : '', 'data-testid': 'phone-comment' }, el('strong', { text: (x.fromUsername ? '@' + x.fromUsername : x.fromName) + ' ' }), x.text);
      const top = cs.filter((x) => !x.parentId);
      const input = el('input', { 'aria-label': 'Write a comment', placeholder: 'Add a comment…', 'data-testid': 'phone-comment-input-' + it.id });
      return el('article', { class: 'post', 'data-testid': 'phone-post-' + it.id },
        it.img ? el('img', { src: it.img, alt: 'Post by ' + it.by }) : null,
        el('div', { class: 'cap' }, el('strong', { text: it.by + ' ' }), it.caption || ''),
        el('div', { class: 'comments' }, top.flatMap((x) => [line(x), ...cs.filter((r) => r.parentId === x.id).map(line)])),
        el('form', { onsubmit: async (e) => { e.preventDefault(); if (!input.value) return; await api('POST', '/customers/' + state.customerId + '/comments', { objectId: it.id, text: input.value }); input.value = ''; toast('Comment posted'); await renderPosts(); } },
          input, el('button', { type: 'submit', 'data-testid': 'phone-comment-send-' + it.id }, 'Post')));
    });
    $('#posts').replaceChildren(...list);
  }

  function setTab(tab) {
    state.tab = tab;
    $('#tab-chat').setAttribute('aria-selected', String(tab === 'chat'));
    $('#tab-posts').setAttribute('aria-selected', String(tab === 'posts'));
    $('#chat').style.display = tab === 'chat' ? 'flex' : 'none';
    $('#posts').classList.toggle('open', tab === 'posts');
    if (tab === 'posts') renderPosts();
  }

  $('#platform-instagram').addEventListener('click', () => { state.platform = 'instagram'; state.customerId = null; loadCustomers(); });
  $('#platform-messenger').addEventListener('click', () => { state.platform = 'messenger'; state.customerId = null; loadCustomers(); });
  $('#customer').addEventListener('change', (e) => { state.customerId = e.target.value; openConversation(); });
  $('#composer').addEventListener('submit', async (e) => { e.preventDefault(); const v = $('#input').value; $('#input').value = ''; await send(v); });
  $('#attach').addEventListener('click', () => $('#samples').classList.toggle('open'));
  $('#optin').addEventListener('click', () => toggleOptin());
  $('#tab-chat').addEventListener('click', () => setTab('chat'));
  $('#tab-posts').addEventListener('click', () => setTab('posts'));

  api('GET', '/samples').then(({ data }) => {
    state.samples = data;
    $('#samples').replaceChildren(...data.map((s) => el('button', { type: 'button', 'data-testid': 'phone-sample-' + s.name, 'aria-label': 'Send ' + s.label, onclick: () => sendSample(s) },
      s.type === 'image' ? el('img', { src: s.url, alt: '' }) : el('span', { text: { video: '🎬', audio: '🎤', file: '📄' }[s.type] || '📎' }), s.label)));
  });

  let pending = null;
  const es = new EventSource('/_sim/events');
  es.onmessage = (ev) => {
    const e = JSON.parse(ev.data);
    if (!state.conv) return;
    if (e.kind === 'reset') { loadCustomers(); return; }
    if ((e.kind === 'message' || e.kind === 'conversation') && e.id === state.conv.conversationId) {
      clearTimeout(pending);
      pending = setTimeout(openConversation, 60);
    }
    if (e.kind === 'comment' && state.tab === 'posts') renderPosts();
  };
  const params = new URLSearchParams(location.search);
  if (params.get('platform') === 'messenger') state.platform = 'messenger';
  state.customerId = params.get('customer');
  loadCustomers();
})();
`;

export function phoneHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Customer phone — Meta simulator</title><style>${CSS}</style></head>
<body class="ig">
<div class="phone" data-testid="phone">
  <div class="notch"></div>
  <div class="screen">
    <div class="status"><span>9:41</span><span>5G ▮▮▮</span></div>
    <div class="top">
      <div class="switch" role="group" aria-label="Platform">
        <button id="platform-instagram" type="button" data-testid="phone-platform-instagram" aria-pressed="true">Instagram</button>
        <button id="platform-messenger" type="button" data-testid="phone-platform-messenger" aria-pressed="false">Messenger</button>
      </div>
      <label for="customer" style="font-size:11px;color:#888">You are</label>
      <select id="customer" data-testid="phone-customer-select" aria-label="Customer"></select>
      <div class="head"><img id="biz-pic" alt=""><div><div class="name" id="biz-name" data-testid="phone-business-name"></div><div class="sub" id="biz-sub"></div></div><button type="button" class="optin" id="optin" data-testid="phone-optin" hidden></button></div>
    </div>
    <div class="tabs" role="tablist">
      <button id="tab-chat" role="tab" aria-selected="true" data-testid="phone-tab-chat">Chat</button>
      <button id="tab-posts" role="tab" aria-selected="false" data-testid="phone-tab-posts">Posts</button>
    </div>
    <div id="chat" style="display:flex;flex-direction:column;flex:1;min-height:0">
      <div class="thread" id="thread" data-testid="phone-thread" aria-live="polite" aria-label="Conversation"></div>
      <div class="typing" id="typing" data-testid="phone-typing" data-state="off"></div>
      <div class="samples" id="samples" data-testid="phone-samples" aria-label="Sample media"></div>
      <form class="composer" id="composer">
        <button type="button" id="attach" data-testid="phone-attach" aria-label="Send a photo or file">+</button>
        <input id="input" data-testid="phone-input" aria-label="Message" placeholder="Message…" autocomplete="off">
        <button type="submit" class="send" data-testid="phone-send">Send</button>
      </form>
    </div>
    <div class="posts" id="posts" data-testid="phone-posts"></div>
  </div>
  <div class="toast" id="toast" role="status"></div>
</div>
<script>${SCRIPT}</script>
</body></html>`;
}

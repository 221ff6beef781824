/**
 * The "customer phone": a self-contained page (HTML + vanilla JS) to play a seeded customer on
 * Instagram or Messenger. It drives the control API and listens to `/_sim/events` (SSE).
 * Stable `data-testid`s are part of the contract (Playwright plays the customer with them).
 */

import { PHONE_CHAT_SCRIPT } from './phone-chat-script';
import { PHONE_POSTS_SCRIPT } from './phone-posts-script';
import { PHONE_CSS } from './phone-style';

/** Wiring: tabs, platform and customer pickers, composer, live updates (SSE), URL preselection. */
const PHONE_BOOT_SCRIPT = `
  function setTab(tab) {
    state.tab = tab;
    $('#tab-chat').setAttribute('aria-selected', String(tab === 'chat'));
    $('#tab-posts').setAttribute('aria-selected', String(tab === 'posts'));
    $('#chat').style.display = tab === 'chat' ? 'flex' : 'none';
    $('#posts').classList.toggle('open', tab === 'posts');
    if (tab === 'posts') renderPosts();
    else openConversation();
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
  let pendingPosts = null;
  const es = new EventSource('/_sim/events');
  es.onmessage = (ev) => {
    const e = JSON.parse(ev.data);
    if (!state.conv) return;
    if (e.kind === 'reset') { loadCustomers(); return; }
    if ((e.kind === 'message' || e.kind === 'conversation') && e.id === state.conv.conversationId) {
      clearTimeout(pending);
      pending = setTimeout(openConversation, 60);
    }
    if (['comment', 'media', 'post'].includes(e.kind) && state.tab === 'posts') {
      clearTimeout(pendingPosts);
      pendingPosts = setTimeout(renderPosts, 60);
    }
  };
  const params = new URLSearchParams(location.search);
  if (params.get('platform') === 'messenger') state.platform = 'messenger';
  state.customerId = params.get('customer');
  loadCustomers();
`;

export function phoneHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Customer phone — Meta simulator</title><style>${PHONE_CSS}</style></head>
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
<script>(() => {
${PHONE_CHAT_SCRIPT}
${PHONE_POSTS_SCRIPT}
${PHONE_BOOT_SCRIPT}
})();</script>
</body></html>`;
}

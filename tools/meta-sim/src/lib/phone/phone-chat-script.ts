/**
 * The phone's core and Chat screen (vanilla JS inside the page's IIFE): state, control-API calls,
 * rendering the thread, sending, reactions, samples, opt-ins.
 */
export const PHONE_CHAT_SCRIPT = `
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
    // Looking at the chat reads the business's messages (read / messaging_seen webhook).
    const unread = state.conv && state.conv.messages.some((m) => m.direction === 'outbound' && !m.readAt);
    if (unread && state.tab === 'chat') {
      await api('POST', '/customers/' + state.customerId + '/read');
      await refresh();
    }
    $('#tab-chat').dataset.unread = String(!!unread && state.tab !== 'chat');
    const newest = unread && state.tab !== 'chat' ? state.conv.messages.filter((m) => m.direction === 'outbound' && !m.readAt).pop() : null;
    if (newest && newest.mid !== state.notifiedMid) { state.notifiedMid = newest.mid; toast('New message from ' + state.conv.business.name); }
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
        const ad = m.referral && m.referral.ads_context_data;
        if (ad) bubble.append(el('div', { class: 'quote', 'data-testid': 'phone-ad-context' }, 'From the ad “' + ad.ad_title + '”'));
        if (m.privateReplyToComment) bubble.append(el('div', { class: 'quote', 'data-testid': 'phone-private-reply-context' }, 'Replied to your comment: “' + m.privateReplyToComment.text + '”'));
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
    const buttons = (list) => el('div', { class: 'chips' }, (list || []).map((b) => el('button', { type: 'button', 'data-testid': 'phone-template-button', onclick: () => b.type === 'web_url' ? window.open(b.url, '_blank') : b.type === 'phone_number' ? window.open('tel:' + b.payload) : postback(b.title, b.payload) }, b.title)));
    if (p.text) box.append(el('div', { text: p.text }));
    for (const e of p.elements || []) {
      if (e.image_url) box.append(el('img', { src: e.image_url, alt: e.title || '' }));
      box.append(el('strong', { text: e.title || '', 'data-testid': 'phone-template-title' }));
      if (e.subtitle) box.append(el('div', { text: e.subtitle, 'data-testid': 'phone-template-body' }));
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
`;

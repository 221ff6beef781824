/**
 * The phone's Posts screen (vanilla JS inside the page's IIFE): the business's posts, reels, stories,
 * Live and ads with their comments as the customer sees them (own hidden comments with a notice,
 * removals by the business as a tombstone), comment / reply / edit / delete, @mentions of the business.
 * No backticks or template placeholders in here: this is itself a template literal.
 */
export const PHONE_POSTS_SCRIPT = `
  const form = { objectId: null, mode: 'comment', targetId: null, label: '' };

  function ownIds(c) {
    const me = state.customers.find((x) => x.id === state.customerId) || {};
    return [c.id, me.feedUserId].filter(Boolean);
  }

  function badge(kind, text) { return el('span', { class: 'badge ' + kind, 'data-testid': 'phone-badge-' + kind }, text); }

  function commentLine(x, mine, item) {
    const who = (x.fromUsername ? '@' + x.fromUsername : x.fromName) + ' ';
    const line = el('div', { class: 'c' + (x.parentId ? ' reply' : ''), 'data-testid': 'phone-comment', 'data-comment-id': x.id });
    if (x.deleted) {
      line.append(el('span', { class: 'removed', 'data-testid': 'phone-comment-removed' }, 'Your comment was removed by ' + state.conv.business.name));
      return line;
    }
    line.append(el('strong', { text: who }), el('span', { text: x.text }));
    const acts = el('span', { class: 'acts' });
    if (!item.closed) acts.append(el('button', { type: 'button', 'data-testid': 'phone-comment-reply-' + x.id, onclick: () => setMode(item, 'reply', x.parentId || x.id, 'Reply to ' + who.trim()) }, 'Reply'));
    if (mine && state.platform === 'messenger') acts.append(el('button', { type: 'button', 'data-testid': 'phone-comment-edit-' + x.id, onclick: () => setMode(item, 'edit', x.id, 'Edit your comment', x.text) }, 'Edit'));
    if (mine) acts.append(el('button', { type: 'button', 'data-testid': 'phone-comment-delete-' + x.id, onclick: () => removeComment(x.id) }, 'Delete'));
    line.append(acts);
    if (mine && x.hidden) line.append(el('div', { class: 'note', 'data-testid': 'phone-comment-hidden' }, 'Hidden by ' + state.conv.business.name + ' · only you and your friends can see it'));
    if (mine && x.privateReplyMid) line.append(el('button', { type: 'button', class: 'dm', 'data-testid': 'phone-comment-private-reply', onclick: () => setTab('chat') }, '💬 ' + state.conv.business.name + ' sent you a private message'));
    return line;
  }

  function setMode(item, mode, targetId, label, text) {
    Object.assign(form, { objectId: item.id, mode, targetId, label });
    renderPosts().then(() => {
      const input = document.querySelector('[data-testid="phone-comment-input-' + item.id + '"]');
      if (input) { input.value = text || ''; input.focus(); }
    });
  }

  async function removeComment(id) {
    await api('POST', '/comments/' + id + '/delete');
    toast('Comment deleted');
    await renderPosts();
  }

  async function submitComment(item, text) {
    const mine = form.objectId === item.id ? form : { mode: 'comment' };
    if (mine.mode === 'edit') await api('POST', '/comments/' + mine.targetId + '/edit', { text });
    else await api('POST', '/customers/' + state.customerId + '/comments', { objectId: item.id, text, parentId: mine.mode === 'reply' ? mine.targetId : undefined });
    Object.assign(form, { objectId: null, mode: 'comment', targetId: null, label: '' });
    toast(mine.mode === 'edit' ? 'Comment edited' : 'Comment posted');
    await renderPosts();
  }

  async function openFromAd(adId) {
    await api('POST', '/customers/' + state.customerId + '/ad-referral', { adId });
    setTab('chat');
  }

  function items(c, media, posts, ads) {
    const adless = ads.filter((a) => a.accountId === c.accountId && !a.objectId)
      .map((a) => ({ id: 'ad-' + a.id, img: a.imageUrl, caption: a.body, by: c.business.name, kind: 'AD', adId: a.id, closed: true }));
    if (state.platform === 'instagram') {
      const mine = media.filter((m) => m.accountId === c.accountId && (m.mediaProductType !== 'STORY' || Date.now() - m.createdAt < 86400000));
      const order = { LIVE: 0, STORY: 1 };
      return mine
        .sort((a, b) => ((order[a.mediaProductType] ?? 2) - (order[b.mediaProductType] ?? 2)) || b.createdAt - a.createdAt)
        .map((m) => ({ id: m.id, img: m.mediaUrl, caption: m.caption, by: '@' + m.ownerUsername, kind: m.mediaProductType, adId: m.adId, closed: m.mediaProductType === 'LIVE' && m.liveStatus !== 'live' }))
        .concat(adless);
    }
    return posts.filter((p) => p.pageId === c.accountId).sort((a, b) => b.createdAt - a.createdAt)
      .map((p) => ({ id: p.id, img: p.fullPicture, caption: p.message, by: p.fromName, kind: p.adId ? 'AD' : 'POST', adId: p.adId, closed: false }))
      .concat(adless);
  }

  async function renderPosts() {
    const c = state.conv;
    if (!c) return;
    const [{ data: media }, { data: posts }, { data: comments }, { data: ads }] = await Promise.all([api('GET', '/media'), api('GET', '/posts'), api('GET', '/comments'), api('GET', '/ads')]);
    const mineIds = ownIds(c);
    const list = items(c, media, posts, ads).map((it) => {
      const visible = comments.filter((x) => x.objectId === it.id && (mineIds.includes(x.fromId) ? (!x.deleted || x.deletedBy === 'business') : (!x.deleted && !x.hidden)));
      const top = visible.filter((x) => !x.parentId);
      const lines = top.flatMap((x) => [commentLine(x, mineIds.includes(x.fromId), it), ...visible.filter((r) => r.parentId === x.id).map((r) => commentLine(r, mineIds.includes(r.fromId), it))]);
      const active = form.objectId === it.id && form.mode !== 'comment';
      const input = el('input', { 'aria-label': active ? form.label : 'Write a comment', placeholder: active ? form.label + '…' : 'Add a comment…', 'data-testid': 'phone-comment-input-' + it.id });
      const head = el('div', { class: 'cap' }, el('strong', { text: it.by + ' ' }), it.caption || '');
      if (it.kind === 'LIVE') head.append(badge('live', it.closed ? 'LIVE ENDED' : 'LIVE'));
      if (it.kind === 'AD') head.append(badge('ad', 'Sponsored'));
      if (it.kind === 'STORY') head.append(badge('story', 'Story'));
      const parts = [it.img ? el('img', { src: it.img, alt: 'Post by ' + it.by }) : null, head];
      if (it.adId) parts.push(el('button', { type: 'button', class: 'cta', 'data-testid': 'phone-ad-cta-' + it.adId, onclick: () => openFromAd(it.adId) }, 'Send message'));
      parts.push(el('div', { class: 'comments' }, lines));
      if (active) parts.push(el('div', { class: 'mode', 'data-testid': 'phone-comment-mode' }, form.label, el('button', { type: 'button', onclick: () => { form.objectId = null; form.mode = 'comment'; renderPosts(); } }, 'Cancel')));
      if (!it.closed && !it.id.startsWith('ad-')) {
        parts.push(el('form', { onsubmit: async (e) => { e.preventDefault(); if (input.value) await submitComment(it, input.value); } },
          input, el('button', { type: 'submit', 'data-testid': 'phone-comment-send-' + it.id }, active && form.mode === 'edit' ? 'Save' : 'Post')));
      }
      return el('article', { class: 'post', 'data-testid': 'phone-post-' + it.id, 'data-kind': it.kind }, ...parts);
    });
    const handle = '@' + (state.platform === 'instagram' && c.business.username ? c.business.username : c.business.name);
    const mentionText = el('textarea', { 'aria-label': 'Mention text', 'data-testid': 'phone-mention-input' });
    mentionText.value = 'Loving my new jacket from ' + handle + '!';
    const kind = el('select', { 'aria-label': 'Where', 'data-testid': 'phone-mention-kind' }, el('option', { value: 'post', text: 'in a new post' }), el('option', { value: 'comment', text: 'in a comment on my post' }));
    const panel = el('form', { class: 'mention', id: 'mention', 'data-testid': 'phone-mention-form', onsubmit: async (e) => {
      e.preventDefault();
      await api('POST', '/customers/' + state.customerId + '/mentions', kind.value === 'comment' ? { commentText: mentionText.value } : { caption: mentionText.value });
      toast('You mentioned ' + handle);
      panel.classList.remove('open');
    } }, mentionText, el('div', { class: 'row' }, 'Mention ', kind, el('button', { type: 'submit', 'data-testid': 'phone-mention-send' }, 'Share')));
    const bar = el('div', { class: 'bar' }, el('button', { type: 'button', 'data-testid': 'phone-mention-open', onclick: () => panel.classList.toggle('open') }, '@ Mention ' + handle));
    $('#posts').replaceChildren(bar, panel, ...list);
  }
`;

// Dunning.Bot web chat: a small Direct Line 3.0 client: the WebSocket stream (stream.js) when it can, polling
// otherwise; an activity is shown once by its id whichever brought it. Every text from the user or the bot is
// written with textContent, never as HTML; links and images pass a scheme allow-list.
(() => {
  'use strict';
  const API = '/v3/directline';
  const STORE_KEY = 'dunning.webchat';
  const MAX_IDLE_MS = 10000;
  const body = document.body;
  const pollMs = parseInt(body.dataset.pollMs, 10) || 1000;
  const maxChars = parseInt(body.dataset.maxChars, 10) || 2000;
  const keepAliveMs = parseInt(body.dataset.keepAliveMs, 10) || 30000;
  const $ = id => document.getElementById(id);
  const log = $('log'), actions = $('actions'), input = $('input'), send = $('send'), status = $('status'), typing = $('typing');

  let strings = { de: {}, en: {} };
  let lang = (navigator.language || 'en').toLowerCase().startsWith('de') ? 'de' : 'en';
  let session = null;          // { conversationId, token, userId?, watermark }
  let linkToken = null;
  let pollTimer = 0, refreshTimer = 0, delay = pollMs, polling = false, counter = 0, streaming = false;
  const pending = new Map();   // clientActivityID -> <li>
  const seen = new Set();      // activity ids already shown

  const t = key => (strings[lang] && strings[lang][key]) || (strings.en && strings.en[key]) || key;

  const creditor = ($('creditor').textContent || '').trim();

  // The page's words follow the conversation: the browser's language before linking, the debtor's after (the bot's locale).
  function applyStrings() {
    document.documentElement.lang = lang;
    document.title = creditor ? creditor + ' – ' + t('title') : t('title');
    $('creditor').textContent = creditor || t('title');
    $('title').textContent = t('title');
    $('title').hidden = !creditor;
    for (const link of document.querySelectorAll('#contact a[data-label]')) {
      link.setAttribute('aria-label', t(link.dataset.label) + ': ' + link.querySelector('.full').textContent);
      link.querySelector('.short').textContent = t(link.dataset.label);
    }
    $('input-label').textContent = t('input_label');
    input.placeholder = t('placeholder');
    send.textContent = t('send');
    log.setAttribute('aria-label', t('messages'));
    actions.setAttribute('aria-label', t('suggested'));
    $('attach').setAttribute('aria-label', t('attach'));
    $('attach').title = t('attach');
  }

  function setStatus(key, isError) {
    status.textContent = key ? t(key) : '';
    status.classList.toggle('error', !!isError);
  }

  function safeUrl(value, forImage) {
    if (typeof value !== 'string' || value.length > 2000000) return null;
    if (forImage && /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/.test(value)) return value;
    try {
      const url = new URL(value, location.href);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch { return null; }
  }

  function scrollToEnd() { log.scrollTop = log.scrollHeight; }

  // role: user, bot, staff (a person from the team: name and job shown above the text) or notice (joined/left).
  function addMessage(role, text, sender) {
    const li = document.createElement('li');
    li.className = 'msg ' + role;
    const who = document.createElement('span');
    if (sender) {
      who.className = 'sender';
      who.textContent = [sender.name, sender.role].filter(Boolean).join(' · ');
    } else {
      who.className = 'visually-hidden';
      who.textContent = role === 'notice' ? '' : (role === 'user' ? t('you') : t('bot')) + ': ';
    }
    li.appendChild(who);
    if (text) {
      const p = document.createElement('p');
      p.textContent = text;
      li.appendChild(p);
    }
    log.appendChild(li);
    scrollToEnd();
    return li;
  }

  function addAttachments(li, attachments) {
    for (const a of attachments || []) {
      const type = String(a.contentType || '');
      if (type.startsWith('image/')) {
        const src = safeUrl(a.contentUrl, true);
        if (!src) continue;
        const img = document.createElement('img');
        img.addEventListener('load', scrollToEnd);
        img.src = src;
        img.alt = a.name || t('image');
        li.appendChild(img);
      } else {
        const href = safeUrl(a.contentUrl, false);
        if (!href) continue;
        const link = document.createElement('a');
        link.href = href;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.textContent = a.name || t('document');
        li.appendChild(link);
      }
    }
  }

  function showActions(list) {
    actions.replaceChildren();
    for (const action of list || []) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.title || (typeof action.value === 'string' ? action.value : '');
      if (!button.textContent) continue;
      button.addEventListener('click', () => onAction(action));
      actions.appendChild(button);
    }
  }

  function onAction(action) {
    if (action.type === 'openUrl') {
      const href = safeUrl(action.value, false);
      if (href) window.open(href, '_blank', 'noopener,noreferrer');
      return;
    }
    const text = action.type === 'imBack' ? String(action.value ?? action.title ?? '')
      : (action.text || action.displayText || action.title || '');
    const value = action.type === 'imBack' ? undefined : action.value;
    sendMessage(text, value, action.displayText || action.title || text);
    input.focus();
  }

  function render(activity) {
    if (!activity || seen.has(activity.id)) return;
    seen.add(activity.id);
    const fromUser = activity.from && activity.from.role === 'user';
    const clientId = activity.channelData && activity.channelData.clientActivityID;
    if (fromUser) {
      if (clientId && pending.has(clientId)) {
        pending.get(clientId).classList.remove('pending');
        pending.delete(clientId);
      } else if (activity.type === 'message' && activity.text) {
        addMessage('user', activity.text);
      }
      return;
    }
    if (activity.type === 'typing') { typing.hidden = false; return; }
    if (activity.type !== 'message') return;
    typing.hidden = true;
    if (activity.locale) {
      const replyLang = String(activity.locale).toLowerCase().startsWith('de') ? 'de' : 'en';
      if (replyLang !== lang) { lang = replyLang; applyStrings(); }
    }
    const own = activity.channelData && typeof activity.channelData.dunning === 'object' && activity.channelData.dunning || {};
    const sender = own.sender && typeof own.sender.name === 'string' ? own.sender : null;
    const role = own.notice ? 'notice' : (sender ? 'staff' : 'bot');
    if (own.payment && typeof own.payment === 'object') {
      // The card says what the text says, with copy buttons and the GiroCode; other clients show the text.
      const li = addMessage('bot', null);
      li.classList.add('card');
      payment.render(li, own.payment, activity.attachments);
    } else {
      const li = addMessage(role, activity.text, sender);
      addAttachments(li, activity.attachments);
    }
    showActions(activity.suggestedActions && activity.suggestedActions.actions);
    scrollToEnd();
  }

  async function call(method, path, payload, token) {
    const headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch(API + path, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload), cache: 'no-store' });
    const json = response.headers.get('content-type')?.includes('json') ? await response.json().catch(() => null) : null;
    return { status: response.status, json, retryAfter: parseInt(response.headers.get('Retry-After'), 10) || 0 };
  }

  function save() { try { sessionStorage.setItem(STORE_KEY, JSON.stringify(session)); } catch { /* private mode */ } }

  function scheduleRefresh(expiresIn) {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(async () => {
      const r = await call('POST', '/tokens/refresh', undefined, session.token).catch(() => null);
      if (r && r.status === 200) { session.token = r.json.token; save(); scheduleRefresh(r.json.expires_in); }
      else scheduleRefresh(30);
    }, Math.max(10, expiresIn * 0.8) * 1000);
  }

  async function start(resume) {
    setStatus('connecting');
    const r = await call('POST', '/conversations', undefined, resume ? resume.token : undefined);
    if (r.status === 200 || r.status === 201) {
      // A resumed conversation is shown again from the start (the page was reloaded and is empty).
      session = { conversationId: r.json.conversationId, token: r.json.token, watermark: null };
      save();
      scheduleRefresh(r.json.expires_in);
      setStatus('');
      // The join goes first: a message typed meanwhile would otherwise reach the bot before the chat is opened.
      if (r.status === 201) {
        const value = { locale: lang === 'de' ? 'de-DE' : (navigator.language || 'en-US') };
        if (linkToken) value.linkToken = linkToken;
        await post({ type: 'event', name: 'webchat/join', value, locale: value.locale });
      }
      input.disabled = send.disabled = $('attach').disabled = false;
      if (!stream.open(r.json.streamUrl)) { useStream(false); poll(0); }
      return;
    }
    if (resume) return start(null);
    setStatus(r.status === 429 ? 'too_many' : 'offline', true);
    setTimeout(() => start(null), Math.max(r.retryAfter * 1000, 3000));
  }

  async function post(activity) {
    activity.from = { id: 'user', role: 'user' };
    activity.channelData = Object.assign({ clientActivityID: 'c' + Date.now().toString(36) + (++counter) }, activity.channelData);
    activity.locale = activity.locale || (lang === 'de' ? 'de-DE' : 'en-US');
    const r = await call('POST', '/conversations/' + encodeURIComponent(session.conversationId) + '/activities', activity, session.token);
    return { r, clientId: activity.channelData.clientActivityID };
  }

  async function sendMessage(text, value, shown) {
    text = (text || '').trim();
    if (!session || (!text && value === undefined)) return;
    if (text.length > maxChars) { setStatus('too_long', true); return; }
    actions.replaceChildren();
    const activity = { type: 'message', text: text || undefined, value };
    const li = addMessage('user', shown || text);
    li.classList.add('pending');
    activity.channelData = { clientActivityID: 'c' + Date.now().toString(36) + (++counter) };
    pending.set(activity.channelData.clientActivityID, li);
    try {
      const { r } = await post(activity);
      if (r.status === 200) { setStatus(''); if (!streaming) { delay = pollMs; poll(0); } return; }
      if (r.status === 401 || r.status === 403) { restartExpired(); return; }
      li.classList.add('failed');
      setStatus(r.status === 429 ? 'too_many' : (r.status === 413 ? 'too_long' : 'failed'), true);
    } catch {
      li.classList.add('failed');
      setStatus('failed', true);
    }
  }

  // The attach button: the chosen files in one Direct Line upload (multipart: the files and an 'activity' part).
  // The bot checks them and answers in the chat; here only the transport can fail.
  async function sendFiles(files) {
    if (!session || files.length === 0) return;
    actions.replaceChildren();
    const li = addMessage('user', files.map(f => '\u{1F4CE} ' + f.name).join('\n'));
    li.classList.add('pending');
    const activity = { type: 'message', from: { id: 'user', role: 'user' }, locale: lang === 'de' ? 'de-DE' : 'en-US',
      channelData: { clientActivityID: 'c' + Date.now().toString(36) + (++counter) } };
    pending.set(activity.channelData.clientActivityID, li);
    const form = new FormData();
    files.forEach(f => form.append('file', f, f.name));
    form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
    try {
      const response = await fetch(API + '/conversations/' + encodeURIComponent(session.conversationId) + '/upload',
        { method: 'POST', headers: { Authorization: 'Bearer ' + session.token }, body: form, cache: 'no-store' });
      if (response.status === 200) { setStatus(''); if (!streaming) { delay = pollMs; poll(0); } return; }
      if (response.status === 401) { restartExpired(); return; }
      li.classList.add('failed');
      setStatus(response.status === 429 ? 'too_many' : (response.status === 413 ? 'file_too_large' : 'upload_failed'), true);
    } catch {
      li.classList.add('failed');
      setStatus('upload_failed', true);
    }
  }

  function restartExpired() {
    setStatus('expired', true);
    session = null;
    stream.close();
    useStream(false);
    try { sessionStorage.removeItem(STORE_KEY); } catch { /* ignore */ }
    start(null);
  }

  function poll(after) {
    clearTimeout(pollTimer);
    if (!streaming) pollTimer = setTimeout(pollOnce, after);
  }

  // Watermarks only move forward (a poll answered after the stream opened must not take it back).
  function advance(watermark) {
    if (watermark === undefined || watermark === null) return;
    const now = Number(session.watermark), next = Number(watermark);
    if (session.watermark && Number.isInteger(now) && Number.isInteger(next) && next < now) return;
    session.watermark = String(watermark);
    save();
  }

  function receive(list, watermark) {
    list.forEach(render);
    advance(watermark);
    if (status.classList.contains('error') && status.textContent === t('offline')) setStatus('');
  }

  function useStream(on) {
    streaming = on;
    body.dataset.transport = on ? 'stream' : 'poll';
    if (on) clearTimeout(pollTimer);
  }

  // A fresh stream URL replaying after our watermark (Direct Line's reconnect); null when there is none now.
  async function reconnectUrl() {
    if (!session) return null;
    const r = await call('GET', '/conversations/' + encodeURIComponent(session.conversationId) + '?watermark=' + encodeURIComponent(session.watermark || '0'), undefined, session.token);
    if (r.status === 200 && r.json && typeof r.json.streamUrl === 'string') return r.json.streamUrl;
    if (r.status === 401 || r.status === 403 || r.status === 404) restartExpired();
    return null;
  }

  const payment = window.DunningPayment(t, safeUrl, scrollToEnd);

  const stream = window.DunningStream({
    onOpen: () => useStream(true),
    onSet: set => { if (session) receive(Array.isArray(set.activities) ? set.activities : [], set.watermark); },
    onFallback: () => { useStream(false); delay = pollMs; poll(0); },
    reconnectUrl,
  }, keepAliveMs);

  async function pollOnce() {
    if (!session || polling || streaming) return;
    polling = true;
    let next = delay;
    try {
      const query = session.watermark ? '?watermark=' + encodeURIComponent(session.watermark) : '';
      const r = await call('GET', '/conversations/' + encodeURIComponent(session.conversationId) + '/activities' + query, undefined, session.token);
      if (r.status === 200) {
        const list = r.json.activities || [];
        receive(list, r.json.watermark);
        delay = list.length > 0 ? pollMs : Math.min(delay * 1.5, document.hidden ? MAX_IDLE_MS * 3 : MAX_IDLE_MS);
        next = list.length > 0 ? 0 : delay;
      } else if (r.status === 401 || r.status === 403 || r.status === 404) {
        polling = false;
        restartExpired();
        return;
      } else {
        next = Math.max(r.retryAfter * 1000, pollMs * 2);
      }
    } catch {
      setStatus('offline', true);
      next = Math.min(Math.max(delay * 2, 2000), MAX_IDLE_MS);
    }
    polling = false;
    poll(next);
  }

  $('composer').addEventListener('submit', e => {
    e.preventDefault();
    const text = input.value;
    input.value = '';
    sendMessage(text);
  });
  $('attach').addEventListener('click', () => $('file').click());
  $('file').addEventListener('change', e => {
    const files = Array.from(e.target.files || []);
    e.target.value = '';
    sendFiles(files);
  });
  input.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); $('composer').requestSubmit(); }
  });
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) return;
    stream.wake();
    delay = pollMs;
    poll(0);
  });

  async function boot() {
    try { strings = await (await fetch('/chat/assets/strings.json')).json(); } catch { /* keep the keys */ }
    applyStrings();
    input.maxLength = maxChars;
    const params = new URLSearchParams(location.search);
    linkToken = params.get('t');
    // The link token must not linger in the address bar, history or a Referer.
    if (linkToken) history.replaceState(null, '', location.pathname);
    let resume = null;
    try { resume = JSON.parse(sessionStorage.getItem(STORE_KEY) || 'null'); } catch { /* ignore */ }
    await start(linkToken ? null : resume);
  }
  boot();
})();

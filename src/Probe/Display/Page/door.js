// Door display (issue 6 item 4a). Everything arrives as server-sent events from /events; text is set with
// textContent only (never parsed as markup). EventSource reconnects by itself; when it gives up, connect() again.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const LIVE = ['live', 'fault'];
  const PREPARING = ['pre-show', 'ready', 'not-ready'];
  let snap = null;
  let offset = 0; // server clock minus this kiosk's clock, ms
  let source = null;
  let retry = null;
  let manualKey = '';

  const show = (id, value) => { const e = $(id); e.textContent = value || ''; e.hidden = !value; };
  const two = (n) => String(n).padStart(2, '0');
  const span = (ms) => {
    const s = Math.max(0, Math.floor(ms / 1000));
    return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
  };

  function render(next) {
    snap = next;
    offset = next.now - Date.now();
    const s = next.state;
    const d = next.display;
    const body = document.body;
    body.dataset.state = d.s;
    body.dataset.updates = String(Number(body.dataset.updates) + 1);
    body.style.backgroundColor = '#' + d.c;
    $('zh').textContent = d.zh;
    $('en').textContent = d.en;
    // The composed fields, cleaned of control characters on the edge: the page and an MQTT sign show the same text.
    show('title', d.t);
    show('host', d.h ? '主播 Host: ' + d.h : '');
    $('when').textContent = d.w;
    show('message', d.m);
    $('nextText').textContent = d.n;
    $('next').hidden = !d.n;
    const c = s.checklist;
    const progress = c && c.total > 0 && PREPARING.includes(s.state);
    $('progress').hidden = !progress;
    if (progress) {
      $('bar').style.width = `${Math.round(100 * Math.min(c.passed, c.total) / c.total)}%`;
    }
    $('room').textContent = `${s.site} / ${s.room}`;
    renderManual(next.manual || []);
    tick();
  }

  function renderManual(items) {
    const key = JSON.stringify(items);
    if (key === manualKey) return;
    manualKey = key;
    const list = $('manual');
    list.replaceChildren();
    for (const item of items) {
      const li = document.createElement('li');
      li.dataset.item = item.id;
      const label = document.createElement('span');
      label.textContent = item.text;
      li.append(label);
      if (item.confirmed) {
        li.className = 'done';
        const by = document.createElement('span');
        by.className = 'by';
        by.textContent = `✓ ${item.by || ''}`;
        li.append(by);
      } else {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'confirm';
        button.textContent = '确认 Confirm';
        button.addEventListener('click', () => post('api/confirm', { item: item.id, by: name() }, button));
        li.append(button);
      }
      list.append(li);
    }
  }

  function tick() {
    if (!snap) return;
    const now = Date.now() + offset;
    const s = snap.state;
    let text = '';
    if (LIVE.includes(s.state) && s.since > 0) {
      text = span(now - s.since);
    } else if (s.show && s.show.start > now && s.state !== 'ended') {
      text = '开播倒计时 starts in ' + span(s.show.start - now);
    }
    $('clock').textContent = text;
  }

  function name() {
    const value = $('by').value.trim();
    try { localStorage.setItem('door.by', value); } catch { /* private mode */ }
    return value;
  }

  async function post(path, body, button) {
    const result = $('result');
    if (!body.by) {
      result.textContent = '请填写姓名 Enter your name first';
      $('by').focus();
      return;
    }
    button.disabled = true;
    try {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-LiveRoom-Door': '1' },
        body: JSON.stringify(body),
      });
      const answer = await response.json().catch(() => ({ message: `HTTP ${response.status}` }));
      result.textContent = (response.ok ? '✓ ' : '✗ ') + (answer.message || '');
    } catch (e) {
      result.textContent = '✗ ' + e.message;
    } finally {
      button.disabled = false;
    }
  }

  function online(up) {
    document.body.dataset.online = up ? '1' : '0';
  }

  function connect() {
    clearTimeout(retry);
    if (source) source.close();
    source = new EventSource('events');
    source.addEventListener('state', (e) => { online(true); render(JSON.parse(e.data)); });
    source.onopen = () => online(true);
    source.onerror = () => {
      online(false);
      // Still CONNECTING: the browser retries by itself (after the server's retry: delay). CLOSED: it gave up.
      if (source.readyState === EventSource.CLOSED) retry = setTimeout(connect, 2000);
    };
  }

  try { $('by').value = localStorage.getItem('door.by') || ''; } catch { /* private mode */ }
  $('run').addEventListener('click', (e) => post('api/checklist/run', { by: name() }, e.currentTarget));
  setInterval(tick, 1000);
  connect();
})();

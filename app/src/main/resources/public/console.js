// The desk console: the alert inbox, updated live from /api/alerts/stream. Every text from an article is put in
// the page with textContent, never as HTML.
'use strict';
const $ = (id) => document.getElementById(id);
const alerts = new Map();
let source = null;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function auth() {
  const t = $('token').value.trim();
  return t ? { Authorization: 'Bearer ' + t } : {};
}

function query() {
  const p = new URLSearchParams();
  for (const k of ['desk', 'severity', 'state', 'q']) { if ($(k).value.trim()) p.set(k, $(k).value.trim()); }
  return p;
}

function visible(a) {
  const f = query();
  if (f.get('desk') && a.desk !== f.get('desk')) return false;
  if (f.get('severity') && a.severity !== f.get('severity')) return false;
  if (f.get('state') === 'open' && a.state) return false;
  if (f.get('state') === 'acknowledged' && a.state !== 'acknowledged') return false;
  return true;
}

/** A snippet with the matched words marked, built from text nodes only. */
function highlighted(snippet, words) {
  const p = el('div', 'evidence');
  let rest = snippet || '';
  const w = (words || '').trim();
  const i = w ? rest.toLowerCase().indexOf(w.toLowerCase()) : -1;
  if (i < 0) { p.textContent = rest; return p; }
  p.append(document.createTextNode(rest.slice(0, i)), el('mark', null, rest.slice(i, i + w.length)),
    document.createTextNode(rest.slice(i + w.length)));
  return p;
}

function card(a, fresh) {
  const c = el('article', 'alert ' + (a.severity || '') + (a.state ? ' acknowledged' : '') + (fresh ? ' fresh' : ''));
  c.dataset.id = a.alert_id;
  const title = el('div');
  title.append(el('span', 'sev', a.severity), el('strong', 'title', a.title || a.alert_id));
  c.append(title, el('div', 'reason', a.reason),
    el('div', 'meta', (a.desk || 'any desk') + ' · ' + a.article_count + ' article(s) · ' + (a.sources || []).join(', ')
      + ' · ' + a.updated_at + (a.state ? ' · acknowledged by ' + a.by_who : '')));
  const ev = (a.evidence || [])[0];
  if (ev) c.append(highlighted(ev.snippet, ev.text));
  c.addEventListener('click', () => show(a.alert_id));
  return c;
}

function render(freshId) {
  const inbox = $('inbox');
  inbox.replaceChildren();
  const sorted = [...alerts.values()].filter(visible).sort((x, y) => (y.updated_at > x.updated_at ? 1 : -1));
  for (const a of sorted) inbox.append(card(a, a.alert_id === freshId));
  if (!sorted.length) inbox.append(el('p', 'hint', 'No alerts.'));
}

async function show(id) {
  const r = await fetch('api/alerts/' + encodeURIComponent(id), { headers: auth() });
  const d = $('detail');
  d.replaceChildren();
  if (!r.ok) { d.append(el('p', 'error', 'Could not load the alert (' + r.status + ').')); return; }
  const a = await r.json();
  d.append(el('h2', null, a.title || a.alert_id), el('p', 'reason', a.reason),
    el('p', 'meta', 'story ' + a.story_id + ' · ' + a.article_count + ' article(s) · sources: ' + (a.sources || []).join(', ')));
  for (const ev of a.evidence || []) {
    const line = el('div');
    line.append(el('span', 'meta', ev.rule + ' · ' + ev.field + ': '), highlighted(ev.snippet, ev.text));
    d.append(line);
  }
  if (a.url) { const link = el('a', null, a.url); link.href = a.url; link.rel = 'noopener noreferrer'; d.append(link); }
  const ack = el('button', 'ack', a.state ? 'Acknowledged' : 'Acknowledge');
  ack.disabled = !!a.state;
  ack.addEventListener('click', async () => {
    const res = await fetch('api/alerts/' + encodeURIComponent(id) + '/ack', {
      method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, auth()), body: '{}' });
    if (res.ok) { const updated = await res.json(); alerts.set(id, updated); render(); show(id); }
  });
  d.append(el('div'), ack);
}

async function load() {
  const r = await fetch('api/alerts?limit=200&' + query(), { headers: auth() });
  if (!r.ok) { $('inbox').replaceChildren(el('p', 'error', 'The API said ' + r.status)); return; }
  const page = await r.json();
  alerts.clear();
  for (const a of page.alerts) alerts.set(a.alert_id, a);
  render();
}

function connect() {
  if (source) source.close();
  const t = $('token').value.trim();
  source = new EventSource('api/alerts/stream' + (t ? '?token=' + encodeURIComponent(t) : ''));
  source.onopen = () => { $('live').textContent = 'live'; $('live').className = 'live on'; };
  source.onerror = () => { $('live').textContent = 'reconnecting…'; $('live').className = 'live'; };
  source.addEventListener('alert', (e) => {
    const a = JSON.parse(e.data);
    alerts.set(a.alert_id, a);
    render(a.alert_id);
  });
}

for (const id of ['desk', 'severity', 'state', 'q']) $(id).addEventListener('change', load);
$('token').addEventListener('change', () => { load(); connect(); });
load();
connect();

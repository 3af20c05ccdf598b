/**
 * The simulator's API Keys page, modelled on TestKase's Settings → API Keys: pick a demo user,
 * generate a token (shown once, with a copy button), list and delete that user's tokens.
 * Script and styles are separate files so the page runs under a strict CSP.
 */
import type { Hono } from 'hono';
import { jsonAnswer, jsonError, type SimEnv } from './http-util';
import { EXPIRY_DAYS } from './tokens';
import { TEXT_MAX } from '../../src/testkase/sizes';

/** The page, its script and styles, a health check; anything else is a 404, and only GET (or HEAD) is answered. */
export function registerWebPage(app: Hono<SimEnv>): void {
  const text = (type: string, body: string, extra: Record<string, string> = {}) =>
    new Response(body, { headers: { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra } });
  const page = () => text('text/html', indexHtml(), { 'content-security-policy': PAGE_CSP });
  app.get('/', page);
  app.get('/settings/api-keys', page);
  app.get('/_sim/ui.js', () => text('text/javascript', uiJs));
  app.get('/_sim/ui.css', () => text('text/css', uiCss));
  app.get('/_sim/health', () => jsonAnswer(200, { ok: true }));
  app.get('/favicon.ico', () => new Response(null, { status: 204 }));
  app.get('*', (c) => jsonError(404, 'NOT_FOUND', `No page ${c.req.path}.`));
  app.all('*', () => jsonError(405, 'METHOD_NOT_ALLOWED', 'Only GET here.', { allow: 'GET' }));
}

const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; frame-ancestors 'self'; base-uri 'none'";

const indexHtml = (): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API Keys · TestKase (local simulator)</title>
<link rel="stylesheet" href="/_sim/ui.css">
<script src="/_sim/ui.js" defer></script>
</head>
<body>
<header class="top"><span class="brand">TestKase</span><span class="sim">local simulator</span></header>
<main>
  <nav class="crumbs" aria-label="Breadcrumb">Settings › API Keys</nav>
  <h1>API Keys</h1>
  <p class="lead">Personal Access Tokens let tools such as TestKase for Jira act as you. A token has your role in each project.</p>
  <div class="field">
    <label for="user">Signed in as (demo user)</label>
    <select id="user"></select>
  </div>
  <section aria-labelledby="gen-title" class="card">
    <h2 id="gen-title">Generate New Token</h2>
    <form id="generate" novalidate>
      <div class="row">
        <div class="field"><label for="name">Token name</label><input id="name" name="name" required maxlength="${TEXT_MAX.tokenName}" value="Jira Plugin" autocomplete="off"></div>
        <div class="field"><label for="days">Expires in</label><select id="days" name="days">${EXPIRY_DAYS.map((d) => `<option value="${d}"${d === 90 ? ' selected' : ''}>${d} days</option>`).join('')}</select></div>
      </div>
      <button type="submit" class="primary" id="generate-button">Generate New Token</button>
      <p id="form-error" class="error" role="alert" hidden></p>
    </form>
    <div id="new-token" class="new-token" hidden>
      <p class="warn" role="status"><strong>Copy your token now.</strong> It will not be shown again.</p>
      <div class="row">
        <label class="visually-hidden" for="token-value">New token</label>
        <input id="token-value" readonly spellcheck="false">
        <button type="button" id="copy">Copy</button>
      </div>
    </div>
  </section>
  <section aria-labelledby="list-title">
    <h2 id="list-title">Your tokens</h2>
    <table id="tokens">
      <thead><tr><th scope="col">Name</th><th scope="col">Token Preview</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody></tbody>
    </table>
    <p id="empty" class="muted" hidden>No tokens yet.</p>
  </section>
</main>
</body>
</html>`;

const uiCss = `
:root { color-scheme: light; --text:#172B4D; --subtle:#44546F; --border:#091E4224; --brand:#0C66E4; --danger:#C9372C; --warn-bg:#FFF7D6; --surface:#FFFFFF; --sunken:#F7F8F9; }
* { box-sizing: border-box; }
body { margin:0; font: 14px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; color: var(--text); background: var(--sunken); }
.top { display:flex; gap:12px; align-items:center; padding:12px 24px; background:#1D2125; color:#fff; }
.brand { font-weight:700; font-size:16px; } .sim { font-size:12px; opacity:.75; }
main { max-width: 880px; margin: 24px auto; padding: 0 24px; }
.crumbs { color: var(--subtle); font-size: 12px; }
h1 { font-size: 24px; margin: 4px 0 8px; } h2 { font-size: 16px; margin: 0 0 12px; }
.lead, .muted { color: var(--subtle); }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 16px; margin: 16px 0 24px; }
.row { display:flex; gap: 12px; align-items: flex-end; flex-wrap: wrap; }
.field { display:flex; flex-direction:column; gap:4px; margin-bottom: 12px; }
label { font-weight: 600; font-size: 12px; color: var(--subtle); }
input, select { font: inherit; padding: 6px 8px; border: 2px solid var(--border); border-radius: 4px; background: var(--surface); color: var(--text); min-width: 200px; }
input:focus, select:focus, button:focus-visible { outline: 2px solid var(--brand); outline-offset: 1px; }
#token-value { flex: 1; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; min-width: 360px; }
button { font: inherit; font-weight: 500; padding: 6px 12px; border-radius: 4px; border: 0; background: #091E420F; color: var(--text); cursor: pointer; }
button.primary { background: var(--brand); color: #fff; }
button.danger { background: var(--danger); color: #fff; }
button[disabled] { opacity: .6; cursor: progress; }
.warn { background: var(--warn-bg); padding: 8px 12px; border-radius: 4px; }
.error { color: var(--danger); }
table { width: 100%; border-collapse: collapse; background: var(--surface); border: 1px solid var(--border); border-radius: 8px; }
th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--border); }
th { font-size: 12px; color: var(--subtle); }
td.actions { text-align: right; white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.expired { color: var(--danger); font-weight: 600; }
.visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip: rect(0 0 0 0); white-space:nowrap; }
`;

// Plain browser JavaScript (no build step); every value from the server is inserted as text.
const uiJs = `'use strict';
const $ = (id) => document.getElementById(id);
const api = async (method, path, body) => {
  const res = await fetch('/_sim/admin' + path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((json.error && json.error.message) || ('HTTP ' + res.status));
  return json.data;
};
const fmt = (iso) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const el = (tag, props, ...children) => { const e = document.createElement(tag); Object.assign(e, props || {}); for (const c of children) e.append(c); return e; };

async function loadUsers() {
  const users = await api('GET', '/users');
  const wanted = new URLSearchParams(location.search).get('user');
  for (const u of users) $('user').append(el('option', { value: u.id, textContent: u.name + ' (' + u.id + ')', selected: u.id === wanted }));
}

async function loadTokens() {
  const tokens = await api('GET', '/tokens?user=' + encodeURIComponent($('user').value));
  const body = $('tokens').querySelector('tbody');
  body.replaceChildren();
  $('empty').hidden = tokens.length > 0;
  for (const t of tokens) {
    const del = el('button', { type: 'button', textContent: 'Delete' });
    del.setAttribute('aria-label', 'Delete token ' + t.name);
    const actions = el('td', { className: 'actions' }, del);
    del.addEventListener('click', () => {
      const confirm = el('button', { type: 'button', className: 'danger', textContent: 'Confirm delete' });
      const cancel = el('button', { type: 'button', textContent: 'Cancel' });
      actions.replaceChildren(el('span', { textContent: 'Delete this token? Apps using it stop working. ' }), confirm, ' ', cancel);
      cancel.addEventListener('click', () => actions.replaceChildren(del));
      confirm.addEventListener('click', async () => { confirm.disabled = true; await api('DELETE', '/tokens/' + encodeURIComponent(t.id)); await loadTokens(); });
      confirm.focus();
    });
    const expires = el('td', { textContent: fmt(t.expiresAt) });
    if (t.expired) expires.append(' ', el('span', { className: 'expired', textContent: '(expired)' }));
    body.append(el('tr', {}, el('td', { textContent: t.name }), el('td', {}, el('code', { textContent: t.preview })), el('td', { textContent: fmt(t.createdAt) }), expires, actions));
  }
}

$('generate').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const button = $('generate-button');
  $('form-error').hidden = true;
  button.disabled = true;
  try {
    const created = await api('POST', '/tokens', { user: $('user').value, name: $('name').value, days: Number($('days').value) });
    $('token-value').value = created.token;
    $('new-token').hidden = false;
    $('token-value').select();
    await loadTokens();
  } catch (e) {
    $('form-error').textContent = e.message;
    $('form-error').hidden = false;
  } finally {
    button.disabled = false;
  }
});

$('copy').addEventListener('click', async () => {
  $('token-value').select();
  try { await navigator.clipboard.writeText($('token-value').value); $('copy').textContent = 'Copied'; }
  catch { document.execCommand('copy'); $('copy').textContent = 'Copied'; }
});

$('user').addEventListener('change', () => { $('new-token').hidden = true; $('token-value').value = ''; loadTokens(); });
loadUsers().then(loadTokens).catch((e) => { $('form-error').textContent = 'The simulator did not answer: ' + e.message; $('form-error').hidden = false; });
`;

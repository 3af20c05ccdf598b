/**
 * The local Jira host's own pages (index, issue view, Apps → TestKase global page), its stylesheet
 * and its script. The pages carry no inline script or style: everything is served from /__host/.
 */
import { ISSUES, USERS, type JiraIssue, type JiraUser } from './fixtures';
import type { SeededSummary } from './local-users';
import { THEME_ATTRIBUTE, type Theme } from './tokens';
import { isViewportSize, VIEWPORT_CSS } from './viewport';

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The sandbox Jira gives every Custom UI iframe (developer.atlassian.com/platform/forge/custom-ui/iframe):
 * downloads by a user gesture, forms, modals, pointer lock, its own origin, scripts. No popups and no
 * top navigation: the app opens and navigates through the bridge.
 */
export const FORGE_FRAME_SANDBOX = 'allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts';

export const HOST_PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

export interface PageFrame {
  user: JiraUser;
  theme: Theme;
  /** Current path + query without user/theme, for the switcher form. */
  path: string;
  globalPagePath: string;
  /** The app's `jira:adminPage` (Jira settings → Apps): shown to Jira admins only. */
  adminPagePath: string;
  simulatorUrl: string;
  appTitle: string;
  adminTitle: string;
  /** DEMO's Test coverage page (jira:projectPage). */
  coveragePagePath: string;
  /** The users a QA seeding added (`npm start -- --connections N`), if any. */
  seeded: SeededSummary | null;
}

/** A UI Kit module on the page: the hidden frame running its code, and its title. */
export interface NativeModule {
  frameSrc: string;
  title: string;
}

export function shell(frame: PageFrame, title: string, body: string, page: string, head = ''): string {
  // The four local users, and a seeded one while signed in as them (thousands would not fit in a menu).
  const switchable = USERS.some((u) => u.name === frame.user.name) ? USERS : [...USERS, frame.user];
  const userOptions = switchable.map(
    (u) => `<option value="${u.name}"${u.name === frame.user.name ? ' selected' : ''}>${esc(u.displayName)} (${esc(u.name)})</option>`,
  ).join('');
  const themeOptions = (['light', 'dark'] as const)
    .map((t) => `<option value="${t}"${t === frame.theme ? ' selected' : ''}>${t === 'light' ? 'Light' : 'Dark'}</option>`)
    .join('');
  return `<!doctype html>
<html lang="en" data-color-mode="${frame.theme}" data-theme="${THEME_ATTRIBUTE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} - Local Jira</title>
<link rel="icon" href="/__host/favicon.svg">
<link rel="stylesheet" href="/__host/tokens.css">
<link rel="stylesheet" href="/__host/host.css">
<link rel="stylesheet" href="/__host/dialogs.css">
<script src="/__host/dialogs.js" defer></script>
<script src="/__host/host.js" defer></script>${head}
</head>
<body data-page="${page}" data-account-id="${esc(frame.user.accountId)}" data-global-path="${esc(frame.globalPagePath)}">
<header class="topnav">
  <a class="brand" href="/"><span class="logo" aria-hidden="true"></span>Local Jira</a>
  <nav class="menus" aria-label="Main">
    <a href="/">Your work</a>
    <a href="/browse/DEMO-1">Projects</a>
    <a href="/jira/dashboards/10000">Dashboards</a>
    <details class="menu" id="apps-menu">
      <summary>Apps</summary>
      <div class="menu-panel" role="menu">
        <a role="menuitem" href="${esc(frame.globalPagePath)}">${esc(frame.appTitle)}</a>
        <a role="menuitem" href="${esc(frame.simulatorUrl)}/" target="_blank" rel="noopener">TestKase simulator: API Keys ↗</a>
      </div>
    </details>
    ${frame.user.jiraAdmin ? `<a href="/jira/settings/apps" id="jira-settings">Settings</a>` : ''}
  </nav>
  <form class="switchers" method="get" action="${esc(frame.path)}">
    <label>Signed in as <select name="user" id="user-switcher" aria-label="Signed-in Jira user">${userOptions}</select></label>
    <label>Theme <select name="theme" id="theme-switcher" aria-label="Theme">${themeOptions}</select></label>
    <noscript><button type="submit">Switch</button></noscript>
  </form>
</header>
<main class="content">
${body}
</main>
</body>
</html>
`;
}

/** The seeded users, in a sentence: too many to list. */
function seededUsers(s: SeededSummary): string {
  const admins = s.admins.map((a) => `<a href="?user=${esc(a)}">${esc(a)}</a>`).join(', ');
  return `
<p class="muted" id="seeded-users">And ${s.count} seeded users (<code>npm start -- --connections</code>), each with a TestKase connection: <a href="?user=${esc(s.first)}">${esc(s.first)}</a> … <a href="?user=${esc(s.last)}">${esc(s.last)}</a>, signed in with <code>?user=${esc(s.first)}</code> and so on.${admins ? ` Jira admins among them: ${admins}.` : ''}</p>`;
}

export function indexPage(frame: PageFrame): string {
  const issues = ISSUES.map(
    (i) =>
      `<li><a href="/browse/${esc(i.key)}"><span class="key">${esc(i.key)}</span> ${esc(i.summary)}</a> <span class="muted">${esc(i.project.name)}${i.project.key === 'OTHER' ? ' (no TestKase project mapped)' : ''}</span></li>`,
  ).join('\n');
  const users = USERS.map(
    (u) =>
      `<li><a href="?user=${u.name}">${esc(u.displayName)}</a> <span class="muted">accountId <code>${esc(u.accountId)}</code>,${u.jiraAdmin ? ' Jira admin,' : ''} TestKase ${esc(u.testkaseRole)}, ${esc(u.timezone)}</span></li>`,
  ).join('\n');
  return shell(
    frame,
    'Your work',
    `<h1>TestKase for Jira, running locally</h1>
<p>This is a local stand-in for a Jira site: the app's Custom UI bundle and resolver run unmodified, with Forge storage emulated on disk and TestKase simulated.</p>
<section class="card">
<h2>Issues</h2>
<ul class="links">
${issues}
</ul>
</section>
<section class="card">
<h2>Apps</h2>
<ul class="links">
<li><a href="${esc(frame.globalPagePath)}">${esc(frame.appTitle)}</a> <span class="muted">the global page (Apps → ${esc(frame.appTitle)}): save your Personal Access Token here</span></li>
<li><a href="${esc(frame.simulatorUrl)}/" target="_blank" rel="noopener">TestKase simulator: API Keys</a> <span class="muted">create a token for the user you are signed in as</span></li>
</ul>
</section>
<section class="card">
<h2>Test coverage</h2>
<ul class="links">
<li><a href="${esc(frame.coveragePagePath)}">Demo Shop → Test coverage</a> <span class="muted">the project page (jira:projectPage): release 3.8, its sprints and epics, issue by issue</span></li>
<li><a href="/jira/dashboards/10000">Release dashboard</a> <span class="muted">the dashboard gadget (jira:dashboardGadget), and its edit mode</span></li>
</ul>
</section>
<section class="card">
<h2>Users</h2>
<p class="muted">Switch with the selector at the top right or <code>?user=alice|bob|gina|diana</code>. Each has their own token. Diana is the Jira admin: only she sees Jira settings and the app's admin page.</p>
<ul class="links">
${users}
</ul>${frame.seeded ? seededUsers(frame.seeded) : ''}
</section>`,
    'index',
  );
}

/**
 * The issue context module, as Jira shows it in the right column: a collapsible panel whose content
 * the host renders natively from the ForgeDoc the module's hidden frame sends (dev/runtime/ui-kit).
 */
function issueContext(module: NativeModule): string {
  return `
    <section class="forge-context" id="testkase-issue-context" data-forge-native data-module="issue-context" data-title="${esc(module.title)}">
      <details open>
        <summary><img src="/__host/app-icon.svg" alt="" width="16" height="16"> <span class="forge-context-title">${esc(module.title)}</span></summary>
        <div class="forge-native-content" aria-busy="true" aria-live="polite"><span class="forge-native-loading">Loading…</span></div>
      </details>
      <iframe class="forge-uikit-frame" hidden tabindex="-1" aria-hidden="true" title="${esc(module.title)} (UI Kit)" src="${esc(module.frameSrc)}"></iframe>
    </section>`;
}

const UI_KIT_HEAD = '\n<link rel="stylesheet" href="/__host/ui-kit.css">\n<script src="/__host/ui-kit.js" defer></script>';

export function issuePage(frame: PageFrame, issue: JiraIssue, iframeSrc: string, context: NativeModule | null = null, viewportSize: string | null = null): string {
  // The manifest's viewportSize: the panel's frame has that size from the first paint, and keeps it (viewport.ts).
  const sized = isViewportSize(viewportSize) ? ` data-viewport-size="${viewportSize}"` : '';
  const reporter = USERS.find((u) => u.accountId === issue.reporter);
  const description = issue.description.map((p) => `<p>${esc(p)}</p>`).join('\n');
  return shell(
    frame,
    `[${issue.key}] ${issue.summary}`,
    `<nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="/">Projects</a> / <span>${esc(issue.project.name)}</span> / <a href="/browse/${esc(issue.key)}">${esc(issue.key)}</a></nav>
<div class="issue">
  <div class="issue-main">
    <h1 id="issue-summary">${esc(issue.summary)}</h1>
    <section class="field">
      <h2>Description</h2>
      <div id="issue-description">${description}</div>
    </section>
    <section class="forge-panel" aria-labelledby="panel-title">
      <h2 id="panel-title"><img src="/__host/app-icon.svg" alt="" width="16" height="16"> ${esc(frame.appTitle)}</h2>
      <iframe class="forge-frame" id="forge-frame" data-module="issue-panel"${sized} title="${esc(frame.appTitle)}" sandbox="${FORGE_FRAME_SANDBOX}" src="${esc(iframeSrc)}"></iframe>
    </section>
    <section class="field activity" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      <p class="muted">No comments yet.</p>
    </section>
  </div>
  <aside class="issue-side">
    <dl>
      <dt>Status</dt><dd><span class="lozenge">${esc(issue.status)}</span></dd>
      <dt>Type</dt><dd>${esc(issue.type)}</dd>
      <dt>Project</dt><dd>${esc(issue.project.name)} (${esc(issue.project.key)})</dd>
      <dt>Reporter</dt><dd id="issue-reporter">${esc(reporter?.displayName ?? '—')}</dd>
    </dl>${context ? issueContext(context) : ''}
  </aside>
</div>`,
    'issue',
    context ? UI_KIT_HEAD : '',
  );
}

export function globalPage(frame: PageFrame, iframeSrc: string): string {
  return shell(
    frame,
    frame.appTitle,
    `<nav class="breadcrumbs" aria-label="Breadcrumbs"><span>Apps</span> / <a href="${esc(frame.globalPagePath)}">${esc(frame.appTitle)}</a></nav>
<h1>${esc(frame.appTitle)}</h1>
<iframe class="forge-frame global" id="forge-frame" data-module="global-page" title="${esc(frame.appTitle)}" sandbox="${FORGE_FRAME_SANDBOX}" src="${esc(iframeSrc)}"></iframe>`,
    'global',
  );
}

/** Jira settings → Apps: the sidebar Jira gives every admin page, with the app's `jira:adminPage` in it. */
function settingsLayout(frame: PageFrame, current: 'manage' | 'admin', body: string): string {
  const item = (href: string, label: string, selected: boolean) =>
    `<li><a href="${esc(href)}"${selected ? ' aria-current="page"' : ''}>${esc(label)}</a></li>`;
  return `<div class="settings">
  <nav class="settings-nav" aria-label="Jira settings">
    <p class="settings-nav-title">Apps</p>
    <ul>
      ${item('/jira/settings/apps', 'Manage apps', current === 'manage')}
      ${item(frame.adminPagePath, frame.adminTitle, current === 'admin')}
    </ul>
  </nav>
  <div class="settings-main">
${body}
  </div>
</div>`;
}

export function manageAppsPage(frame: PageFrame): string {
  return shell(
    frame,
    'Manage apps',
    settingsLayout(
      frame,
      'manage',
      `<nav class="breadcrumbs" aria-label="Breadcrumbs"><span>Jira settings</span> / <span>Apps</span></nav>
<h1>Manage apps</h1>
<section class="card">
<h2>User-installed apps</h2>
<ul class="links">
<li><strong>TestKase for Jira</strong> <span class="muted">Forge app, installed locally</span> — <a href="${esc(frame.adminPagePath)}">${esc(frame.adminTitle)}</a> <span class="muted">(every user's stored TestKase connection)</span></li>
</ul>
</section>`,
    ),
    'settings',
  );
}

export function adminPage(frame: PageFrame, iframeSrc: string): string {
  return shell(
    frame,
    frame.adminTitle,
    settingsLayout(
      frame,
      'admin',
      `<nav class="breadcrumbs" aria-label="Breadcrumbs"><span>Jira settings</span> / <a href="/jira/settings/apps">Apps</a> / <span>${esc(frame.adminTitle)}</span></nav>
<h1>${esc(frame.adminTitle)}</h1>
<iframe class="forge-frame global" id="forge-frame" data-module="admin-page" title="${esc(frame.adminTitle)}" sandbox="${FORGE_FRAME_SANDBOX}" src="${esc(iframeSrc)}"></iframe>`,
    ),
    'admin',
  );
}

export function messagePage(frame: PageFrame, title: string, message: string, status = 'Not found'): string {
  return shell(frame, title, `<h1>${esc(status)}</h1><p>${esc(message)}</p><p><a href="/">Back to the start page</a></p>`, 'message');
}

export const HOST_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; }
body { font: var(--ds-font-body); color: var(--ds-text); background: var(--ds-surface); }
a { color: var(--ds-link); text-decoration: none; }
a:hover { text-decoration: underline; }
code { font-family: var(--ds-font-family-code); font-size: 0.8125rem; }
.muted { color: var(--ds-text-subtlest); }
.topnav { display: flex; align-items: center; gap: 24px; height: 56px; padding: 0 16px; border-bottom: 1px solid var(--ds-border); background: var(--ds-surface); position: sticky; top: 0; z-index: 10; }
.brand { display: flex; align-items: center; gap: 8px; font-weight: 600; color: var(--ds-text); }
.logo { width: 24px; height: 24px; border-radius: 4px; background: linear-gradient(135deg, #0C66E4, #579DFF); display: inline-block; }
.menus { display: flex; align-items: center; gap: 4px; }
.menus > a, .menu > summary { padding: 6px 8px; border-radius: 3px; color: var(--ds-text-subtle); font-weight: 500; cursor: pointer; list-style: none; }
.menus > a:hover, .menu > summary:hover { background: var(--ds-background-neutral-subtle-hovered); text-decoration: none; }
.menu { position: relative; }
.menu > summary::-webkit-details-marker { display: none; }
.menu > summary::after { content: ' ▾'; }
.menu-panel { position: absolute; top: 36px; left: 0; min-width: 260px; padding: 6px 0; background: var(--ds-surface-overlay); box-shadow: var(--ds-shadow-overlay); border-radius: 4px; display: flex; flex-direction: column; }
.menu-panel a { padding: 8px 16px; color: var(--ds-text); }
.menu-panel a:hover { background: var(--ds-background-neutral-subtle-hovered); text-decoration: none; }
.switchers { margin-left: auto; display: flex; gap: 16px; color: var(--ds-text-subtle); }
.switchers select { margin-left: 6px; font: inherit; color: var(--ds-text); background: var(--ds-background-input); border: 1px solid var(--ds-border-input); border-radius: 3px; padding: 4px 6px; }
.content { max-width: 1200px; margin: 0 auto; padding: 24px 32px 48px; }
.breadcrumbs { color: var(--ds-text-subtlest); margin-bottom: 12px; }
.breadcrumbs a { color: var(--ds-text-subtlest); }
h1 { font: var(--ds-font-heading-large); margin: 0 0 16px; }
h2 { font: var(--ds-font-heading-small); margin: 0 0 8px; }
.card { border: 1px solid var(--ds-border); border-radius: 4px; padding: 16px 20px; margin-bottom: 16px; }
.links { margin: 0; padding-left: 18px; line-height: 1.9; }
.key { font-weight: 600; }
.issue { display: grid; grid-template-columns: minmax(0, 1fr) 280px; gap: 32px; }
.field { margin-bottom: 24px; }
.forge-panel { border-top: 1px solid var(--ds-border); padding-top: 16px; }
.forge-panel h2 { display: flex; align-items: center; gap: 8px; }
.forge-frame { display: block; width: 100%; height: 200px; border: 0; background: transparent; }
${VIEWPORT_CSS}
.forge-frame.global { min-height: 480px; }
.issue-side dl { margin: 0; border: 1px solid var(--ds-border); border-radius: 4px; padding: 12px 16px; display: grid; grid-template-columns: 90px 1fr; row-gap: 10px; }
.issue-side dt { color: var(--ds-text-subtle); font-weight: 600; }
.issue-side dd { margin: 0; }
.forge-context { margin-top: 16px; border: 1px solid var(--ds-border); border-radius: 4px; }
.forge-context > details > summary { display: flex; align-items: center; gap: 8px; padding: 10px 16px; cursor: pointer; list-style: none; font-weight: 600; }
.forge-context > details > summary::-webkit-details-marker { display: none; }
.forge-context > details > summary::after { content: '▾'; margin-left: auto; color: var(--ds-text-subtle); }
.forge-context > details:not([open]) > summary::after { content: '▸'; }
.forge-context > details[open] > summary { border-bottom: 1px solid var(--ds-border); }
.forge-native-content { padding: 12px 16px 16px; }
/* Jira's settings pages use the whole width. */
body[data-page="admin"] .content, body[data-page="settings"] .content { max-width: none; }
.settings { display: grid; grid-template-columns: 220px minmax(0, 1fr); gap: 32px; }
.settings-nav ul { list-style: none; margin: 0; padding: 0; }
.settings-nav a { display: block; padding: 6px 8px; border-radius: 3px; color: var(--ds-text-subtle); }
.settings-nav a[aria-current="page"] { background: var(--ds-background-selected); color: var(--ds-text-selected); font-weight: 600; }
.settings-nav-title { font: var(--ds-font-heading-xxsmall); color: var(--ds-text-subtlest); text-transform: uppercase; margin: 0 0 8px; }
@media (max-width: 720px) {
  .settings { grid-template-columns: minmax(0, 1fr); gap: 16px; }
  .issue { grid-template-columns: minmax(0, 1fr); gap: 16px; }
  .issue-side { order: -1; }
  .content { padding: 16px 12px 32px; }
  .topnav { flex-wrap: wrap; height: auto; min-height: 56px; padding: 8px 12px; gap: 8px 16px; position: static; }
  .switchers { margin-left: 0; flex-wrap: wrap; gap: 8px; }
  .menu-panel { min-width: 0; width: max-content; max-width: calc(100vw - 24px); }
}
.lozenge { text-transform: uppercase; font-size: 11px; font-weight: 700; padding: 2px 4px; border-radius: 3px; background: var(--ds-background-information); color: var(--ds-text-information); }
`;

export const HOST_JS = `/* Local Jira host page script: switchers, and the parent side of the Custom UI bridge. */
(function () {
  'use strict';
  // The app's frames: Custom UI modules, and the hidden frames running UI Kit modules' code.
  function frames() { return Array.prototype.slice.call(document.querySelectorAll('iframe.forge-frame, iframe.forge-uikit-frame')); }
  function frameOf(source) { return frames().filter(function (f) { return f.contentWindow === source; })[0]; }
  // The app's frames are cross-origin (as in Jira): talk to each at its own origin only.
  function originOf(f) { try { return new URL(f.src).origin; } catch (e) { return 'null'; } }

  var userSelect = document.getElementById('user-switcher');
  if (userSelect) userSelect.addEventListener('change', function () {
    var url = new URL(window.location.href);
    url.searchParams.set('user', userSelect.value);
    window.location.assign(url.toString());
  });

  var themeSelect = document.getElementById('theme-switcher');
  if (themeSelect) themeSelect.addEventListener('change', function () {
    var mode = themeSelect.value === 'dark' ? 'dark' : 'light';
    document.documentElement.setAttribute('data-color-mode', mode);
    document.cookie = 'tk_theme=' + mode + '; path=/; SameSite=Lax';
    frames().forEach(function (f) {
      if (f.contentWindow) f.contentWindow.postMessage({ type: 'forge-local:theme', colorMode: mode }, originOf(f));
    });
  });

  // Close the Apps menu when clicking elsewhere.
  document.addEventListener('click', function (e) {
    var menu = document.getElementById('apps-menu');
    if (menu && menu.open && !menu.contains(e.target)) menu.open = false;
  });

  window.addEventListener('message', function (event) {
    var frame = frameOf(event.source);
    if (!frame || event.origin !== originOf(frame)) return;
    var data = event.data || {};
    switch (data.type) {
      case 'forge-local:navigate': {
        var url;
        try { url = new URL(data.url, window.location.origin); } catch (e) { console.error('[forge-local] bad navigation URL', data.url); return; }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') { console.error('[forge-local] refused navigation to', url.protocol); return; }
        if (data.newTab) window.open(url.toString(), '_blank', 'noopener');
        else window.location.assign(url.toString());
        break;
      }
      case 'forge-local:resize':
        // A frame with a viewport size (manifest.yml) keeps it: Jira resizes only frames without one.
        if (frame.hasAttribute('data-viewport-size')) break;
        if (typeof data.height === 'number' && data.height > 0) frame.style.height = Math.min(Math.ceil(data.height), 20000) + 'px';
        break;
      case 'forge-local:history':
        if (document.body.getAttribute('data-page') === 'global' && typeof data.path === 'string') {
          var base = document.body.getAttribute('data-global-path') || '';
          var path = data.path === '/' ? '' : data.path;
          if (base) window.history.replaceState(null, '', base + path);
        }
        break;
      case 'forge-local:title':
        if (typeof data.title === 'string') document.title = data.title;
        break;
      case 'forge-local:reload':
        window.location.reload();
        break;
      case 'forge-local:open-modal': {
        // Jira's own dialogs (Create Issue, issue view), answered to the frame that asked when they close.
        var reply = function (payload) {
          if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'forge-local:modal-closed', requestId: data.requestId, payload: payload }, originOf(frame));
        };
        var dialogs = window.__tkHostDialogs;
        if (!dialogs) { reply(data.kind === 'issue-create' ? [] : undefined); break; }
        if (data.kind === 'issue-create') dialogs.openCreate(data.context || {}, reply);
        else if (data.kind === 'issue-view' && data.context && typeof data.context.issueKey === 'string') dialogs.openView(data.context.issueKey, reply);
        break;
      }
      case 'forge-local:emit':
        // Forge's events reach the app's other modules on the page (the sender delivered to itself).
        if (typeof data.event !== 'string') break;
        frames().forEach(function (f) {
          if (f !== frame && f.contentWindow) f.contentWindow.postMessage({ type: 'forge-local:event', event: data.event, payload: data.payload }, originOf(f));
        });
        break;
    }
  });
})();
`;

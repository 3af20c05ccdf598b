/**
 * The local Jira host's pages for test coverage: a project's page of the app (jira:projectPage, in the
 * project's tab bar) and a dashboard with the app's gadget (jira:dashboardGadget) in its columns, with
 * the gadget's edit mode. Jira keeps each gadget's configuration (what the edit view submits with
 * `view.submit`) and gives it to the gadget in its context (`extension.gadgetConfiguration`); the local
 * host keeps it in memory, per gadget, for the life of the host.
 *
 * Like every page of the host: no inline script or style; the page's script (`/__host/coverage.js`)
 * mirrors the project page's history into the address bar and goes back to the dashboard's view when a
 * gadget's edit view submits or closes.
 */
import { DASHBOARD, type JiraProject } from './fixtures';
import type { PageFrame } from './pages';
import { FORGE_FRAME_SANDBOX, shell } from './pages';

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const HEAD = '\n<link rel="stylesheet" href="/__host/coverage.css">\n<script src="/__host/coverage.js" defer></script>';

/** A gadget on the dashboard: its id, the frame's URL, and whether it shows its edit view. */
export interface DashboardGadget {
  id: string;
  title: string;
  frameSrc: string;
  editing: boolean;
}

/** Jira's dashboards keep each gadget's configuration; this one is the local site's. */
export class GadgetConfigurations {
  /** The first gadget starts configured for release 3.8, the second one empty (it opens in its edit view). */
  private readonly saved = new Map<string, Record<string, unknown>>([['10001', { jiraProjectKey: 'DEMO', scope: { kind: 'VERSION', id: '10010' }, scopeName: '3.8' }]]);
  static readonly GADGETS = ['10001', '10002'] as const;
  /** Jira stores a gadget's configuration as dashboard item properties; the local host refuses more than 32 KB. */
  static readonly MAX_BYTES = 32 * 1024;

  get(id: string): Record<string, unknown> {
    return { ...(this.saved.get(id) ?? {}) };
  }

  /** What an edit view submitted: a JSON object (anything else is refused). */
  save(id: string, value: unknown): string | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'view.submit needs an object for the gadget’s configuration.';
    if (Buffer.byteLength(JSON.stringify(value)) > GadgetConfigurations.MAX_BYTES) return `A gadget’s configuration is limited to ${GadgetConfigurations.MAX_BYTES} bytes.`;
    this.saved.set(id, value as Record<string, unknown>);
    return null;
  }

  isConfigured(id: string): boolean {
    return this.saved.has(id);
  }
}

export function projectAppPage(frame: PageFrame, project: JiraProject, title: string, basePath: string, iframeSrc: string): string {
  return shell(
    frame,
    `${title} - ${project.name}`,
    `<nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="/">Projects</a> / <span>${esc(project.name)}</span> / <span>${esc(title)}</span></nav>
<div class="project-header">
  <span class="project-avatar" aria-hidden="true">${esc(project.key.slice(0, 1))}</span>
  <h1>${esc(project.name)}</h1>
</div>
<nav class="project-tabs" aria-label="Project">
  <a href="/browse/${esc(project.key)}-1">Issues</a>
  <a href="${esc(basePath)}" aria-current="page">${esc(title)}</a>
</nav>
<div id="forge-project-page" data-base-path="${esc(basePath)}"></div>
<iframe class="forge-frame global" id="forge-frame" data-module="project-page" title="${esc(title)}" sandbox="${FORGE_FRAME_SANDBOX}" src="${esc(iframeSrc)}"></iframe>`,
    'project-page',
    HEAD,
  );
}

export function dashboardPage(frame: PageFrame, gadgets: readonly DashboardGadget[]): string {
  const gadget = (g: DashboardGadget) => `<section class="gadget${g.editing ? ' editing' : ''}" id="gadget-${esc(g.id)}" aria-labelledby="gadget-title-${esc(g.id)}">
    <header class="gadget-header">
      <h2 id="gadget-title-${esc(g.id)}"><img src="/__host/app-icon.svg" alt="" width="16" height="16"> ${esc(g.title)}</h2>
      ${g.editing ? '<span class="gadget-mode">Editing</span>' : `<a class="gadget-edit" href="/jira/dashboards/${DASHBOARD.id}?edit=${esc(g.id)}" aria-label="Edit ${esc(g.title)} gadget">Edit</a>`}
    </header>
    <div class="gadget-body"><iframe class="forge-frame gadget-frame" id="forge-frame-${esc(g.id)}" data-module="dashboard-gadget" data-gadget="${esc(g.id)}" title="${esc(g.title)}" sandbox="${FORGE_FRAME_SANDBOX}" src="${esc(g.frameSrc)}"></iframe></div>
  </section>`;
  const [first, second] = gadgets;
  return shell(
    frame,
    DASHBOARD.name,
    `<nav class="breadcrumbs" aria-label="Breadcrumbs"><span>Dashboards</span> / <span>${esc(DASHBOARD.name)}</span></nav>
<h1>${esc(DASHBOARD.name)}</h1>
<div class="dashboard" id="dashboard" data-dashboard="${esc(DASHBOARD.id)}">
  <div class="dashboard-column">
    <section class="gadget host-gadget" aria-labelledby="assigned-title">
      <header class="gadget-header"><h2 id="assigned-title">Assigned to me</h2></header>
      <ul class="links"><li><a href="/browse/DEMO-1">DEMO-1</a> Checkout applies discount codes and VAT correctly</li><li><a href="/browse/DEMO-2">DEMO-2</a> Card payments handle declines and 3-D Secure</li></ul>
    </section>
  </div>
  <div class="dashboard-column">${first ? gadget(first) : ''}</div>
  <div class="dashboard-column">${second ? gadget(second) : ''}</div>
</div>`,
    'dashboard',
    HEAD,
  );
}

export const COVERAGE_HOST_CSS = `
.project-header { display: flex; align-items: center; gap: 12px; margin-bottom: 8px; }
.project-header h1 { margin: 0; }
.project-avatar { width: 32px; height: 32px; border-radius: 4px; display: inline-flex; align-items: center; justify-content: center; font-weight: 700; color: var(--ds-text-inverse); background: var(--ds-background-brand-bold); }
.project-tabs { display: flex; gap: 4px; border-bottom: 2px solid var(--ds-border); margin-bottom: 16px; overflow-x: auto; }
.project-tabs a { padding: 8px 12px; color: var(--ds-text-subtle); font-weight: 500; margin-bottom: -2px; border-bottom: 2px solid transparent; white-space: nowrap; }
.project-tabs a[aria-current="page"] { color: var(--ds-text-selected); border-bottom-color: var(--ds-border-selected); }
body[data-page="project-page"] .content, body[data-page="dashboard"] .content { max-width: none; }
.dashboard { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 16px; align-items: start; }
.gadget { border: 1px solid var(--ds-border); border-radius: 4px; background: var(--ds-surface-raised); box-shadow: var(--ds-shadow-raised); }
.gadget-header { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 8px 12px; border-bottom: 1px solid var(--ds-border); }
.gadget-header h2 { display: flex; align-items: center; gap: 8px; margin: 0; font: var(--ds-font-heading-xsmall); }
.gadget-edit { font-weight: 500; }
.gadget-mode { color: var(--ds-text-subtle); font-weight: 500; }
.gadget .links { padding: 12px 12px 12px 30px; }
.gadget-body { padding: 8px 12px 12px; }
.gadget-frame { height: 160px; }
@media (max-width: 1000px) { .dashboard { grid-template-columns: minmax(0, 1fr); } }
`;

export const COVERAGE_HOST_JS = `/* Local Jira host: the project page's history in the address bar; a gadget back to its view after editing. */
(function () {
  'use strict';
  function frameOf(source) { return Array.prototype.slice.call(document.querySelectorAll('iframe.forge-frame')).filter(function (f) { return f.contentWindow === source; })[0]; }
  function originOf(f) { try { return new URL(f.src).origin; } catch (e) { return 'null'; } }
  window.addEventListener('message', function (event) {
    var frame = frameOf(event.source);
    if (!frame || event.origin !== originOf(frame)) return;
    var data = event.data || {};
    if (data.type === 'forge-local:history' && frame.getAttribute('data-module') === 'project-page' && typeof data.path === 'string') {
      var holder = document.getElementById('forge-project-page');
      var base = holder ? holder.getAttribute('data-base-path') : '';
      if (base) window.history.replaceState(null, '', base + (data.path === '/' ? '' : data.path));
    }
    if ((data.type === 'forge-local:gadget-saved' || data.type === 'forge-local:gadget-closed') && frame.getAttribute('data-module') === 'dashboard-gadget') {
      var url = new URL(window.location.href);
      url.searchParams.delete('edit');
      window.location.assign(url.toString());
    }
  });
})();
`;

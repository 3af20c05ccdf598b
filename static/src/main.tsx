/**
 * One bundle serves every Forge module: read the context, then load only the module's own code
 * (the issue panel must stay small; the global and admin pages are rarely opened). Loaded by the
 * entry, boot.ts, once it has started the first getState.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { view } from '@forge/bridge';
import { ADMIN_PAGE_KEY, COVERAGE_GADGET_KEY, COVERAGE_PAGE_KEY, GLOBAL_PAGE_KEY, ISSUE_PANEL_KEY, toUiContext, type UiContext } from './context';
import { frameContext } from './frame-context';
import { keptKeyOf, readKeptPanel } from './kept/panel';
import { Skeleton } from './components/Spinner';
import { Message } from './components/Message';
import { onTokenGone, prefetchInitialState } from './api';
import { comeIntoViewOnRequest } from './app-events';

const IssuePanel = lazy(() => import('./panel/IssuePanel'));
const GlobalPage = lazy(() => import('./global/GlobalPage'));
const AdminPage = lazy(() => import('./admin/AdminPage'));
// Test coverage (the project page and the gadget): one chunk of its own, so the issue panel's JS does not grow.
const Coverage = lazy(() => import('./coverage/CoverageModule'));

export function moduleFor(moduleKey: string): ComponentType<{ ctx: UiContext }> | null {
  if (moduleKey === ISSUE_PANEL_KEY) return IssuePanel;
  if (moduleKey === GLOBAL_PAGE_KEY) return GlobalPage;
  if (moduleKey === ADMIN_PAGE_KEY) return AdminPage;
  if (moduleKey === COVERAGE_PAGE_KEY || moduleKey === COVERAGE_GADGET_KEY) return Coverage;
  return null;
}

export function App({ ctx }: { ctx: UiContext }) {
  const Module = moduleFor(ctx.moduleKey);
  if (!Module) {
    return (
      <Message tone="error" title="Unknown TestKase module">
        <p>This part of Jira is not supported by TestKase for Jira.</p>
      </Message>
    );
  }
  return (
    <Suspense fallback={<Skeleton label="Loading TestKase…" />}>
      <Module ctx={ctx} />
    </Suspense>
  );
}

// A token saved, replaced, deleted or rejected: nothing read with the old one may be shown again.
onTokenGone(() => {
  void Promise.all([frameContext(), import('../../src/shared/kept-write')]).then(([raw, kept]) => {
    const c = raw as { cloudId?: unknown; accountId?: unknown } | null;
    if (typeof c?.cloudId === 'string' && typeof c.accountId === 'string') kept.dropAccount(c.cloudId, c.accountId);
  }, () => undefined);
});

async function start(container: HTMLElement) {
  // boot.ts started getState before this code loaded (here it is a no-op); kept so the app starts
  // the same when main.tsx is loaded on its own.
  void prefetchInitialState();
  const root = createRoot(container);
  // Theming failing (e.g. an old host) must not block the app: the CSS fallbacks are the light theme.
  void view.theme.enable().catch(() => undefined);
  let ctx: UiContext;
  try {
    ctx = toUiContext(await frameContext());
  } catch {
    root.render(
      <Message tone="error" title="TestKase could not start">
        <p>Jira did not provide the app context. Reload the page to try again.</p>
      </Message>,
    );
    return;
  }
  // No StrictMode: its double effects would double the first-screen invoke in development too,
  // and "one invoke per render" is measured.
  if (ctx.moduleKey === ISSUE_PANEL_KEY && readKeptPanel(keptKeyOf(ctx))) {
    // A kept copy: the panel's first commit shows its rows, with no loading skeleton before them
    // (a lazy component would commit its fallback first). boot.ts started loading this chunk.
    const { default: Panel } = await import('./panel/IssuePanel');
    root.render(
      <Suspense fallback={<Skeleton label="Loading TestKase…" />}>
        <Panel ctx={ctx} />
      </Suspense>,
    );
  } else {
    root.render(<App ctx={ctx} />);
  }
  if (ctx.moduleKey === ISSUE_PANEL_KEY) comeIntoViewOnRequest(container);
}

const container = document.getElementById('root');
if (container) void start(container);

/**
 * The entry (index.html): the bridge, the first `getState` and the stylesheet, and nothing of React.
 * Both modules that open on the panel's code open with getState, and the backend knows which module
 * asks, so it starts here, as soon as the bridge is up — as early as in a bridge-only frame — and
 * React, react-dom and the app (main.tsx) download, compile and run while it is in flight instead of
 * before it. The frame's context is asked at the same time (main.tsx reads the kept copy with it, and
 * shows it as soon as React is there), and on an issue the glance on the same page is told that this
 * read serves it too (page-share.ts).
 */
import { prefetchInitialState } from './api';
import { frameContext } from './frame-context';
import { MODULE_KEYS } from '../../src/shared/facts';
import { startSharing } from './page-share';
import './styles.css';

const first = prefetchInitialState();
void import('./main');
frameContext().then(
  (raw) => {
    const ctx = raw as { moduleKey?: unknown; extension?: { issue?: { key?: unknown } } } | null;
    if (ctx?.moduleKey !== MODULE_KEYS.ISSUE_PANEL) return;
    // The glance on the same page reads nothing of its own: it gets this read's summary.
    const issueKey = ctx.extension?.issue?.key;
    if (typeof issueKey === 'string') startSharing(issueKey, first);
  },
  () => undefined,
);

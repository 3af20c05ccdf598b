/**
 * The issue context module: one `getIssueSummary` per render, fetched again (behind what is shown)
 * whenever the issue panel says it changed the issue's tests — a Forge bridge event between the app's
 * modules — so the summary is never stale after a result is recorded in the panel.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { events, router, view } from '@forge/bridge';
import { SHOW_PANEL_EVENT, TESTS_CHANGED_EVENT } from '../../src/shared/app-events';
import { MODULE_KEYS } from '../../src/shared/facts';
import { placeOf } from '../../src/shared/place';
import { fetchSummary } from './summary-api';
import { SummaryView, type SummaryLoad } from './SummaryView';

/** The user's Jira timezone and locale (from the Forge context): dates are shown in them. */
type Where = ReturnType<typeof placeOf>;

/**
 * The summary, loaded once when mounted and fetched again behind what is shown when the panel announces a
 * change; `reload` (Retry) shows the spinner. Calls never overlap: a change announced during a fetch is fetched once
 * more after it, so a burst of events costs at most two invokes.
 */
function useSummary(): { load: SummaryLoad; reload: () => void } {
  const [load, setLoad] = useState<SummaryLoad>({ status: 'loading' });
  const running = useRef(false);
  const again = useRef(false);

  const run = useCallback(async (skeleton: boolean) => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    try {
      let showSkeleton = skeleton;
      do {
        again.current = false;
        setLoad((prev) => (showSkeleton || prev.status !== 'ready' ? { status: 'loading' } : { ...prev, refreshing: true }));
        const r = await fetchSummary();
        // A failed refresh shows the failure: counts that may be out of date are not left on screen as if current.
        setLoad(r.ok ? { status: 'ready', summary: r.data, refreshing: false } : { status: 'failed', error: r.error });
        showSkeleton = false;
      } while (again.current);
    } finally {
      running.current = false;
    }
  }, []);

  useEffect(() => {
    void run(false);
    const subscription = events.on(TESTS_CHANGED_EVENT, () => void run(false));
    return () => void subscription.then((s) => s.unsubscribe(), () => undefined);
  }, [run]);

  return { load, reload: () => void run(true) };
}

export function IssueSummaryApp() {
  const { load, reload } = useSummary();
  const [where, setWhere] = useState<Where | null>(null);

  useEffect(() => {
    view.getContext().then(
      (context) => setWhere(placeOf(context)),
      () => setWhere(placeOf(null)),
    );
  }, []);

  return (
    <SummaryView
      // Dates are shown only once the user's timezone is known, never first in another zone.
      load={where ? load : { status: 'loading' }}
      timeZone={where?.timeZone ?? 'UTC'}
      locale={where?.locale ?? 'en-US'}
      onRetry={reload}
      // The global page, where a person saves their TestKase token.
      onOpenSettings={() => void router.navigate({ target: 'module', moduleKey: MODULE_KEYS.GLOBAL_PAGE }).catch(() => undefined)}
      onShowPanel={() => void events.emit(SHOW_PANEL_EVENT, {}).catch(() => undefined)}
    />
  );
}

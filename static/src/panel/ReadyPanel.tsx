/** READY: who acts in TestKase, Refresh, and the two tabs. Linked test cases live here because both tabs use them. */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { AppError, ConnectionView, LinkedTests, LiveAccess, Result } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/panel';
import { api } from '../api';
import type { UiContext } from '../context';
import { Spinner } from '../components/Spinner';
import { Tabs, type TabSpec } from '../components/Tabs';
import { useLoad } from '../load';
import { keptKeyOf } from '../kept/panel';
import { RefreshButton, RefreshScope } from './refresh';
import { KeptMarker, StaleNotice } from './stale';
import { shareSummary } from '../page-share';
import { coverageOf } from '../../../src/shared/results';
import { words as keptWords } from '../../../src/shared/words/kept';
import { TestCasesTab } from './TestCasesTab';

// Most panel views never open the cycles tab: keep its code out of the first download.
const TestCyclesTab = lazy(() => import('./TestCyclesTab'));
// Live updates start once fresh rows are shown: not part of the first download either.
const LiveUpdates = lazy(() => import('./live-updates'));

/** What is shown is the kept copy from `at`; `failure`: why the fresh one could not be had. */
export interface Stale {
  at: string;
  failure: AppError | null;
  retrying: boolean;
  onRetry: () => void;
  actingAs: string | null;
}

export function ReadyPanel({
  ctx,
  connection,
  issueKey,
  initialLinked,
  actingAs,
  tokenSavedAt,
  stale,
  swappedAt,
  live,
}: {
  ctx: UiContext;
  connection: Extract<ConnectionView, { kind: 'READY' }>;
  issueKey: string | null;
  /** From getState (or the kept copy, then the fresh answer that replaces it); null (should not happen when READY) fetches the list once. */
  initialLinked: Result<LinkedTests> | null;
  /** The TestKase user the saved token belongs to: whatever is recorded from here is recorded as them. */
  actingAs: string | null;
  /** The saved token's time, for the kept copy (never the token). */
  tokenSavedAt: string | null;
  /** Set while the kept copy is shown: nothing can be written against it (the controls wait for the fresh state). */
  stale: Stale | null;
  /** When the fresh answer replaced a kept copy. */
  swappedAt: number | null;
  /** The issue's live updates (from the fresh getState; none while the kept copy is shown). */
  live: LiveAccess | null;
}) {
  const linked = useLoad(api.listLinkedTests, [], { initial: initialLinked });
  const [selected, setSelected] = useState('cases');
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set(['cases']));

  // The fresh answer replacing the kept copy: shown in the same list, row by row.
  const { set } = linked;
  const first = useRef(initialLinked);
  useEffect(() => {
    if (initialLinked === first.current || !initialLinked) return;
    first.current = initialLinked;
    set(initialLinked);
  }, [initialLinked, set]);

  // Whatever fresh list is shown (after a write, a refresh, a live update) is the copy the next render
  // starts from, and the glance's summary on this page.
  const key = keptKeyOf(ctx);
  const shownList = linked.state.status === 'ready' ? linked.state.data : null;
  useEffect(() => {
    if (stale || !shownList || !issueKey || (initialLinked?.ok && initialLinked.data === shownList)) return;
    void import('../kept/panel-write').then((w) => w.keepLinked(key, { issueKey, connection, actingAs }, shownList, tokenSavedAt), () => undefined);
    shareSummary({ issueKey, connection, coverage: { ok: true, data: coverageOf(shownList) }, live }, tokenSavedAt);
    // Written when the list changes; the rest (the frame's key, the connection) comes along with it.
  }, [shownList, stale]);

  // "Updated just now" after a live update brought fresh rows, as after the kept copy's swap.
  const [liveAt, setLiveAt] = useState<number | null>(null);
  const [liveOff, setLiveOff] = useState(false);
  const updatedAt = Math.max(swappedAt ?? 0, liveAt ?? 0) || null;

  const tabs: readonly TabSpec[] = [
    { id: 'cases', label: words.panel.tabCases },
    { id: 'cycles', label: words.panel.tabCycles },
  ];
  const select = (id: string) => {
    setSelected(id);
    setVisited((v) => (v.has(id) ? v : new Set(v).add(id)));
  };

  return (
    <RefreshScope>
      {stale?.failure && <StaleNotice ctx={ctx} stale={stale} />}
      {/* One element, kept or fresh: disabling it gates every control inside without changing the layout. */}
      <fieldset className={stale && !stale.failure ? 'gate gate-pending' : 'gate'} disabled={stale !== null}>
        <div className="panel-head">
          <p className="panel-context">
            {connection.project && words.panel.project({ name: <strong key="project">{connection.project.name}</strong> })}
            {actingAs && (
              <>
                {connection.project && words.panel.separator}
                {words.panel.actingAs({ name: <strong key="actingAs">{actingAs}</strong> })}
              </>
            )}
            {!connection.canWrite && <span className="muted">{words.panel.readOnly}</span>}
          </p>
          <KeptMarker ctx={ctx} stale={stale} swappedAt={updatedAt} />
          <RefreshButton />
        </div>
        {liveOff && <p className="muted live-off">{keptWords.kept.liveOff}</p>}
        {live && (
          <Suspense fallback={null}>
            <LiveUpdates access={live} onUpdated={() => setLiveAt(Date.now())} onOff={() => setLiveOff(true)} also={selected === 'cases' ? null : linked.refresh} />
          </Suspense>
        )}
        <Tabs
          idPrefix="tk"
          label={words.panel.tabs}
          tabs={tabs}
          selected={selected}
          onSelect={select}
          renderPanel={(id) => {
            if (!visited.has(id)) return null;
            if (id === 'cases') {
              return <TestCasesTab ctx={ctx} linked={linked} canWrite={connection.canWrite} issueKey={issueKey} active={selected === 'cases'} />;
            }
            return (
              <Suspense fallback={<Spinner label={words.common.loadingCycles} />}>
                <TestCyclesTab
                  ctx={ctx}
                  canWrite={connection.canWrite}
                  issueKey={issueKey}
                  linked={linked.state}
                  active={selected === 'cycles'}
                  onExecuted={() => void linked.refresh()}
                />
              </Suspense>
            );
          }}
        />
      </fieldset>
    </RefreshScope>
  );
}

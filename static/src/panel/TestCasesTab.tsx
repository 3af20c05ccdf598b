/** Test Cases tab: the issue's linked test cases, filtered; details, run, select for bulk; create / link / unlink. */
import { lazy, Suspense, useRef, useState } from 'react';
import type { Execution, LinkedTests, TestCaseSummary } from '../../../src/shared/definitions';
import { countLatest } from '../../../src/shared/results';
import { formatNumber } from '../../../src/shared/format';
import { words } from '../../../src/shared/words/panel';
import { api } from '../api';
import type { UiContext } from '../context';
import { Button } from '../components/Button';
import { focusSoon, useReturnFocus } from '../components/focus';
import { Loaded } from '../components/Loaded';
import { ShowMore, usePaged } from '../components/ShowMore';
import { Spinner } from '../components/Spinner';
import { StatusBar } from '../components/StatusBar';
import type { Loader } from '../load';
import { CaseRow } from './cases/CaseRow';
import { applyFilter, isFiltered, NO_FILTER, type CaseFilter } from './cases/filter';
import { FilterBar } from './cases/FilterBar';
import { withExecution } from './cases/update';
import { NoticeView, type Notice } from './NoticeView';
import { useRefreshable } from './refresh';

// Opened on demand: keeps the panel's first download small.
const CreateTestCaseForm = lazy(() => import('./CreateTestCaseForm'));
const LinkExisting = lazy(() => import('./LinkExisting'));
const TestCaseDetails = lazy(() => import('./details/TestCaseDetails'));
const RunPanel = lazy(() => import('./run/RunPanel'));
const BulkBar = lazy(() => import('./bulk/BulkBar'));

type Mode = 'none' | 'create' | 'link';

export function TestCasesTab({
  ctx,
  linked,
  canWrite,
  issueKey,
  active,
}: {
  ctx: UiContext;
  /** Owned by ReadyPanel (the cycles tab shows its titles); refreshed here after each write. */
  linked: Loader<LinkedTests>;
  canWrite: boolean;
  issueKey: string | null;
  /** The tab is shown (its data is what Refresh fetches). */
  active: boolean;
}) {
  const [mode, setMode] = useState<Mode>('none');
  const [notice, setNotice] = useState<Notice>(null);
  const [unlinking, setUnlinking] = useState<string | null>(null);
  const [filter, setFilter] = useState<CaseFilter>(NO_FILTER);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [running, setRunning] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const noticeRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const formFocus = useReturnFocus();
  const all = linked.state.status === 'ready' ? linked.state.data.items : [];
  const shown = applyFilter(all, filter);
  const rows = usePaged(shown);
  const said = words.cases;
  const issue = issueKey ?? said.thisIssue;
  useRefreshable(active ? linked.refresh : null);

  const say = (n: Notice) => {
    setNotice(n);
    focusSoon(() => noticeRef.current);
  };

  const unlink = async (tc: TestCaseSummary) => {
    setUnlinking(tc.id);
    setNotice(null);
    const r = await api.unlinkTestCase({ testCaseId: tc.id });
    if (r.ok) {
      await linked.refresh();
      setSelected((s) => without(s, tc.id));
      // The row (and its button) is gone: focus lands on the outcome, not on the page body.
      say({ tone: 'success', text: said.unlinked({ id: tc.id, issue }) });
    } else {
      say({ tone: 'error', text: r.error.message });
    }
    setUnlinking(null);
  };

  const closeForm = () => {
    setMode('none');
    formFocus.restore();
  };

  const added = async (tc: TestCaseSummary, how: 'created' | 'linked') => {
    if (how === 'created') setMode('none');
    await linked.refresh();
    say({ tone: 'success', text: said[how]({ id: tc.id, issue }) });
  };

  const toggle = (m: Mode) => {
    setNotice(null);
    formFocus.remember();
    setMode((cur) => (cur === m ? 'none' : m));
  };

  const recorded = (execution: Execution) => {
    let stale = false;
    linked.update((d) => {
      const next = withExecution(d, execution);
      stale = next === null;
      return next ?? d;
    });
    if (stale) void linked.refresh();
  };

  const toggleDetails = (id: string) => setExpanded((s) => (s.has(id) ? without(s, id) : new Set(s).add(id)));
  const focusRowControl = (attr: 'toggle' | 'run', id: string) => focusSoon(() => listRef.current?.querySelector<HTMLElement>(`[data-${attr}="${id}"]`));

  return (
    <section className="tab-body" aria-label={said.region}>
      {canWrite && (
        <div className="toolbar">
          <Button appearance={mode === 'create' ? 'primary' : 'default'} aria-expanded={mode === 'create'} onClick={() => toggle('create')}>
            {said.create}
          </Button>
          <Button appearance={mode === 'link' ? 'primary' : 'default'} aria-expanded={mode === 'link'} onClick={() => toggle('link')}>
            {said.linkExisting}
          </Button>
        </div>
      )}
      {canWrite && mode !== 'none' && (
        <Suspense fallback={<Spinner />}>
          {mode === 'create' ? (
            <CreateTestCaseForm onCreated={(tc) => added(tc, 'created')} onCancel={closeForm} />
          ) : (
            <LinkExisting linkedIds={new Set(all.map((t) => t.id))} onLinked={(tc) => added(tc, 'linked')} onClose={closeForm} />
          )}
        </Suspense>
      )}
      <NoticeView notice={notice} noticeRef={noticeRef} />
      <Loaded state={linked.state} loadingLabel={said.loading} errorTitle={said.loadFailed} onRetry={() => void linked.reload()}>
        {cases}
      </Loaded>
    </section>
  );

  function cases({ items, total }: LinkedTests) {
    if (items.length === 0) {
      return (
        <div className="empty">
          <p>{said.none({ issue })}</p>
          {canWrite && <p className="muted">{said.noneHint}</p>}
        </div>
      );
    }
    const filtered = isFiltered(filter);
    const selectedShown = shown.filter((t) => selected.has(t.id));
    const allShownSelected = shown.length > 0 && selectedShown.length === shown.length;
    return (
      <>
        <FilterBar filter={filter} onChange={setFilter} />
        <div className="coverage">
          <p className="coverage-title" aria-live="polite">
            {filtered ? said.countFiltered({ shown: shown.length, count: items.length }) : said.count({ count: items.length })}
            {filtered && (
              <Button appearance="link" className="clear-filter" onClick={() => setFilter(NO_FILTER)}>
                {said.clearFilters}
              </Button>
            )}
          </p>
          <StatusBar counts={countLatest(shown)} label={filtered ? said.latestResultsFiltered : said.latestResults} />
          {items.length < total && <p className="muted">{said.firstOf({ shown: formatNumber(items.length), total: formatNumber(total) })}</p>}
        </div>
        {canWrite && shown.length > 0 && (
          <div className="select-row">
            <label className="select-all">
              <input
                type="checkbox"
                checked={allShownSelected}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setSelected((s) => {
                    const next = new Set(s);
                    for (const t of shown) if (on) next.add(t.id);
                    else next.delete(t.id);
                    return next;
                  });
                }}
              />{' '}
              {said.selectAll({ count: shown.length })}
            </label>
          </div>
        )}
        {canWrite && selected.size > 0 && (
          <Suspense fallback={<Spinner />}>
            <BulkBar
              selected={all.filter((t) => selected.has(t.id))}
              onClear={() => setSelected(new Set())}
              onRecorded={(executions) => executions.forEach(recorded)}
            />
          </Suspense>
        )}
        {shown.length === 0 ? (
          <p className="empty">{said.noMatch}</p>
        ) : (
          <ul className="case-list" ref={listRef}>
            {rows.visible.map((tc) => (
              <CaseRow
                key={tc.id}
                tc={tc}
                canWrite={canWrite}
                selected={selected.has(tc.id)}
                onSelect={(on) => setSelected((s) => (on ? new Set(s).add(tc.id) : without(s, tc.id)))}
                expanded={expanded.has(tc.id)}
                onToggle={() => toggleDetails(tc.id)}
                running={running === tc.id}
                onRun={() => setRunning((cur) => (cur === tc.id ? null : tc.id))}
                unlinking={unlinking === tc.id}
                busy={unlinking !== null}
                onUnlink={() => void unlink(tc)}
              >
                {(expanded.has(tc.id) || running === tc.id) && (
                  <Suspense fallback={<Spinner />}>
                    {running === tc.id && (
                      <RunPanel
                        ctx={ctx}
                        issueKey={issueKey}
                        testCase={tc}
                        onRecorded={recorded}
                        onClose={() => {
                          setRunning(null);
                          focusRowControl('run', tc.id);
                        }}
                      />
                    )}
                    {expanded.has(tc.id) && (
                      <TestCaseDetails
                        ctx={ctx}
                        testCaseId={tc.id}
                        onClose={() => {
                          toggleDetails(tc.id);
                          focusRowControl('toggle', tc.id);
                        }}
                      />
                    )}
                  </Suspense>
                )}
              </CaseRow>
            ))}
          </ul>
        )}
        <ShowMore hidden={rows.hidden} onShowMore={rows.showMore} what={words.common.testCases} />
      </>
    );
  }
}

function without(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}

/**
 * The project page "Test coverage" (jira:projectPage): for a scope of the project — the issues TestKase
 * links, a fix version, a sprint or an epic — one row per issue with its linked tests, results, the
 * glance's verdict and the open bugs on its failing results; counts and percentages in the header;
 * filters, sort, paging and a CSV of what is shown.
 *
 * The rows arrive in steps (useCoverage): the first ones at once, the rest with a progress line. Every
 * count is the tally of the loaded rows (src/shared/coverage.ts) and says "so far" until the scope is
 * complete, so no number contradicts the list. The scope is the page's route (view.createHistory), so
 * the gadget can link to one.
 */
import { useEffect, useMemo, useState } from 'react';
import { view } from '@forge/bridge';
import type { CoverageScope, CoverageScopeOptions, CoverageVerdict } from '../../../src/shared/coverage';
import { COVERAGE_VERDICTS, percentOf, tallyOf } from '../../../src/shared/coverage';
import { api, initialState } from '../api';
import { Button } from '../components/Button';
import { Message } from '../components/Message';
import { Skeleton } from '../components/Spinner';
import { openSettings, type UiContext } from '../context';
import { ConnectionMessage } from '../panel/ConnectionMessage';
import { CoverageTable } from './CoverageTable';
import { DEFAULT_SORT, NO_FILTERS, choicesOf, csvOf, download, pageOf, pathOfScope, scopeFromPath, visibleRows, type Filters, type Sort, type SortKey } from './model';
import { ScopePicker, scopeName } from './ScopePicker';
import { useCoverage } from './useCoverage';
import { words } from '../../../src/shared/words/coverage';

type History = Awaited<ReturnType<typeof view.createHistory>>;

export default function CoveragePage({ ctx, projectKey, siteUrl }: { ctx: UiContext; projectKey: string | null; siteUrl: string }) {
  const [history, setHistory] = useState<History | null>(null);
  const [scope, setScope] = useState<CoverageScope | null>(null);
  const [options, setOptions] = useState<Omit<CoverageScopeOptions, 'connection'> | null>(null);
  const [optionsFailed, setOptionsFailed] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [page, setPage] = useState(1);

  // The scope comes from the page's route; the picker writes it back.
  useEffect(() => {
    void initialState(); // the prefetched first call warmed the connection: nothing else to take from it
    let unlisten: (() => void) | undefined;
    view.createHistory().then(
      (h) => {
        setHistory(h);
        setScope(scopeFromPath(h.location.pathname));
        unlisten = h.listen((location) => setScope(scopeFromPath(location.pathname)));
      },
      () => setScope({ kind: 'LINKED' }),
    );
    return () => unlisten?.();
  }, []);

  useEffect(() => {
    void api.getCoverageScopes().then((r) => {
      if (r.ok) setOptions(r.data);
      else setOptionsFailed(r.error.message);
    });
  }, []);

  const load = useCoverage(scope);
  const tally = useMemo(() => tallyOf(load.rows), [load.rows]);
  const shown = useMemo(() => visibleRows(load.rows, filters, sort), [load.rows, filters, sort]);
  const current = pageOf(shown, page);
  const types = useMemo(() => choicesOf(load.rows, (r) => r.type), [load.rows]);
  const statuses = useMemo(() => choicesOf(load.rows, (r) => r.status.name), [load.rows]);

  useEffect(() => setPage(1), [filters, sort, scope]);

  const w = words.coverage;
  if (!scope) return <Skeleton label={w.loading} />;

  const chooseScope = (next: CoverageScope) => {
    setFilters(NO_FILTERS);
    if (history) history.push(pathOfScope(next));
    else setScope(next);
  };
  const onSort = (key: SortKey) => setSort((s) => (s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' }));
  const name = scopeName(scope, options);
  const complete = load.phase === 'complete';
  const connection = load.connection;

  return (
    <div className="coverage-page">
      <h2 className="page-title">{w.pageTitle}</h2>
      <div className="coverage-toolbar">
        <ScopePicker id="coverage-scope" value={scope} options={options} onChange={chooseScope} />
        <Button onClick={() => download(w.csvFileName({ project: projectKey ?? 'project', scope: name }), csvOf(shown))} disabled={shown.length === 0}>
          {w.exportCsv({ count: shown.length })}
        </Button>
      </div>
      {optionsFailed && (
        <Message tone="warning">
          <p>{optionsFailed}</p>
        </Message>
      )}
      {options && options.notes.length > 0 && (
        <Message tone="info">
          {options.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </Message>
      )}

      {connection && connection.kind !== 'READY' ? (
        <ConnectionMessage connection={connection} canOpenSettings onOpenSettings={() => void openSettings(ctx)} onRetry={load.retry} />
      ) : load.steps === 0 && load.phase === 'loading' ? (
        <Skeleton label={w.loading} rows={6} />
      ) : (
        <>
          <Summary tally={tally} complete={complete} filters={filters} onVerdict={(verdict) => setFilters((f) => ({ ...f, verdict: f.verdict === verdict ? null : verdict }))} />
          <Progress load={load} loaded={load.rows.length} />
          {load.notVisible > 0 && <p className="muted small">{w.notVisible({ count: load.notVisible })}</p>}
          {load.rows.length > 0 && <FilterBar filters={filters} onChange={setFilters} types={types} statuses={statuses} />}
          {load.rows.length === 0 && complete ? (
            <p className="empty">{scope.kind === 'LINKED' ? w.emptyLinked : w.emptyScope}</p>
          ) : shown.length === 0 && load.rows.length > 0 ? (
            <p className="empty">{w.noMatch}</p>
          ) : (
            <CoverageTable rows={current.items} sort={sort} onSort={onSort} caption={w.tableCaption({ scope: name })} siteUrl={siteUrl} />
          )}
          {shown.length > 0 && (
            <div className="pager">
              <p>{shown.length === load.rows.length ? w.showing({ first: current.first, last: current.last, total: shown.length }) : w.showingFiltered({ first: current.first, last: current.last, total: shown.length, loaded: load.rows.length })}</p>
              {current.pages > 1 && (
                <div className="pager-controls">
                  <Button onClick={() => setPage(current.page - 1)} disabled={current.page <= 1}>
                    {w.previousPage}
                  </Button>
                  <span>{w.pageOf(current)}</span>
                  <Button onClick={() => setPage(current.page + 1)} disabled={current.page >= current.pages}>
                    {w.nextPage}
                  </Button>
                </div>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function Summary({ tally, complete, filters, onVerdict }: { tally: ReturnType<typeof tallyOf>; complete: boolean; filters: Filters; onVerdict: (v: CoverageVerdict) => void }) {
  const w = words.coverage;
  const uncovered = tally.verdicts.UNCOVERED;
  return (
    <section className="coverage-summary" aria-label={w.pageTitle}>
      <p className="coverage-headline">{complete ? w.uncoveredLine({ uncovered, total: tally.issues }) : w.uncoveredLineSoFar({ uncovered, total: tally.issues })}</p>
      <ul className="coverage-stats" title={w.percentNote}>
        <li>{w.coveredPercent({ percent: percentOf(tally.covered, tally.issues) })}</li>
        <li>{w.passingPercent({ percent: percentOf(tally.verdicts.PASSING, tally.issues) })}</li>
        <li>{w.openBugsCount({ count: tally.openBugs })}</li>
      </ul>
      <ul className="verdict-counts">
        {COVERAGE_VERDICTS.map((v) => (
          <li key={v}>
            <button type="button" className={`verdict-count verdict-count-${v.toLowerCase()}`} aria-pressed={filters.verdict === v} onClick={() => onVerdict(v)}>
              {w.verdictCount({ verdict: w.verdict[v], count: tally.verdicts[v] })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Progress({ load, loaded }: { load: ReturnType<typeof useCoverage>; loaded: number }) {
  const w = words.coverage;
  if (load.phase === 'failed' && load.error) {
    return (
      <Message tone="error" actions={<Button onClick={load.retry}>{words.common.tryAgain}</Button>}>
        <p>{load.error.message}</p>
        {loaded > 0 && <p>{w.progressStopped({ loaded })}</p>}
      </Message>
    );
  }
  return (
    <p className="coverage-progress" role="status" aria-live="polite">
      {load.phase === 'complete' ? w.progressComplete({ loaded }) : w.progressLoading({ loaded, about: load.approximateTotal })}
    </p>
  );
}

function FilterBar({ filters, onChange, types, statuses }: { filters: Filters; onChange: (f: Filters) => void; types: string[]; statuses: string[] }) {
  const w = words.coverage;
  const active = filters.verdict !== null || filters.type !== null || filters.status !== null || filters.uncoveredFirst;
  return (
    <fieldset className="coverage-filters">
      <legend className="visually-hidden">{w.filtersLabel}</legend>
      <FilterSelect label={w.filterVerdict} all={w.filterAll} value={filters.verdict} choices={COVERAGE_VERDICTS.map((v) => [v, w.verdict[v]])} onChange={(v) => onChange({ ...filters, verdict: v as CoverageVerdict | null })} />
      <FilterSelect label={w.filterType} all={w.filterAll} value={filters.type} choices={types.map((t) => [t, t])} onChange={(type) => onChange({ ...filters, type })} />
      <FilterSelect label={w.filterStatus} all={w.filterAll} value={filters.status} choices={statuses.map((s) => [s, s])} onChange={(status) => onChange({ ...filters, status })} />
      <label className="filter-check">
        <input type="checkbox" checked={filters.uncoveredFirst} onChange={(e) => onChange({ ...filters, uncoveredFirst: e.target.checked })} />
        <span>{w.uncoveredFirst}</span>
      </label>
      {active && (
        <Button appearance="subtle" onClick={() => onChange(NO_FILTERS)}>
          {w.clearFilters}
        </Button>
      )}
    </fieldset>
  );
}

/** One filter: a labelled select of [value, label] choices, "All" for none. */
function FilterSelect({ label, all, value, choices, onChange }: { label: string; all: string; value: string | null; choices: ReadonlyArray<readonly [string, string]>; onChange: (value: string | null) => void }) {
  return (
    <label className="filter-field">
      <span className="field-label">{label}</span>
      <select className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{all}</option>
        {choices.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

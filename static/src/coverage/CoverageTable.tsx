/**
 * One page of the scope's rows. Every column sorts (the active one says which way with aria-sort); the
 * key opens the issue in Jira (through the bridge: the app's frame cannot navigate Jira itself). Below
 * 720 px each row becomes a card with labelled cells (coverage.css).
 */
import type { MouseEvent, ReactNode } from 'react';
import { router } from '@forge/bridge';
import type { CoverageRow } from '../../../src/shared/coverage';
import { CoverageBar } from './CoverageBar';
import type { Sort, SortKey } from './model';
import { VERDICT_WORD, coverageWords as w } from './words';

const COLUMNS: ReadonlyArray<{ key: SortKey; label: string }> = [
  { key: 'key', label: w.colKey },
  { key: 'summary', label: w.colSummary },
  { key: 'type', label: w.colType },
  { key: 'status', label: w.colStatus },
  { key: 'tests', label: w.colTests },
  { key: 'results', label: w.colResults },
  { key: 'verdict', label: w.colVerdict },
  { key: 'bugs', label: w.colBugs },
];

function Cell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td data-label={label} className={className}>
      {children}
    </td>
  );
}

/** Opens the issue in Jira, in a new tab with Ctrl/⌘ or the middle button, as a link would. */
function openIssue(e: MouseEvent<HTMLAnchorElement>, key: string) {
  e.preventDefault();
  const newTab = e.ctrlKey || e.metaKey || e.shiftKey || e.button === 1;
  void (newTab ? router.open({ target: 'issue', issueKey: key }) : router.navigate({ target: 'issue', issueKey: key })).catch(() => undefined);
}

const VERDICT_CLASS = { UNCOVERED: 'uncovered', FAILING: 'failing', BLOCKED: 'blocked', INCOMPLETE: 'incomplete', PASSING: 'passing' } as const;

export function CoverageTable({ rows, sort, onSort, caption, siteUrl }: { rows: readonly CoverageRow[]; sort: Sort; onSort: (key: SortKey) => void; caption: string; siteUrl: string }) {
  return (
    <div className="table-scroll">
      <table className="table coverage-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = sort.key === c.key;
              return (
                <th key={c.key} scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={`col-${c.key}`}>
                  <button type="button" className={`sort-button${active ? ' sort-active' : ''}`} onClick={() => onSort(c.key)} aria-label={w.sortBy(c.label)}>
                    {c.label}
                    <span className="sort-arrow" aria-hidden="true">
                      {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={`verdict-row-${VERDICT_CLASS[r.verdict]}`}>
              <Cell label={w.colKey} className="nowrap">
                <a className="issue-key" href={`${siteUrl}/browse/${r.key}`} onClick={(e) => openIssue(e, r.key)} onAuxClick={(e) => openIssue(e, r.key)} aria-label={w.openIssue(r.key)}>
                  {r.key}
                </a>
              </Cell>
              <Cell label={w.colSummary} className="title-cell">
                {r.summary}
              </Cell>
              <Cell label={w.colType}>{r.type}</Cell>
              <Cell label={w.colStatus}>
                <span className={`lozenge coverage-status coverage-status-${r.status.category ?? 'unknown'}`}>{r.status.name}</span>
              </Cell>
              <Cell label={w.colTests} className="num">
                {r.tests}
              </Cell>
              <Cell label={w.colResults} className="results-cell">
                <CoverageBar counts={r.counts} total={r.tests} issueKey={r.key} />
              </Cell>
              <Cell label={w.colVerdict}>
                <span className={`lozenge verdict verdict-${VERDICT_CLASS[r.verdict]}`}>{VERDICT_WORD[r.verdict]}</span>
              </Cell>
              <Cell label={w.colBugs}>
                <Bugs row={r} siteUrl={siteUrl} />
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Bugs({ row, siteUrl }: { row: CoverageRow; siteUrl: string }) {
  if (row.openBugs === null) {
    return (
      <span className="muted" title={w.bugsUncheckedHint}>
        {w.bugsUnchecked}
      </span>
    );
  }
  return (
    <>
      {row.openBugs.length === 0 && row.bugsNotVisible === 0 ? <span className="muted">{w.noBugs}</span> : null}
      {row.openBugs.length > 0 && (
        <ul className="bug-list">
          {row.openBugs.map((b) => (
            <li key={b.key}>
              <a className="issue-key" href={`${siteUrl}/browse/${b.key}`} onClick={(e) => openIssue(e, b.key)} onAuxClick={(e) => openIssue(e, b.key)} aria-label={w.openIssue(b.key)}>
                {b.key}
              </a>{' '}
              <span className="muted small">{b.status}</span>
            </li>
          ))}
        </ul>
      )}
      {row.bugsNotVisible > 0 && <span className="muted small block">{w.bugsNotVisible(row.bugsNotVisible)}</span>}
    </>
  );
}

/**
 * One page of the scope's rows. Every column sorts (the active one says which way with aria-sort); the
 * key opens the issue in Jira (through the bridge: the app's frame cannot navigate Jira itself). Below
 * 720 px each row becomes a card with labelled cells (coverage.css).
 */
import type { MouseEvent, ReactNode } from 'react';
import { router } from '@forge/bridge';
import type { CoverageRow } from '../../../src/shared/coverage';
import { CoverageBar } from './CoverageBar';
import { words } from '../../../src/shared/words/coverage';
import type { Sort, SortKey } from './model';

/** The columns in order, each with its catalog entry (read when rendering). */
const COLUMNS = [
  ['key', 'colKey'],
  ['summary', 'colSummary'],
  ['type', 'colType'],
  ['status', 'colStatus'],
  ['tests', 'colTests'],
  ['results', 'colResults'],
  ['verdict', 'colVerdict'],
  ['bugs', 'colBugs'],
] as const satisfies ReadonlyArray<readonly [SortKey, keyof typeof words.coverage]>;

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
  const w = words.coverage;
  return (
    <div className="table-scroll">
      <table className="table coverage-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map(([key, entry]) => {
              const active = sort.key === key;
              const label = w[entry];
              return (
                <th key={key} scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={`col-${key}`}>
                  <button type="button" className={`sort-button${active ? ' sort-active' : ''}`} onClick={() => onSort(key)} aria-label={w.sortBy({ column: label })}>
                    {label}
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
                <a className="issue-key" href={`${siteUrl}/browse/${r.key}`} onClick={(e) => openIssue(e, r.key)} onAuxClick={(e) => openIssue(e, r.key)} aria-label={w.openIssue({ key: r.key })}>
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
                <span className={`lozenge verdict verdict-${VERDICT_CLASS[r.verdict]}`}>{w.verdict[r.verdict]}</span>
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
  const w = words.coverage;
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
              <a className="issue-key" href={`${siteUrl}/browse/${b.key}`} onClick={(e) => openIssue(e, b.key)} onAuxClick={(e) => openIssue(e, b.key)} aria-label={w.openIssue({ key: b.key })}>
                {b.key}
              </a>{' '}
              <span className="muted small">{b.status}</span>
            </li>
          ))}
        </ul>
      )}
      {row.bugsNotVisible > 0 && <span className="muted small block">{w.bugsNotVisible({ count: row.bugsNotVisible })}</span>}
    </>
  );
}

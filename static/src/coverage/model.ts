/**
 * The coverage page's pure parts: a scope as a route of the page (so a link can open one), filtering,
 * sorting and paging the loaded rows, and the CSV of what is shown (the columns as on screen).
 */
import type { CoverageRow, CoverageScope, CoverageVerdict } from '../../../src/shared/coverage';
import { RESULTS_FIRST } from '../../../src/shared/facts';
import { words } from '../../../src/shared/words/coverage';

/** Failing issues first, uncovered ones next: the order "sort by verdict" uses. */
const VERDICT_ORDER: readonly CoverageVerdict[] = ['FAILING', 'UNCOVERED', 'BLOCKED', 'INCOMPLETE', 'PASSING'];

/** `/version/10010`, `/sprint/42`, `/epic/DEMO-60`; anything else is the default scope. */
export function scopeFromPath(path: string): CoverageScope {
  const [, kind, value] = /^\/(version|sprint|epic)\/([A-Za-z0-9_-]+)\/?$/.exec(path) ?? [];
  if (kind === 'version' && value && /^\d{1,18}$/.test(value)) return { kind: 'VERSION', id: value };
  if (kind === 'sprint' && value && /^\d{1,15}$/.test(value)) return { kind: 'SPRINT', id: Number(value) };
  if (kind === 'epic' && value && /^[A-Z][A-Z0-9_]*-\d+$/.test(value)) return { kind: 'EPIC', key: value };
  return { kind: 'LINKED' };
}

export function pathOfScope(scope: CoverageScope): string {
  switch (scope.kind) {
    case 'LINKED':
      return '/';
    case 'VERSION':
      return `/version/${scope.id}`;
    case 'SPRINT':
      return `/sprint/${scope.id}`;
    case 'EPIC':
      return `/epic/${scope.key}`;
  }
}

/** One string per scope, for select values and effect keys. */
export const scopeKey = (scope: CoverageScope) => pathOfScope(scope);

export interface Filters {
  verdict: CoverageVerdict | null;
  type: string | null;
  status: string | null;
  uncoveredFirst: boolean;
}

export const NO_FILTERS: Filters = { verdict: null, type: null, status: null, uncoveredFirst: false };

export type SortKey = 'key' | 'summary' | 'type' | 'status' | 'tests' | 'results' | 'verdict' | 'bugs';
export interface Sort {
  key: SortKey;
  direction: 'asc' | 'desc';
}
export const DEFAULT_SORT: Sort = { key: 'key', direction: 'asc' };

const keyNumber = (key: string) => Number(key.slice(key.lastIndexOf('-') + 1));
const byKey = (a: CoverageRow, b: CoverageRow) => a.key.slice(0, a.key.lastIndexOf('-')).localeCompare(b.key.slice(0, b.key.lastIndexOf('-'))) || keyNumber(a.key) - keyNumber(b.key);
/** Results sort by the share that passed, then by how many tests there are. */
const passShare = (r: CoverageRow) => (r.tests === 0 ? -1 : r.counts.PASS / r.tests);

const COMPARE: Record<SortKey, (a: CoverageRow, b: CoverageRow) => number> = {
  key: byKey,
  summary: (a, b) => a.summary.localeCompare(b.summary),
  type: (a, b) => a.type.localeCompare(b.type),
  status: (a, b) => a.status.name.localeCompare(b.status.name),
  tests: (a, b) => a.tests - b.tests,
  results: (a, b) => passShare(a) - passShare(b) || a.tests - b.tests,
  verdict: (a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict),
  bugs: (a, b) => (a.openBugs?.length ?? -1) - (b.openBugs?.length ?? -1),
};

/** The rows shown: filtered, sorted (ties by key), uncovered ones first when asked. */
export function visibleRows(rows: readonly CoverageRow[], filters: Filters, sort: Sort): CoverageRow[] {
  const kept = rows.filter((r) => (!filters.verdict || r.verdict === filters.verdict) && (!filters.type || r.type === filters.type) && (!filters.status || r.status.name === filters.status));
  const sign = sort.direction === 'asc' ? 1 : -1;
  return kept.sort((a, b) => (filters.uncoveredFirst ? Number(b.verdict === 'UNCOVERED') - Number(a.verdict === 'UNCOVERED') : 0) || sign * COMPARE[sort.key](a, b) || byKey(a, b));
}

/** The distinct values of a column among the loaded rows, for its filter. */
export function choicesOf(rows: readonly CoverageRow[], pick: (r: CoverageRow) => string): string[] {
  return [...new Set(rows.map(pick).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

const PAGE_SIZE = 50;

export function pageOf<T>(rows: readonly T[], page: number): { items: T[]; page: number; pages: number; first: number; last: number } {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const items = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  return { items, page: current, pages, first: items.length ? (current - 1) * PAGE_SIZE + 1 : 0, last: (current - 1) * PAGE_SIZE + items.length };
}

/**
 * The CSV of the shown rows: the table's columns, the results bar as its five counts (in the bar's order). A cell a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed with ' (OWASP's
 * advice against CSV injection). UTF-8 with a byte-order mark, so Excel reads accents right.
 */
export function csvOf(rows: readonly CoverageRow[]): string {
  const w = words.coverage;
  const header = [w.colKey, w.colSummary, w.colType, w.colStatus, w.colTests, ...RESULTS_FIRST.map((s) => words.status[s]), w.colVerdict, w.colBugs];
  const lines = rows.map((r) => [
    r.key,
    r.summary,
    r.type,
    r.status.name,
    String(r.tests),
    ...RESULTS_FIRST.map((s) => String(r.counts[s])),
    w.verdict[r.verdict],
    r.openBugs === null ? w.bugsUnchecked : r.openBugs.map((b) => w.bugWithStatus(b)).join('; '),
  ]);
  return `\ufeff${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Starts a download of `text` as a file (a user gesture in the frame: Forge's sandbox allows downloads). */
export function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has the file once the click was handled: free the object URL a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

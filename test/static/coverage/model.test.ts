/** The coverage page's pure parts: the scope as a route, filtering and sorting, paging, and the CSV. */
import { describe, expect, it } from 'vitest';
import type { CoverageRow } from '../../../src/shared/coverage';
import { DEFAULT_SORT, NO_FILTERS, csvOf, pageOf, pathOfScope, scopeFromPath, visibleRows } from '../../../static/src/coverage/model';

const row = (key: string, fields: Partial<CoverageRow> = {}): CoverageRow => ({
  key,
  summary: `Summary of ${key}`,
  type: 'Story',
  status: { name: 'To Do', category: 'new' },
  tests: 1,
  counts: { NOT_EXECUTED: 0, PASS: 1, FAIL: 0, BLOCKED: 0, SKIPPED: 0 },
  verdict: 'PASSING',
  openBugs: [],
  bugsNotVisible: 0,
  ...fields,
});

describe('the coverage page model', () => {
  it('reads a scope from the route and writes it back; anything else is the default scope', () => {
    for (const scope of [{ kind: 'LINKED' }, { kind: 'VERSION', id: '10010' }, { kind: 'SPRINT', id: 42 }, { kind: 'EPIC', key: 'DEMO-60' }] as const) {
      expect(scopeFromPath(pathOfScope(scope))).toEqual(scope);
    }
    for (const path of ['/version/abc', '/sprint/-1', '/epic/demo-60', '/version/10010/extra', '/../admin']) expect(scopeFromPath(path)).toEqual({ kind: 'LINKED' });
  });

  it('sorts keys by number within a project, filters, and puts uncovered rows first when asked', () => {
    const rows = [row('DEMO-10'), row('DEMO-9', { verdict: 'UNCOVERED', tests: 0 }), row('DEMO-100', { type: 'Task', verdict: 'FAILING' })];
    expect(visibleRows(rows, NO_FILTERS, DEFAULT_SORT).map((r) => r.key)).toEqual(['DEMO-9', 'DEMO-10', 'DEMO-100']);
    expect(visibleRows(rows, { ...NO_FILTERS, type: 'Task' }, DEFAULT_SORT).map((r) => r.key)).toEqual(['DEMO-100']);
    expect(visibleRows(rows, { ...NO_FILTERS, uncoveredFirst: true }, { key: 'key', direction: 'desc' }).map((r) => r.key)).toEqual(['DEMO-9', 'DEMO-100', 'DEMO-10']);
    expect(visibleRows(rows, NO_FILTERS, { key: 'verdict', direction: 'asc' }).map((r) => r.verdict)).toEqual(['FAILING', 'UNCOVERED', 'PASSING']);
  });

  it('pages 50 rows at a time and clamps a page past the end', () => {
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(rows, 3)).toMatchObject({ page: 3, pages: 3, first: 101, last: 120 });
    expect(pageOf(rows, 9)).toMatchObject({ page: 3 });
    expect(pageOf([], 1)).toMatchObject({ page: 1, pages: 1, first: 0, last: 0 });
  });

  it('writes the CSV with the table’s columns, quotes what needs it and defuses spreadsheet formulas', () => {
    const csv = csvOf([
      row('DEMO-1', { summary: '=HYPERLINK("http://evil")', openBugs: [{ key: 'DEMO-3', status: 'To Do' }], verdict: 'FAILING', counts: { NOT_EXECUTED: 0, PASS: 1, FAIL: 1, BLOCKED: 0, SKIPPED: 0 }, tests: 2 }),
      row('DEMO-2', { summary: 'Pay, then ship\nsecond line', openBugs: null }),
    ]);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, first, second] = csv.slice(1).split('\r\n');
    expect(header).toBe('Key,Summary,Type,Status,Linked tests,Pass,Fail,Blocked,Skipped,Not Executed,Verdict,Open bugs');
    expect(first).toBe(`DEMO-1,"'=HYPERLINK(""http://evil"")",Story,To Do,2,1,1,0,0,0,Failing,DEMO-3 (To Do)`);
    // A line break inside a cell stays inside its quotes (rows end with CRLF).
    expect(second).toBe('DEMO-2,"Pay, then ship\nsecond line",Story,To Do,1,1,0,0,0,0,All passed,Not checked');
  });
});

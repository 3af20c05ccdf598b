/**
 * The issue panel's JS budget (GOALS.panelJsKb), on the UI `npm run build` wrote (static/dist, before
 * Vitest in `npm test`): what the panel downloads before its first data render, computed by the same
 * function the benchmark reports. And that function on a small build of known sizes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { GOALS } from '../../bench/goals';
import { PANEL_FIRST_RENDER, panelJsBeforeFirstData } from '../../bench/panel-js';

describe('the issue panel’s JS before its first data render', () => {
  const built = panelJsBeforeFirstData();

  it(`is within the budget of ${GOALS.panelJsKb} KB gzip`, () => {
    expect(built.jsGzipKb, `${built.jsGzipKb} KB gzip: ${built.files.join(', ')}`).toBeLessThanOrEqual(GOALS.panelJsKb);
  });

  it('counts the entry, React and the panel: a real download, not an empty list', () => {
    const js = built.files.filter((f) => f.endsWith('.js'));
    expect(js.some((f) => /^assets\/index-/.test(f))).toBe(true);
    expect(js.some((f) => /^assets\/main-/.test(f))).toBe(true); // React, react-dom and the app shell
    expect(js.some((f) => /^assets\/IssuePanel-/.test(f))).toBe(true);
    expect(js.some((f) => /TestCyclesTab|AdminPage|GlobalPage|RunPanel/.test(f))).toBe(false); // lazy, after a click
    expect(built.jsGzipBytes).toBeGreaterThan(40 * 1024); // react-dom alone is ~40 KB gzip
  });
});

describe('panelJsBeforeFirstData', () => {
  const dist = mkdtempSync(join(tmpdir(), 'tk-panel-js-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'assets/index.js': 'entry '.repeat(300),
    'assets/runtime.js': 'runtime '.repeat(50),
    'assets/main.js': 'react '.repeat(2000),
    'assets/panel.js': 'panel '.repeat(400),
    'assets/shared.js': 'shared '.repeat(80),
    'assets/cycles.js': 'cycles '.repeat(900),
    'assets/admin.js': 'admin '.repeat(900),
    'assets/index.css': 'body{color:red}'.repeat(40),
  };
  const manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_runtime.js'], dynamicImports: ['src/main.tsx'], css: ['assets/index.css'] },
    '_runtime.js': { file: 'assets/runtime.js' },
    '_shared.js': { file: 'assets/shared.js', imports: ['_runtime.js'] },
    'src/main.tsx': { file: 'assets/main.js', isDynamicEntry: true, imports: ['_runtime.js'], dynamicImports: ['src/panel/IssuePanel.tsx', 'src/admin/AdminPage.tsx'] },
    'src/panel/IssuePanel.tsx': { file: 'assets/panel.js', isDynamicEntry: true, imports: ['_shared.js', '_runtime.js'], dynamicImports: ['src/panel/TestCyclesTab.tsx'] },
    'src/panel/TestCyclesTab.tsx': { file: 'assets/cycles.js', isDynamicEntry: true, imports: ['_shared.js'] },
    'src/admin/AdminPage.tsx': { file: 'assets/admin.js', isDynamicEntry: true, imports: ['_shared.js'] },
  };
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(join(dist, '.vite'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, name), text);
  writeFileSync(join(dist, '.vite/manifest.json'), JSON.stringify(manifest));
  const gz = (name: string) => gzipSync(files[name]!).length;

  it('sums the entry’s static imports and the first render’s lazy chunks with theirs, each file once', () => {
    const r = panelJsBeforeFirstData(dist, PANEL_FIRST_RENDER);
    expect(r.files).toEqual(['assets/index.css', 'assets/index.js', 'assets/main.js', 'assets/panel.js', 'assets/runtime.js', 'assets/shared.js']);
    expect(r.jsGzipBytes).toBe(['assets/index.js', 'assets/runtime.js', 'assets/main.js', 'assets/panel.js', 'assets/shared.js'].map(gz).reduce((a, b) => a + b));
    expect(r.cssGzipBytes).toBe(gz('assets/index.css'));
    expect(r.jsGzipKb).toBe(Math.round((r.jsGzipBytes / 1024) * 10) / 10);
  });

  it('counts only the entry when the first render crosses no lazy boundary', () => {
    expect(panelJsBeforeFirstData(dist, []).files).toEqual(['assets/index.css', 'assets/index.js', 'assets/runtime.js']);
  });

  it('refuses a lazy module the code loaded so far does not import, or one that is not a lazy chunk', () => {
    expect(() => panelJsBeforeFirstData(dist, ['src/panel/IssuePanel.tsx'])).toThrow(/not a lazy chunk/); // main.tsx not loaded yet
    expect(() => panelJsBeforeFirstData(dist, ['src/main.tsx', 'src/panel/Gone.tsx'])).toThrow(/not a lazy chunk/);
    expect(() => panelJsBeforeFirstData(join(dist, 'nowhere'))).toThrow(/npm run build/);
  });
});

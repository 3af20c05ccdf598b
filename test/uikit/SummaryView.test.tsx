/**
 * The ForgeDoc the module sends the host, in every state: the components, their props and the words a
 * person reads. Rendered with @forge/react's own reconciler through the bridge, as in Jira.
 */
import { act } from 'react';
import ForgeReconciler from '@forge/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PatSavedReason } from '../../src/shared/definitions';
import { SummaryView, type SummaryLoad } from '../../uikit/src/SummaryView';
import { bridge } from './support/bridge';
import { COVERAGE, noConfig, patSaved, ready } from './fixtures';
import { button, findAll, fire, outline, textOf } from './support/forge-doc';

const actions = { onRetry: vi.fn(), onOpenSettings: vi.fn(), onShowPanel: vi.fn() };

async function render(load: SummaryLoad, timeZone = 'Europe/Paris') {
  await act(async () => ForgeReconciler.render(<SummaryView load={load} timeZone={timeZone} locale="en-US" {...actions} />));
  return bridge.doc();
}

const loaded = (summary: ReturnType<typeof ready>): SummaryLoad => ({ status: 'ready', summary, refreshing: false });

beforeEach(() => {
  bridge.reset();
  vi.clearAllMocks();
});

describe('the issue context ForgeDoc', () => {
  it('loading: a spinner that says what it waits for', async () => {
    const doc = await render({ status: 'loading' });
    expect(doc.type).toBe('Root');
    expect(findAll(doc, 'Spinner')[0]?.props).toMatchObject({ size: 'small', label: 'Loading test status' });
    expect(textOf(doc)).toBe('Loading test status…');
  });

  it('READY: the counts in words, a verdict, a status bar, the latest run in the user’s timezone, and a way to the panel', async () => {
    const doc = await render(loaded(ready()));
    expect(outline(doc).join('\n')).toMatchInlineSnapshot(`
      "Root
        Stack
          Inline
            Lozenge
              "Failing"
          Text
            "4 tests · Pass 2 · Fail 1 · Blocked 1 · Skipped 0 · Not Executed 0"
          Box
            Inline
              Box
              Box
              Box
          Stack
            Text
              "Latest execution"
            Inline
              Lozenge
                "Pass"
              Text
                "TC-1"
              Text
                "Guest checkout with a saved card"
            Tooltip
              Text
                "Alice Martin · Nov 22, 2026, 3:05 PM"
          Inline
            Button
              "Open test cases""
    `);
    const [verdict, latest] = findAll(doc, 'Lozenge');
    expect(verdict!.props).toMatchObject({ appearance: 'removed', isBold: true });
    expect(latest!.props).toMatchObject({ appearance: 'success' });
    expect(findAll(doc, 'Tooltip')[0]!.props?.content).toMatch(/Central European Standard Time \(Europe\/Paris\)/);
    await fire(button(doc, 'Open test cases'));
    expect(actions.onShowPanel).toHaveBeenCalledTimes(1);
  });

  it('keeps each count with its word when the narrow column wraps the counts line', async () => {
    const doc = await render(loaded(ready()));
    const line = findAll(doc, 'String').map((s) => s.props?.text).find((t) => typeof t === 'string' && t.includes('Pass'));
    expect(line).toBe('4\u00a0tests · Pass\u00a02 · Fail\u00a01 · Blocked\u00a01 · Skipped\u00a00 · Not\u00a0Executed\u00a00');
  });

  it('draws only the statuses present, with widths that add up to the whole bar, in the panel’s colours', async () => {
    const doc = await render(loaded(ready({ ...COVERAGE, total: 3, counts: { PASS: 1, FAIL: 0, BLOCKED: 0, SKIPPED: 1, NOT_EXECUTED: 1 } })));
    const segments = findAll(findAll(doc, 'Box').find((b) => b.props?.testId === 'status-bar')!, 'Box').slice(1);
    expect(segments.map((s) => s.props?.testId)).toEqual(['status-bar-PASS', 'status-bar-SKIPPED', 'status-bar-NOT_EXECUTED']);
    expect(segments.map((s) => (s.props?.xcss as { backgroundColor: string }).backgroundColor)).toEqual([
      'color.background.success.bold',
      'color.background.information.bold',
      'color.background.accent.gray.subtle',
    ]);
    const widths = segments.map((s) => parseFloat((s.props?.xcss as { width: string }).width));
    expect(widths.reduce((a, w) => a + w, 0)).toBeCloseTo(100, 1);
    expect(findAll(doc, 'Lozenge')[0]!.props).toMatchObject({ appearance: 'inprogress' });
    expect(textOf(findAll(doc, 'Lozenge')[0]!)).toBe('Not all executed');
  });

  it('says "All passed" only when every linked case passed, and dates follow the user’s own zone', async () => {
    const doc = await render(loaded(ready({ ...COVERAGE, total: 2, counts: { PASS: 2, FAIL: 0, BLOCKED: 0, SKIPPED: 0, NOT_EXECUTED: 0 } })), 'America/New_York');
    expect(textOf(findAll(doc, 'Lozenge')[0]!)).toBe('All passed');
    expect(textOf(findAll(doc, 'Tooltip')[0]!)).toBe('Alice Martin · Nov 22, 2026, 9:05 AM');
    expect(textOf(doc)).toContain('2 tests · Pass 2 · Fail 0 · Blocked 0 · Skipped 0 · Not Executed 0');
  });

  it('READY with nothing linked: says so and leads to the panel to link or create one', async () => {
    const doc = await render(loaded(ready({ total: 0, counts: { PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0, NOT_EXECUTED: 0 }, latest: null })));
    expect(textOf(doc)).toBe('No test cases are linked to DEMO-1 yet.Open the TestKase panel');
    expect(findAll(doc, 'Box')).toEqual([]);
    await fire(button(doc, 'Open the TestKase panel'));
    expect(actions.onShowPanel).toHaveBeenCalledTimes(1);
  });

  it('shows a spinner beside the counts while it fetches again', async () => {
    const doc = await render({ status: 'ready', summary: ready(), refreshing: true });
    expect(findAll(doc, 'Spinner').map((s) => s.props?.label)).toEqual(['Updating test status']);
    expect(textOf(doc)).toContain('4 tests');
  });

  it('NO_CONFIG: the backend’s sentence and a button to the settings page', async () => {
    const summary = noConfig();
    const doc = await render(loaded(summary));
    const message = findAll(doc, 'SectionMessage')[0]!;
    expect(message.props).toMatchObject({ appearance: 'information', title: summary.connection.kind === 'NO_CONFIG' && summary.connection.message.title });
    expect(textOf(message)).toBe(summary.connection.kind === 'NO_CONFIG' && summary.connection.message.text);
    expect(findAll(doc, 'Button')).toHaveLength(1);
    expect(button(doc, 'Open TestKase settings').props).toMatchObject({ appearance: 'primary' });
    await fire(button(doc, 'Open TestKase settings'));
    expect(actions.onOpenSettings).toHaveBeenCalledTimes(1);
  });

  const cases: Array<[PatSavedReason, 'error' | 'warning', string | null]> = [
    ['TOKEN_REJECTED', 'error', 'Open TestKase settings'],
    ['PROJECT_NOT_MAPPED', 'warning', null],
    ['MAPPING_LOST', 'warning', null],
    ['NO_PROJECT_ACCESS', 'warning', null],
    ['TESTKASE_UNAVAILABLE', 'warning', 'Retry'],
    ['RATE_LIMITED', 'warning', 'Retry'],
  ];
  for (const [reason, appearance, step] of cases) {
    it(`${reason}: the backend’s sentence${step ? ` and “${step}”` : ', no button (the sentence says who can fix it)'}`, async () => {
      const summary = patSaved(reason);
      if (summary.connection.kind !== 'PAT_SAVED') throw new Error('fixture');
      const doc = await render(loaded(summary));
      const [message] = findAll(doc, 'SectionMessage');
      expect(message!.props).toMatchObject({ appearance, title: summary.connection.message.title });
      expect(textOf(message!)).toBe(summary.connection.message.text);
      expect(findAll(doc, 'Button').map(textOf)).toEqual(step ? [step] : []);
      expect(findAll(doc, 'Lozenge')).toEqual([]);
    });
  }

  it('READY but the list failed: TestKase’s failure in a plain sentence, and Retry', async () => {
    const doc = await render(loaded({ issueKey: 'DEMO-1', connection: ready().connection, coverage: { ok: false, error: { code: 'UNAVAILABLE', message: 'TestKase could not be reached. Nothing was changed; try again in a moment.' } } }));
    expect(findAll(doc, 'SectionMessage')[0]!.props).toMatchObject({ appearance: 'error', title: 'Linked test cases could not be loaded' });
    expect(textOf(doc)).toContain('TestKase could not be reached.');
    await fire(button(doc, 'Retry'));
    expect(actions.onRetry).toHaveBeenCalledTimes(1);
  });

  it('the call failed: says so with Retry', async () => {
    const doc = await render({ status: 'failed', error: { code: 'UNAVAILABLE', message: 'The TestKase app did not answer. Check your connection and try again.' } });
    expect(findAll(doc, 'SectionMessage')[0]!.props).toMatchObject({ appearance: 'error', title: 'Test status could not be loaded' });
    expect(findAll(doc, 'Button').map(textOf)).toEqual(['Retry']);
  });

  it('sends a tree the bridge can serialise: plain data, with functions only as event handlers', async () => {
    const doc = await render(loaded(ready()));
    const functions: string[] = [];
    const json = JSON.stringify(doc, (key, value: unknown) => {
      if (typeof value === 'function') {
        functions.push(key);
        return undefined;
      }
      return value;
    });
    expect(JSON.parse(json)).toBeTruthy();
    expect(functions).toEqual(['onClick']);
  });
});

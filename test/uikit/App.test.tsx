/**
 * The module as it runs: its one invoke per render, the events that keep it current after the panel
 * changes something, and every handler it gives the host (Retry, settings, the panel), through the
 * same bridge commands Jira's host answers.
 */
import { act } from 'react';
import ForgeReconciler from '@forge/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { SHOW_PANEL_EVENT, TESTS_CHANGED_EVENT } from '../../src/shared/app-events';
import { IssueSummaryApp } from '../../uikit/src/App';
import { PANEL_WAIT_MS } from '../../uikit/src/glance-data';
import { bridge } from './support/bridge';
import { COVERAGE, noConfig, ready } from './fixtures';
import { button, fire, textOf } from './support/forge-doc';

/** Lets every pending promise (bridge answers, state updates) settle inside act. */
const settle = (ms = 0) => act(async () => new Promise((resolve) => setTimeout(resolve, ms)));
/** No panel on this page answers: the module reads for itself once it has waited for one. */
const noPanel = () => settle(PANEL_WAIT_MS + 100);

async function mount() {
  await act(async () => ForgeReconciler.render(<IssueSummaryApp />));
  await noPanel();
  return bridge.doc();
}

/** An answer that waits until the test releases it. */
function held<T>(value: T) {
  let release!: () => void;
  const answer = new Promise<T>((resolve) => (release = () => resolve(value)));
  return { answer: () => answer, release };
}

beforeEach(() => bridge.reset());

describe('the issue context module', () => {
  it('makes one invoke per render and shows the answer', async () => {
    bridge.answers.getIssueSummary = { ok: true, data: ready() };
    const doc = await mount();
    expect(bridge.invokes()).toEqual([{ command: 'invoke', payload: { functionKey: 'getIssueSummary', payload: undefined } }]);
    expect(textOf(doc)).toContain('4 tests · Pass 2 · Fail 1 · Blocked 1 · Skipped 0 · Not Executed 0');
  });

  it('fetches again when the panel says the tests changed, and shows the new counts', async () => {
    bridge.answers.getIssueSummary = { ok: true, data: ready() };
    await mount();
    bridge.answers.getIssueSummary = { ok: true, data: ready({ ...COVERAGE, counts: { ...COVERAGE.counts, FAIL: 0, PASS: 3 } }) };
    await act(() => bridge.emit(TESTS_CHANGED_EVENT, {}));
    await settle();
    expect(bridge.invokes('getIssueSummary')).toHaveLength(2);
    expect(textOf(bridge.doc())).toContain('4 tests · Pass 3 · Fail 0');
  });

  it('keeps the counts on screen while it fetches again, and a burst of changes costs one more call', async () => {
    bridge.answers.getIssueSummary = { ok: true, data: ready() };
    await mount();
    const slow = held({ ok: true, data: ready({ ...COVERAGE, counts: { ...COVERAGE.counts, BLOCKED: 0, PASS: 3 } }) });
    bridge.answers.getIssueSummary = slow.answer;
    await act(async () => {
      for (let i = 0; i < 5; i++) void bridge.emit(TESTS_CHANGED_EVENT, {});
    });
    await settle();
    expect(textOf(bridge.doc())).toContain('4 tests · Pass 2'); // still the shown counts, with a spinner
    slow.release();
    await settle();
    await settle();
    expect(bridge.invokes('getIssueSummary')).toHaveLength(3); // the first render, the refresh, one more for the burst
    expect(textOf(bridge.doc())).toContain('4 tests · Pass 3 · Fail 1 · Blocked 0');
  });

  it('Retry fetches again', async () => {
    bridge.answers.getIssueSummary = { ok: false, error: { code: 'UNAVAILABLE', message: 'TestKase could not be reached. Nothing was changed; try again in a moment.' } };
    const doc = await mount();
    expect(textOf(doc)).toContain('TestKase could not be reached.');
    bridge.answers.getIssueSummary = { ok: true, data: ready() };
    await fire(button(doc, 'Retry'));
    await settle();
    expect(bridge.invokes('getIssueSummary')).toHaveLength(2);
    expect(textOf(bridge.doc())).toContain('4 tests');
  });

  it('takes a person without a token to the global page', async () => {
    bridge.answers.getIssueSummary = { ok: true, data: noConfig() };
    await fire(button(await mount(), 'Open TestKase settings'));
    expect(bridge.calls.filter((c) => c.command === 'navigate').map((c) => c.payload)).toEqual([{ target: 'module', moduleKey: 'testkase-global-page', type: 'same-tab' }]);
  });

  it('asks the panel to come into view', async () => {
    bridge.answers.getIssueSummary = { ok: true, data: ready() };
    await fire(button(await mount(), 'Open test cases'));
    expect(bridge.calls.filter((c) => c.command === 'emit' && (c.payload as { event: string }).event === SHOW_PANEL_EVENT).map((c) => c.payload)).toEqual([{ event: SHOW_PANEL_EVENT, payload: {} }]);
  });

  it('shows a plain sentence when the call fails or answers something else, never a stack or raw data', async () => {
    delete bridge.answers.getIssueSummary; // the fake bridge rejects the invoke
    expect(textOf(await mount())).toContain('The TestKase app did not answer. Check your connection and try again.');
    bridge.reset();
    bridge.answers.getIssueSummary = { rows: [1, 2, 3] };
    const doc = await mount();
    expect(textOf(doc)).toContain('The TestKase app sent an answer it could not read.');
    expect(textOf(doc)).not.toMatch(/rows|\{|Error/);
  });

  it('shows dates only once the user’s timezone is known', async () => {
    const context = held({ timezone: 'Asia/Tokyo', locale: 'en-US' });
    bridge.context = context.answer() as never;
    bridge.answers.getIssueSummary = { ok: true, data: ready() };
    const before = await mount();
    expect(textOf(before)).toBe('Loading test status…');
    context.release();
    await settle(); // the context arrives (act runs the effects it queued when it ends)
    await noPanel();
    expect(textOf(bridge.doc())).toContain('Alice Martin · Nov 22, 2026, 11:05 PM');
  });
});

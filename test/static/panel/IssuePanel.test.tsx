// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '../testing-library';

vi.mock('@forge/bridge', () => import('../bridgeMock'));
import { callsOf, invoke, navigate, routeInvoke } from '../bridgeMock';
import IssuePanel from '../../../static/src/panel/IssuePanel';
import { SLOW_AFTER_MS } from '../../../static/src/components/Spinner';
import type { ConnectionView, PatSavedReason } from '../../../src/shared/definitions';
import { connectionView } from '../../../src/resolvers/state-messages';
import { cycle, cycles as cycleList, panelCtx, panelState } from '../fixtures';

beforeEach(() => {
  invoke.mockReset();
  navigate.mockClear();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const notReady = (connection: ConnectionView) => panelState({ connection, linked: null });
// The backend's own words for each state (the UI shows them as they come).
const saved = (reason: PatSavedReason, retryAfterSeconds?: number): ConnectionView =>
  connectionView(retryAfterSeconds === undefined ? { kind: 'PAT_SAVED', reason } : { kind: 'PAT_SAVED', reason, retryAfterSeconds }, { module: 'ISSUE_PANEL', jiraProjectKey: 'DEMO' });
const noConfig = connectionView({ kind: 'NO_CONFIG' }, { module: 'ISSUE_PANEL', jiraProjectKey: 'DEMO' });

describe('IssuePanel states', () => {
  it('NO_CONFIG: warns and opens the global page, naming the issue to come back to', async () => {
    routeInvoke({ getState: () => ({ ok: true, data: notReady(noConfig) }) });
    render(<IssuePanel ctx={panelCtx} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Personal Access Token/);
    fireEvent.click(within(alert).getByRole('button', { name: 'Open TestKase settings' }));
    expect(navigate).toHaveBeenCalledWith('/jira/apps/app-123/env-456?returnTo=DEMO-1');
  });

  it('TOKEN_REJECTED: asks to re-enter the token, with the settings button', async () => {
    routeInvoke({ getState: () => ({ ok: true, data: notReady(saved('TOKEN_REJECTED')) }) });
    render(<IssuePanel ctx={panelCtx} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/rejected your token/);
    expect(alert.textContent).toMatch(/revoked or have expired/);
    fireEvent.click(within(alert).getByRole('button', { name: 'Open TestKase settings' }));
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it.each(['PROJECT_NOT_MAPPED', 'MAPPING_LOST'] as const)('%s: asks a TestKase admin to connect the project, no buttons', async (reason) => {
    routeInvoke({ getState: () => ({ ok: true, data: notReady(saved(reason)) }) });
    render(<IssuePanel ctx={panelCtx} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/DEMO/);
    expect(alert.textContent).toMatch(/TestKase admin to connect it( again)? in TestKase Settings → Jira Integration/);
    expect(within(alert).queryByRole('button')).toBeNull();
  });

  it('NO_PROJECT_ACCESS: explains membership', async () => {
    routeInvoke({ getState: () => ({ ok: true, data: notReady(saved('NO_PROJECT_ACCESS')) }) });
    render(<IssuePanel ctx={panelCtx} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Ask a TestKase admin to add you/);
  });

  it.each([
    ['TESTKASE_UNAVAILABLE', undefined, /could not be reached/],
    ['RATE_LIMITED', 30, /Wait 30 seconds/],
  ] as const)('%s: offers Retry, which calls getState again and can recover', async (reason, retryAfter, text) => {
    let n = 0;
    routeInvoke({ getState: () => ({ ok: true, data: ++n === 1 ? notReady(saved(reason, retryAfter)) : panelState() }) });
    render(<IssuePanel ctx={panelCtx} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(text);
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('tablist')).toBeTruthy();
    expect(callsOf('getState')).toHaveLength(2);
  });

  it('a failed getState shows the backend sentence (not JSON) and a Retry', async () => {
    routeInvoke({ getState: () => ({ ok: false, error: { code: 'STORAGE', message: 'Your settings could not be read. Try again.' } }) });
    render(<IssuePanel ctx={panelCtx} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your settings could not be read. Try again.');
    expect(alert.textContent).not.toContain('{');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});

describe('IssuePanel READY', () => {
  it('renders the first screen from one getState call, and fetches cycles only when that tab opens', async () => {
    routeInvoke({
      getState: () => ({ ok: true, data: panelState() }),
      listCycles: () => ({ ok: true, data: cycleList([cycle(1), cycle(2)]) }),
    });
    render(<IssuePanel ctx={panelCtx} />);
    const cases = await screen.findByRole('tab', { name: 'Test Cases' });
    const cycles = screen.getByRole('tab', { name: 'Test Cycles' });
    expect(cases.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('Login works 1')).toBeTruthy();
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith('getState');

    fireEvent.keyDown(cases, { key: 'ArrowRight' });
    expect(cycles.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('button', { name: 'Open cycle Sprint 2' })).toBeTruthy();
    expect(callsOf('listCycles')).toHaveLength(1);

    // Going back keeps both tabs' state: no refetch.
    fireEvent.keyDown(cycles, { key: 'Home' });
    expect(cases.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(cases, { key: 'End' });
    expect(callsOf('listCycles')).toHaveLength(1);
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  it('fetches the linked list itself if getState did not include it', async () => {
    routeInvoke({
      getState: () => ({ ok: true, data: panelState({ linked: null }) }),
      listLinkedTests: () => ({ ok: true, data: { items: [], total: 0, counts: { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 } } }),
    });
    render(<IssuePanel ctx={panelCtx} />);
    expect(await screen.findByText('No test cases are linked to DEMO-1 yet.')).toBeTruthy();
    expect(callsOf('listLinkedTests')).toHaveLength(1);
  });

  it('shows a linked-list error from getState with a Retry', async () => {
    routeInvoke({
      getState: () => ({ ok: true, data: panelState({ linked: { ok: false, error: { code: 'UNAVAILABLE', message: 'TestKase could not be reached.' } } }) }),
      listLinkedTests: () => ({ ok: true, data: { items: [], total: 0, counts: { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 } } }),
    });
    render(<IssuePanel ctx={panelCtx} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('TestKase could not be reached.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No test cases are linked to DEMO-1 yet.')).toBeTruthy();
  });
});

describe('IssuePanel waiting', () => {
  it('says it is still working once a load takes longer than 3 seconds', async () => {
    vi.useFakeTimers();
    routeInvoke({ getState: () => new Promise(() => undefined) });
    render(<IssuePanel ctx={panelCtx} />);
    expect(screen.queryByText(/Still working/)).toBeNull();
    await vi.advanceTimersByTimeAsync(SLOW_AFTER_MS - 1);
    expect(screen.queryByText(/Still working/)).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(screen.getByText('Still working: TestKase is taking longer than usual to answer.')).toBeTruthy();
  });

  it('a call that never answers ends with the timeout sentence and a Retry', async () => {
    vi.useFakeTimers();
    routeInvoke({ getState: () => new Promise(() => undefined) });
    render(<IssuePanel ctx={panelCtx} />);
    await vi.advanceTimersByTimeAsync(30_001);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/did not answer within 30 seconds/);
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});

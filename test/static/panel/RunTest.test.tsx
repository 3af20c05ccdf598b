// @vitest-environment jsdom
/** Running a linked test case from its row: the cycle, the last result, the result, steps, bugs, and Report bug. */
import { describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '../testing-library';

vi.mock('@forge/bridge', () => import('../bridgeMock'));
vi.mock('@forge/jira-bridge', () => import('../jiraBridgeMock'));
import { callsOf, invoke, routeInvoke, type Handlers } from '../bridgeMock';
import { closeCreate, createOpened } from '../jiraBridgeMock';
import type { JiraIssueInfo } from '../../../src/shared/definitions';
import IssuePanel from '../../../static/src/panel/IssuePanel';
import type { Execution, ExecutePayload } from '../../../src/shared/definitions';
import { cycle, cycleRows, cycles, detail, execution, linked, panelCtx, panelState, testCase } from '../fixtures';
import { freshPanelEachTest } from './fresh-panel';

freshPanelEachTest();

const sprint = cycle(3, { name: 'Sprint 3', environment: 'Staging' });
const older = cycle(2, { name: 'Sprint 2' });
const master = cycle(1);
const lastFail = execution('TC-2', {
  cycleId: 'TCYCLE-3',
  status: 'FAIL',
  comment: 'Total wrong after re-entering the code',
  executedBy: { id: 'a', name: 'Alice' },
  executedAt: '2026-11-05T10:00:00Z',
  recordedBy: { id: 'a', name: 'Alice' },
  recordedAt: '2026-11-05T10:00:00Z',
});
const recorded = (p: ExecutePayload): Execution =>
  execution(p.testCaseId, {
    id: 'EX-NEW',
    cycleId: p.cycleId,
    status: p.status,
    comment: p.comment ?? null,
    defects: p.defects ?? [],
    stepResults: (p.stepResults ?? []).map((s) => ({ order: s.order, status: s.status, actualResult: s.actualResult ?? null })),
    ...(p.status === 'NOT_EXECUTED' ? {} : { executedBy: { id: 'b', name: 'Bob' }, executedAt: '2026-11-23T10:00:00Z' }),
  });

async function openRun(handlers: Handlers = {}) {
  routeInvoke({
    getState: () => ({ ok: true, data: panelState({ linked: { ok: true, data: linked([testCase(1), testCase(2, { title: 'Apply a percentage discount code' })]) } }) }),
    // Most recently active first, as the backend sorts them; the master cycle is not the default.
    listCycles: (p) => ({ ok: true, data: p.containing ? cycles([master, sprint, older]) : cycles([master, sprint, older, cycle(4, { name: 'Sprint 4' })]) }),
    listCycleExecutions: (p) => ({ ok: true, data: cycleRows(sprint, p.cycleId === 'TCYCLE-3' ? [lastFail] : []) }),
    getTestCase: () => ({ ok: true, data: detail(2) }),
    executeTest: (p) => ({ ok: true, data: recorded(p) }),
    // Jira (as the tester): every key named is a bug of this project, unless a test says otherwise.
    getJiraIssues: (p) => ({ ok: true, data: { items: p.refs.map((ref) => ({ ref, issue: bug(ref.toUpperCase()) })) } }),
    ...handlers,
  });
  render(<IssuePanel ctx={panelCtx} />);
  await screen.findByRole('tablist');
  fireEvent.click(screen.getByRole('button', { name: 'Run TC-2' }));
  const form = await screen.findByRole('form', { name: 'Run TC-2' });
  await within(form).findByText(/Last result in Sprint 3/);
  return form;
}

describe('Run from the Test Cases tab', () => {
  it('defaults to the most recently active non-master cycle holding the case, shows its last result and comment, and preselects no result', async () => {
    const form = await openRun();
    // The cycles holding it and the project's others, asked at once: the choice is offered when both are known.
    expect(callsOf('listCycles')).toEqual([{ containing: 'TC-2' }, {}]);
    expect(within(form).getByLabelText<HTMLSelectElement>('Test cycle').value).toBe('TCYCLE-3');
    expect(within(form).getByText('Total wrong after re-entering the code')).toBeTruthy();
    expect(within(form).getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toEqual([]);
    // Saving without a result is refused; nothing is recorded.
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    expect(within(form).getByRole('alert').textContent).toBe('Choose a result.');
    expect(callsOf('executeTest')).toHaveLength(0);
    // The last comment is not lost: it can be carried over into the new result.
    fireEvent.click(within(form).getByRole('button', { name: 'Copy this comment into the new result' }));
    expect(within(form).getByLabelText<HTMLTextAreaElement>('Comment (optional)').value).toBe('Total wrong after re-entering the code');
  });

  it('records the result with a comment and bug keys, and updates the row in place without reloading the list', async () => {
    const form = await openRun();
    fireEvent.click(within(form).getByLabelText('Blocked'));
    fireEvent.change(within(form).getByLabelText('Comment (optional)'), { target: { value: ' Coupon service down\nRetry tomorrow ' } });
    fireEvent.change(within(form).getByLabelText('Bugs (optional)'), { target: { value: 'demo-7, DEMO-8 DEMO-7' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    expect(await screen.findByText('Saved Blocked for TC-2 in Sprint 3.')).toBeTruthy();
    expect(callsOf('executeTest')).toEqual([{ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), cycleId: 'TCYCLE-3', testCaseId: 'TC-2', status: 'BLOCKED', comment: 'Coupon service down\nRetry tomorrow', defects: ['DEMO-7', 'DEMO-8'] }]);
    const row = document.querySelector('li[data-case="TC-2"] .case-meta')!;
    expect(row.textContent).toContain('Blocked');
    expect(callsOf('listLinkedTests')).toHaveLength(0);
    expect(screen.getByRole('img', { name: /Latest results/ }).getAttribute('aria-label')).toBe('Latest results: Not Executed 1, Blocked 1');
  });

  it('refuses bug keys that are not Jira keys, quoting them as typed, with focus on the field', async () => {
    const form = await openRun();
    fireEvent.click(within(form).getByLabelText('Fail'));
    const field = within(form).getByLabelText('Bugs (optional)');
    fireEvent.change(field, { target: { value: 'DEMO-7, not a key' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('not, a, key are not Jira issue keys (like DEMO-12).');
    expect((field as HTMLInputElement).value).toBe('DEMO-7, not a key');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(callsOf('executeTest')).toHaveLength(0);
  });

  it('checks bug keys with Jira: no such issue is refused; a story of another project is flagged with what it is and saved only when saved again', async () => {
    const form = await openRun({
      getJiraIssues: (p) => ({
        ok: true,
        data: {
          items: p.refs.map((ref) => ({
            ref,
            issue: ref === 'DEMO-99999' ? null : ref === 'OTHER-1' ? bug('OTHER-1', { type: 'Story', isBug: false, inThisProject: false, project: { key: 'OTHER', name: 'Other project' } }) : bug(ref),
          })),
        },
      }),
    });
    fireEvent.click(within(form).getByLabelText('Fail'));
    const field = within(form).getByLabelText('Bugs (optional)');
    fireEvent.change(field, { target: { value: 'demo-99999' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('DEMO-99999 is not an issue you can see in Jira: no such issue, or you may not browse it. Check the key.');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect((field as HTMLInputElement).value).toBe('demo-99999');
    fireEvent.change(field, { target: { value: 'other-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('OTHER-1 is a Story in Other project (OTHER), not a bug. Save again to record it anyway, or change the key.');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(callsOf('executeTest')).toHaveLength(0);
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    expect(await screen.findByText('Saved Fail for TC-2 in Sprint 3.')).toBeTruthy();
    expect(callsOf('executeTest')).toEqual([{ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), cycleId: 'TCYCLE-3', testCaseId: 'TC-2', status: 'FAIL', defects: ['OTHER-1'] }]);
  });

  it('step by step: the overall result is derived (any Fail → Fail), can be overridden, and the steps are saved with it', async () => {
    const form = await openRun();
    fireEvent.click(within(form).getByLabelText('Record each step (2 steps)'));
    const step = (n: number) => within(form).getByRole('group', { name: `Step ${n} result` });
    const overall = within(form).getByRole('group', { name: 'Overall result' });
    fireEvent.click(within(step(1)).getByLabelText('Pass'));
    expect(within(overall).getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toEqual([]);
    fireEvent.click(within(step(2)).getByLabelText('Fail'));
    expect(within(overall).getByLabelText<HTMLInputElement>('Fail').checked).toBe(true);
    fireEvent.change(within(form).getByLabelText('Step 2 actual result (optional)'), { target: { value: ' Error 500 ' } });
    // Overridden, then back to the steps' result.
    fireEvent.click(within(overall).getByLabelText('Blocked'));
    expect(within(overall).getByLabelText<HTMLInputElement>('Blocked').checked).toBe(true);
    fireEvent.click(within(form).getByRole('button', { name: 'Use the steps’ result (Fail)' }));
    expect(within(overall).getByLabelText<HTMLInputElement>('Fail').checked).toBe(true);
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    await screen.findByText('Saved Fail for TC-2 in Sprint 3.');
    expect(callsOf('executeTest')).toEqual([
      { requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), cycleId: 'TCYCLE-3', testCaseId: 'TC-2', status: 'FAIL', stepResults: [{ order: 1, status: 'PASS' }, { order: 2, status: 'FAIL', actualResult: 'Error 500' }] },
    ]);
  });

  it('step by step: a Pass chosen over a failed step is sent as the tester’s explicit override', async () => {
    const form = await openRun();
    fireEvent.click(within(form).getByLabelText('Record each step (2 steps)'));
    const step = (n: number) => within(form).getByRole('group', { name: `Step ${n} result` });
    fireEvent.click(within(step(1)).getByLabelText('Fail'));
    fireEvent.click(within(step(2)).getByLabelText('Fail'));
    fireEvent.click(within(within(form).getByRole('group', { name: 'Overall result' })).getByLabelText('Pass'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    await screen.findByText('Saved Pass for TC-2 in Sprint 3.');
    expect(callsOf('executeTest')).toEqual([
      { requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), cycleId: 'TCYCLE-3', testCaseId: 'TC-2', status: 'PASS', stepResults: [{ order: 1, status: 'FAIL' }, { order: 2, status: 'FAIL' }], overridesSteps: true },
    ]);
  });

  it('records in the other cycle shown, adding the case to it first on Save; with none chosen, Save refuses in a sentence', async () => {
    const form = await openRun({
      addToCycle: (p) => ({ ok: true, data: { added: p.testCaseIds, alreadyInCycle: [] } }),
    });
    fireEvent.change(within(form).getByLabelText('Test cycle'), { target: { value: '__add' } });
    fireEvent.click(within(form).getByLabelText('Pass'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    expect(within(form).getByRole('alert').textContent).toBe('Choose the cycle to add TC-2 to, or choose a cycle it is already in.');
    expect(callsOf('addToCycle')).toHaveLength(0);
    expect(callsOf('executeTest')).toHaveLength(0);
    fireEvent.change(await within(form).findByLabelText('Add TC-2 to'), { target: { value: 'TCYCLE-4' } });
    expect(within(form).getByText('Saving adds TC-2 to Sprint 4 first, then records the result there.')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    expect(await screen.findByText('Saved Pass for TC-2 in Sprint 4.')).toBeTruthy();
    expect(callsOf('addToCycle')).toEqual([{ cycleId: 'TCYCLE-4', testCaseIds: ['TC-2'] }]);
    expect(callsOf('executeTest')).toEqual([expect.objectContaining({ cycleId: 'TCYCLE-4', testCaseId: 'TC-2', status: 'PASS' })]);
  });

  it('does not offer "Add it to another cycle…" when every cycle already holds the case', async () => {
    const form = await openRun({ listCycles: () => ({ ok: true, data: cycles([master, sprint, older]) }) });
    expect(within(form).queryByRole('option', { name: 'Add it to another cycle…' })).toBeNull();
  });

  it('Save before the cycles are shown says they are still loading', async () => {
    routeInvoke({
      getState: () => ({ ok: true, data: panelState({ linked: { ok: true, data: linked([testCase(1), testCase(2)]) } }) }),
      listCycles: () => new Promise(() => undefined),
      getTestCase: () => ({ ok: true, data: detail(2) }),
    });
    render(<IssuePanel ctx={panelCtx} />);
    await screen.findByRole('tablist');
    fireEvent.click(screen.getByRole('button', { name: 'Run TC-2' }));
    const form = await screen.findByRole('form', { name: 'Run TC-2' });
    fireEvent.click(within(form).getByLabelText('Pass'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    expect(within(form).getByRole('alert').textContent).toBe('The test cycles are still loading. Save again once they are shown.');
  });

  it('Esc closes the form and focus returns to Run', async () => {
    const form = await openRun();
    fireEvent.keyDown(within(form).getByLabelText('Comment (optional)'), { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Run TC-2' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Run TC-2' })));
  });

  it('Run next: a cycle that could not be read says so, and Retry finds the next test case to run', async () => {
    let fail = false;
    const form = await openRun({
      listCycleExecutions: (p) =>
        fail
          ? { ok: false, error: { code: 'UNAVAILABLE', message: 'TestKase could not be reached.' } }
          : { ok: true, data: cycleRows(sprint, p.cycleId === 'TCYCLE-3' ? [lastFail, execution('TC-1', { cycleId: 'TCYCLE-3' })] : []) },
    });
    fail = true;
    fireEvent.click(within(form).getByLabelText('Pass'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    const said = await screen.findByText('Which test case to run next in Sprint 3 could not be loaded.');
    fail = false;
    fireEvent.click(within(said).getByRole('button', { name: 'Retry' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Run next: TC-1' }));
    expect(await screen.findByRole('form', { name: 'Run TC-1' })).toBeTruthy();
  });
});

describe('Report bug after a Fail', () => {
  it('opens Jira’s Create Issue dialog prefilled on the Bug type, and records the created key on the result', async () => {
    const form = await openRun({
      addDefect: (p) => ({ ok: true, data: { ...recorded({ cycleId: p.cycleId, testCaseId: 'TC-2', status: 'FAIL' }), defects: [p.issueKey] } }),
      getBugIssueType: () => ({ ok: true, data: { issueTypeId: '10001' } }),
      getJiraIssues: (p) => ({ ok: true, data: { items: p.refs.map((ref) => ({ ref, issue: bug('DEMO-42') })) } }),
    });
    fireEvent.click(within(form).getByLabelText('Record each step (2 steps)'));
    fireEvent.click(within(within(form).getByRole('group', { name: 'Step 1 result' })).getByLabelText('Pass'));
    fireEvent.click(within(within(form).getByRole('group', { name: 'Step 2 result' })).getByLabelText('Fail'));
    fireEvent.change(within(form).getByLabelText('Step 2 actual result (optional)'), { target: { value: 'Error 500' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    const report = await screen.findByRole('button', { name: 'Report bug for TC-2' });
    expect(callsOf('getBugIssueType')).toHaveLength(0); // asked when Report bug is used, not on load
    fireEvent.click(report);
    await waitFor(() => expect(createOpened).toHaveBeenCalledTimes(1));
    expect(callsOf('getBugIssueType')).toEqual([undefined]); // no payload: the backend takes the project from the Forge context
    const { context } = createOpened.mock.calls[0]![0];
    expect(context).toMatchObject({ projectId: '10000', issueTypeId: '10001', summary: '[TC-2] Apply a percentage discount code fails' });
    const text = JSON.stringify(context!.description);
    expect(text).toContain('Sign in');
    expect(text).toContain('The dashboard opens');
    expect(text).toContain('Fail: Error 500');
    expect(text).toContain('Sprint 3');
    expect(text).toContain('Staging');
    // Jira's onClose names the new issue's id only: its key is asked of Jira (as the tester).
    closeCreate([{ issueId: '10042' }]);
    expect(await screen.findByText('Created DEMO-42 and recorded it on this result.')).toBeTruthy();
    expect(callsOf('getJiraIssues')).toEqual([{ refs: ['10042'] }]);
    expect(callsOf('addDefect')).toEqual([{ cycleId: 'TCYCLE-3', testCaseId: 'TC-2', executionId: 'EX-NEW', issueKey: 'DEMO-42' }]);
    expect(screen.getByRole('button', { name: 'DEMO-42' })).toBeTruthy();
  });

  it('opens on the project’s default type when it has no Bug type or Jira cannot say', async () => {
    for (const getBugIssueType of [() => ({ ok: true as const, data: { issueTypeId: null } }), () => ({ ok: false as const, error: { code: 'UNAVAILABLE' as const, message: 'Jira could not say.' } })]) {
      createOpened.mockReset();
      const form = await openRun({ getBugIssueType });
      fireEvent.click(within(form).getByLabelText('Fail'));
      fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
      fireEvent.click(await screen.findByRole('button', { name: 'Report bug for TC-2' }));
      await waitFor(() => expect(createOpened).toHaveBeenCalledTimes(1));
      expect(createOpened.mock.calls[0]![0].context).not.toHaveProperty('issueTypeId');
      closeCreate([]);
      cleanup();
      invoke.mockReset();
    }
  });

  it('when Jira cannot say the new issue’s key, says so and the tester types it: checked with Jira, then recorded', async () => {
    let jiraUp = false;
    const form = await openRun({
      addDefect: (p) => ({ ok: true, data: { ...recorded({ cycleId: p.cycleId, testCaseId: 'TC-2', status: 'FAIL' }), defects: [p.issueKey] } }),
      getJiraIssues: (p) => (jiraUp ? { ok: true, data: { items: p.refs.map((ref) => ({ ref, issue: bug(ref.toUpperCase()) })) } } : { ok: false, error: { code: 'UNAVAILABLE', message: 'Jira could not say.' } }),
    });
    fireEvent.click(within(form).getByLabelText('Fail'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Report bug for TC-2' }));
    await waitFor(() => expect(createOpened).toHaveBeenCalled());
    closeCreate([{ issueId: '10042' }]);
    expect(await screen.findByText('Jira created the bug but could not say its key. Type its key below to record it on this result.')).toBeTruthy();
    const key = screen.getByLabelText('Bug key');
    await waitFor(() => expect(document.activeElement).toBe(key));
    expect(callsOf('addDefect')).toHaveLength(0);
    jiraUp = true;
    fireEvent.change(key, { target: { value: 'demo-42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add bug to result' }));
    expect(await screen.findByText('Recorded DEMO-42 on this result.')).toBeTruthy();
    expect(callsOf('getJiraIssues').at(-1)).toEqual({ refs: ['DEMO-42'] });
    expect(callsOf('addDefect')).toEqual([{ cycleId: 'TCYCLE-3', testCaseId: 'TC-2', executionId: 'EX-NEW', issueKey: 'DEMO-42' }]);
  });

  it('a cancelled dialog records nothing', async () => {
    const form = await openRun();
    fireEvent.click(within(form).getByLabelText('Fail'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Report bug for TC-2' }));
    await waitFor(() => expect(createOpened).toHaveBeenCalled());
    closeCreate([]);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Report bug for TC-2' })).toHaveProperty('disabled', false));
    expect(callsOf('addDefect')).toHaveLength(0);
    // Focus is back on Report bug (disabled while the dialog was open, so it had lost it).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Report bug for TC-2' })));
  });
});

/** What Jira says a bug of this issue's project is (getJiraIssues). */
function bug(key: string, over: Partial<JiraIssueInfo> = {}): JiraIssueInfo {
  return { id: '10042', key, summary: 'Discount applied twice', status: 'To Do', statusCategory: 'new', type: 'Bug', isBug: true, project: { key: 'DEMO', name: 'Demo' }, inThisProject: true, ...over };
}

// @vitest-environment jsdom
/**
 * Several selected test cases at once: the selection is what is shown (50 of 120 rows), added in one
 * request; one result recorded for all, each cycle saying how much of the selection it holds, the
 * outcome summarised per reason, and the list read again afterwards (executeMany answers ids only).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '../testing-library';

vi.mock('@forge/bridge', () => import('../bridgeMock'));
import { callsOf, invoke, routeInvoke, type Handlers } from '../bridgeMock';
import IssuePanel from '../../../static/src/panel/IssuePanel';
import { cycle, cycles, execution, linked, panelCtx, panelState, testCase } from '../fixtures';

// The bar is a lazy chunk. Loaded here, under the hook's limit, so the waits below cover the UI and not
// Vitest transforming the chunk on first use: in a full `npm test` at load average 19 the wait for the
// bar ran out at 20 s while this file alone takes 2.7 s (the transform is the likely cost, not measured apart).
beforeAll(async () => {
  await import('../../../static/src/panel/bulk/BulkBar');
});

beforeEach(() => {
  invoke.mockReset();
});
afterEach(cleanup);

const many = Array.from({ length: 120 }, (_, i) => testCase(i + 1));

async function renderWith(handlers: Handlers) {
  routeInvoke({
    getState: () => ({ ok: true, data: panelState({ linked: { ok: true, data: linked(many) } }) }),
    listCycles: () => ({ ok: true, data: cycles([cycle(2), cycle(1)]) }),
    listCyclesHolding: (p) => ({ ok: true, data: { items: [{ cycleId: 'TCYCLE-2', held: 1 }, { cycleId: 'TCYCLE-1', held: p.testCaseIds.length }] } }),
    ...handlers,
  });
  render(<IssuePanel ctx={panelCtx} />);
  await screen.findByRole('tablist');
}

describe('bulk actions', () => {
  it('selects the 50 rows shown (not the 70 not shown yet), adds them to a cycle in one request and reports one outcome', async () => {
    await renderWith({
      addToCycle: (p) => ({ ok: true, data: { added: p.testCaseIds.slice(1), alreadyInCycle: p.testCaseIds.slice(0, 1) } }),
      listLinkedTests: () => ({ ok: true, data: linked(many) }),
    });
    fireEvent.click(screen.getByLabelText('Select all 50 shown'));
    fireEvent.click(await screen.findByRole('button', { name: 'Add 50 to a cycle' }));
    const form = await screen.findByRole('form', { name: 'Add 50 to a cycle' });
    expect(within(form).getByRole('option', { name: /^Sprint 2 .*holds 1 of 50$/ })).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Add 50' }));
    expect(within(form).getByRole('alert').textContent).toBe('Choose a test cycle.');
    fireEvent.change(within(form).getByLabelText('Test cycle'), { target: { value: 'TCYCLE-2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add 50' }));
    expect(await screen.findByText('Added 49 test cases to Sprint 2. 1 was already in it.')).toBeTruthy();
    expect(callsOf('addToCycle')).toEqual([{ cycleId: 'TCYCLE-2', testCaseIds: many.slice(0, 50).map((t) => t.id) }]);
    expect(screen.queryByRole('button', { name: /Add all/ })).toBeNull();
  });

  it('records one result for the selection, says which were not recorded, and reads the list again', async () => {
    let recordedTc1 = false;
    await renderWith({
      executeMany: (p) => {
        recordedTc1 = true;
        return {
          ok: true,
          data: {
            recorded: p.testCaseIds.slice(0, 1).map((id) => ({ testCaseId: id, executionId: 'EX-9', status: p.status })),
            added: [],
            failed: [{ reason: 'NOT_IN_CYCLE', testCaseIds: ['TC-2'], message: 'Not in this cycle, so not recorded: TC-2. Add them to the cycle first.' }],
          },
        };
      },
      listLinkedTests: () => {
        const ex = execution('TC-1', { status: 'PASS', executedBy: { id: 'b', name: 'Bob' }, executedAt: '2026-11-23T10:00:00Z' });
        const latest = { status: ex.status, cycleId: ex.cycleId, executedAt: ex.executedAt!, executedBy: ex.executedBy! };
        return { ok: true, data: linked(many.map((t) => (t.id === 'TC-1' && recordedTc1 ? { ...t, latestExecution: latest } : t))) };
      },
    });
    fireEvent.click(screen.getByLabelText('Select TC-1'));
    fireEvent.click(screen.getByLabelText('Select TC-2'));
    fireEvent.click(await screen.findByRole('button', { name: 'Record a result for 2' }));
    const form = await screen.findByRole('form', { name: 'Record a result for 2' });
    fireEvent.change(within(form).getByLabelText('Test cycle'), { target: { value: 'TCYCLE-2' } });
    // Sprint 2 holds 1 of the 2: "add the other first" is offered, checked; this test records without it.
    fireEvent.click(within(form).getByLabelText('Add the 1 not in this cycle first'));
    fireEvent.click(within(form).getByRole('button', { name: 'Record for 2' }));
    expect(within(form).getByRole('alert').textContent).toBe('Choose a result.');
    fireEvent.click(within(form).getByLabelText('Pass'));
    fireEvent.change(within(form).getByLabelText('Comment (optional)'), { target: { value: 'Smoke' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record for 2' }));
    expect(await screen.findByText('Recorded Pass for 1 of 2 in Sprint 2.')).toBeTruthy();
    expect(screen.getByText('Not in this cycle, so not recorded: TC-2. Add them to the cycle first.')).toBeTruthy();
    expect(callsOf('executeMany')).toEqual([{ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), cycleId: 'TCYCLE-2', testCaseIds: ['TC-1', 'TC-2'], status: 'PASS', comment: 'Smoke' }]);
    await vi.waitFor(() => expect(document.querySelector('li[data-case="TC-1"] .case-meta')!.textContent).toContain('Pass'));
    expect(document.querySelector('li[data-case="TC-2"] .case-meta')!.textContent).toContain('Not Executed');
  });

  it('after an answer that did not come, recording again sends the same request (nothing is recorded twice) and says it is safe', async () => {
    let calls = 0;
    await renderWith({
      executeMany: (p) => {
        calls += 1;
        if (calls === 1) return { ok: false, error: { code: 'UNAVAILABLE', message: 'The TestKase app did not answer within 30 seconds.' } };
        return { ok: true, data: { recorded: p.testCaseIds.map((id) => ({ testCaseId: id, executionId: `EX-${id}`, status: p.status })), added: [], failed: [] } };
      },
      listLinkedTests: () => ({ ok: true, data: linked(many) }),
    });
    fireEvent.click(screen.getByLabelText('Select TC-1'));
    fireEvent.click(await screen.findByRole('button', { name: 'Record a result for 1' }));
    const form = await screen.findByRole('form', { name: 'Record a result for 1' });
    fireEvent.change(within(form).getByLabelText('Test cycle'), { target: { value: 'TCYCLE-1' } });
    fireEvent.click(within(form).getByLabelText('Pass'));
    fireEvent.click(within(form).getByRole('button', { name: 'Record for 1' }));
    expect(await within(form).findByText('Saving again is safe: a result TestKase already recorded is not recorded twice.')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Record for 1' }));
    expect(await screen.findByText('Recorded Pass for 1 of 1 in Master.')).toBeTruthy();
    const [first, second] = callsOf('executeMany') as Array<{ requestId: string }>;
    expect(second!.requestId).toBe(first!.requestId);
  });
});

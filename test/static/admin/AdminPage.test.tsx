// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '../testing-library';

vi.mock('@forge/bridge', () => import('../bridgeMock'));
import { callsOf, invoke, routeInvoke, type Handlers } from '../bridgeMock';
import AdminPage from '../../../static/src/admin/AdminPage';
import type { AdminConnection, AdminConnectionsPage, AuditEntry, AuditPage, CheckProgress } from '../../../src/shared/definitions';
import { adminCtx } from '../fixtures';

const NOW = new Date('2026-11-23T12:00:00Z');

function connection(name: string, over: Partial<AdminConnection> = {}): AdminConnection {
  const id = name.toLowerCase();
  return {
    accountId: `acc-${id}`,
    jiraUser: { accountId: `acc-${id}`, displayName: `${name} Jira`, avatarUrl: `https://avatars.example/${id}.png`, active: true },
    testkaseUser: { id, name: `${name} TestKase`, email: `${id}@acme.example` },
    tokenName: `Laptop of ${id}`,
    preview: `tk_pat_${id.slice(0, 4)}…`,
    savedAt: '2026-11-01T10:00:00Z',
    lastValidatedAt: '2026-11-20T10:00:00Z',
    lastCheckedAt: '2026-11-20T10:00:00Z',
    lastUsedAt: '2026-11-22T10:00:00Z',
    expiresAt: '2027-06-01T00:00:00Z',
    health: 'WORKING',
    expiringSoon: false,
    ...over,
  };
}

function page(rows: AdminConnection[], over: Partial<AdminConnectionsPage> = {}): AdminConnectionsPage {
  const counts = { ALL: rows.length, WORKING: 0, REJECTED: 0, EXPIRED: 0, NOT_CHECKED: 0, EXPIRING_SOON: 0 };
  for (const r of rows) {
    counts[r.health] += 1;
    if (r.expiringSoon) counts.EXPIRING_SOON += 1;
  }
  return { rows, counts, matched: rows.length, page: 1, pageSize: 25, usersKnown: true, ...over };
}

const ROWS = [
  connection('Alice'),
  connection('Bob', { health: 'REJECTED', lastCheckResult: undefined } as Partial<AdminConnection>),
  connection('Gina', { expiresAt: '2026-11-30T00:00:00Z', expiringSoon: true }),
];
const EMPTY_AUDIT: AuditPage = { entries: [], nextCursor: null };

function renderPage(handlers: Handlers = {}) {
  routeInvoke({ adminListConnections: () => ({ ok: true, data: page(ROWS) }), adminAuditLog: () => ({ ok: true, data: EMPTY_AUDIT }), ...handlers });
  return render(<AdminPage ctx={adminCtx} now={() => NOW} />);
}
const rowOf = (name: string) => screen.getByText(`${name} Jira`).closest('tr')!;

beforeEach(() => {
  invoke.mockReset();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Admin page: the listing', () => {
  it('shows each connection with its Jira user, TestKase user, token preview, dates and state', async () => {
    const { container } = renderPage();
    await screen.findByText('Alice Jira');
    expect(screen.getByRole('heading', { level: 1, name: 'TestKase connections' })).toBeTruthy();
    const alice = within(rowOf('Alice'));
    expect(alice.getByText('Alice TestKase')).toBeTruthy();
    expect(alice.getByText('alice@acme.example')).toBeTruthy();
    expect(alice.getByText('tk_pat_alic…')).toBeTruthy();
    expect(alice.getByText('Laptop of alice')).toBeTruthy();
    expect(alice.getByText('Working')).toBeTruthy();
    expect(alice.getByText('Nov 22, 2026').closest('time')!.getAttribute('title')).toMatch(/Nov 22, 2026, .*Central European/);
    expect(within(rowOf('Bob')).getByText('Rejected')).toBeTruthy();
    expect(within(rowOf('Bob')).getByText('at last check')).toBeTruthy();
    expect(within(rowOf('Gina')).getByText('Expires in 7 days')).toBeTruthy();
    // Avatars are decorative (the name is next to them).
    expect([...container.querySelectorAll('img')].map((i) => [i.getAttribute('alt'), i.getAttribute('src')])).toEqual([
      ['', 'https://avatars.example/alice.png'],
      ['', 'https://avatars.example/bob.png'],
      ['', 'https://avatars.example/gina.png'],
    ]);
    expect(screen.getByText('Showing 1–3 of 3')).toBeTruthy();
    expect(callsOf('adminListConnections')).toEqual([{ sort: 'testkaseUser', direction: 'asc', health: 'ALL', text: '', page: 1, pageSize: 25 }]);
  });

  it('names an account Jira does not know by its id, and says so when Jira could not be asked', async () => {
    renderPage({ adminListConnections: () => ({ ok: true, data: page([connection('Zed', { jiraUser: null })], { usersKnown: false }) }) });
    expect(await screen.findByText('Unknown Jira user')).toBeTruthy();
    expect(screen.getByText('acc-zed')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/Jira did not say who these accounts are/);
  });

  it('sorts by a column header, each way, saying which way with aria-sort', async () => {
    renderPage();
    await screen.findByText('Alice Jira');
    const saved = () => screen.getByRole('columnheader', { name: /Saved/ });
    expect(saved().getAttribute('aria-sort')).toBe('none');
    expect(screen.getByRole('columnheader', { name: /TestKase user/ }).getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(saved()).getByRole('button'));
    await waitFor(() => expect(saved().getAttribute('aria-sort')).toBe('ascending'));
    fireEvent.click(within(saved()).getByRole('button'));
    await waitFor(() => expect(saved().getAttribute('aria-sort')).toBe('descending'));
    expect(callsOf('adminListConnections').slice(1).map((q) => [(q as { sort: string }).sort, (q as { direction: string }).direction])).toEqual([
      ['savedAt', 'asc'],
      ['savedAt', 'desc'],
    ]);
    expect(screen.getByRole('columnheader', { name: 'Jira user' }).querySelector('button')).toBeNull(); // not sortable
  });

  it('filters by state with counted toggle buttons, and by text after typing stops', async () => {
    renderPage();
    await screen.findByText('Alice Jira');
    const rejected = screen.getByRole('button', { name: 'Rejected 1' });
    expect(rejected.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(rejected);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Rejected 1' }).getAttribute('aria-pressed')).toBe('true'));
    expect(callsOf('adminListConnections').at(-1)).toMatchObject({ health: 'REJECTED', page: 1 });

    vi.useFakeTimers();
    const search = screen.getByLabelText('Search connections');
    fireEvent.change(search, { target: { value: 'b' } });
    fireEvent.change(search, { target: { value: 'bo' } });
    fireEvent.change(search, { target: { value: 'bob ' } });
    const before = callsOf('adminListConnections').length;
    vi.advanceTimersByTime(299);
    expect(callsOf('adminListConnections')).toHaveLength(before);
    vi.advanceTimersByTime(1);
    vi.useRealTimers();
    await waitFor(() => expect(callsOf('adminListConnections')).toHaveLength(before + 1));
    expect(callsOf('adminListConnections').at(-1)).toMatchObject({ text: 'bob', health: 'REJECTED', page: 1 });
  });

  it('pages with Previous and Next and a page size', async () => {
    renderPage({ adminListConnections: (q) => ({ ok: true, data: page(ROWS, { matched: 60, page: q.page ?? 1, pageSize: q.pageSize ?? 25 }) }) });
    await screen.findByText('Showing 1–25 of 60 (3 stored in all)');
    expect(screen.getByRole('button', { name: 'Previous page' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('Showing 26–50 of 60 (3 stored in all)');
    fireEvent.change(screen.getByLabelText('Per page'), { target: { value: '50' } });
    await screen.findByText('Showing 1–50 of 60 (3 stored in all)');
    expect(callsOf('adminListConnections').slice(1).map((q) => [(q as { page: number }).page, (q as { pageSize: number }).pageSize])).toEqual([
      [2, 25],
      [1, 50],
    ]);
  });

  it('says when nobody is connected yet, and offers to clear a filter that matches nothing', async () => {
    renderPage({ adminListConnections: () => ({ ok: true, data: page([]) }) });
    expect(await screen.findByText(/No one has connected TestKase yet/)).toBeTruthy();
    cleanup();
    invoke.mockReset();
    renderPage({ adminListConnections: (q) => ({ ok: true, data: q.health === 'EXPIRED' ? page([], { counts: page(ROWS).counts }) : page(ROWS) }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Expired 0' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show all connections' }));
    await screen.findByText('Alice Jira');
    expect(callsOf('adminListConnections').at(-1)).toMatchObject({ health: 'ALL', text: '' });
  });

  it('shows the backend’s sentence with Retry when the listing fails (e.g. not a Jira admin)', async () => {
    renderPage({ adminListConnections: () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Only Jira administrators can manage the TestKase connections of other users.' } }) });
    expect((await screen.findByRole('alert')).textContent).toMatch(/Only Jira administrators/);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});

describe('Admin page: removing a connection', () => {
  it('asks first, in place; Esc cancels and gives the focus back to the Remove button', async () => {
    renderPage();
    await screen.findByText('Bob Jira');
    const remove = screen.getByRole('button', { name: 'Remove the connection of Bob Jira' });
    remove.focus();
    fireEvent.click(remove);
    const confirm = screen.getByRole('group', { name: 'Remove the TestKase connection of Bob Jira?' });
    expect(document.activeElement).toBe(confirm);
    expect(confirm.textContent).toMatch(/tk_pat_bob…/);
    expect(confirm.textContent).toMatch(/does not revoke the token in TestKase/);
    expect(remove.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(confirm, { key: 'Escape' });
    expect(screen.queryByRole('group', { name: /Remove the TestKase connection/ })).toBeNull();
    expect(document.activeElement).toBe(remove);
    expect(callsOf('adminRemoveConnection')).toEqual([]);
  });

  it('removes after confirming: the outcome takes the focus, the list and the audit log are fetched again', async () => {
    let removed = false;
    renderPage({
      adminListConnections: () => ({ ok: true, data: page(removed ? ROWS.filter((r) => r.accountId !== 'acc-bob') : ROWS) }),
      adminRemoveConnection: (p) => {
        removed = true;
        return { ok: true, data: { accountId: p.accountId, removed: true } };
      },
    });
    await screen.findByText('Bob Jira');
    fireEvent.click(screen.getByRole('button', { name: 'Remove the connection of Bob Jira' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove connection' }));
    const outcome = await screen.findByText(/Removed the TestKase connection of Bob Jira/);
    await waitFor(() => expect(screen.queryByText('Bob Jira')).toBeNull());
    expect(document.activeElement).toBe(outcome.closest('[tabindex="-1"]'));
    expect(callsOf('adminRemoveConnection')).toEqual([{ accountId: 'acc-bob' }]);
    await waitFor(() => expect(callsOf('adminAuditLog')).toHaveLength(2));
  });

  it('keeps the confirmation open with the backend’s sentence when the removal fails', async () => {
    renderPage({ adminRemoveConnection: () => ({ ok: false, error: { code: 'STORAGE', message: 'Forge storage did not answer, so nothing was changed.' } }) });
    await screen.findByText('Bob Jira');
    fireEvent.click(screen.getByRole('button', { name: 'Remove the connection of Bob Jira' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove connection' }));
    const confirm = screen.getByRole('group', { name: /Remove the TestKase connection of Bob Jira/ });
    expect((await within(confirm).findByRole('alert')).textContent).toMatch(/nothing was changed/);
    expect(within(confirm).getByRole('button', { name: 'Remove connection' })).toHaveProperty('disabled', false);
  });
});

describe('Admin page: check all now', () => {
  it('calls again with the run id until done, waits when TestKase asks, shows progress, then the findings', async () => {
    const answers: CheckProgress[] = [
      { runId: 'run-1', total: 3, checked: 1, tally: { WORKING: 1, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0 }, done: false, retryAfterSeconds: 1 },
      { runId: 'run-1', total: 3, checked: 3, tally: { WORKING: 2, REJECTED: 1, EXPIRED: 0, UNREACHABLE: 0, GONE: 0 }, done: true },
    ];
    renderPage({ adminCheckAll: () => ({ ok: true, data: answers.shift()! }) });
    await screen.findByText('Alice Jira');
    fireEvent.click(screen.getByRole('button', { name: 'Check all now' }));
    await screen.findByText(/Checking tokens with TestKase: 1 of 3 — TestKase asked to wait 1 s/);
    expect(screen.getByRole('progressbar', { name: 'Tokens checked' }).getAttribute('value')).toBe('1');
    expect(await screen.findByText('Checked 3 tokens')).toBeTruthy();
    expect(screen.getByText('2 working, 1 rejected.')).toBeTruthy();
    expect(callsOf('adminCheckAll')).toEqual([{}, { runId: 'run-1' }]);
    await waitFor(() => expect(callsOf('adminListConnections')).toHaveLength(2));
  });

  it('stops when asked, and continues the same run', async () => {
    let n = 0;
    renderPage({
      adminCheckAll: async (p) => {
        n += 1;
        await new Promise((r) => setTimeout(r, 20));
        return { ok: true, data: { runId: 'run-2', total: 10, checked: Math.min(10, n * 2), tally: { WORKING: n * 2, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0 }, done: n * 2 >= 10 && p.runId === 'run-2' } };
      },
    });
    await screen.findByText('Alice Jira');
    fireEvent.click(screen.getByRole('button', { name: 'Check all now' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Stop' }));
    expect(await screen.findByText('Check stopped')).toBeTruthy();
    const stoppedAt = callsOf('adminCheckAll').length;
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByText('Checked 10 tokens');
    expect(callsOf('adminCheckAll').slice(stoppedAt).every((p) => (p as { runId?: string }).runId === 'run-2')).toBe(true);
  });

  it('shows the backend’s sentence when a step fails, and Try again resumes the run', async () => {
    const answers = [
      { ok: true as const, data: { runId: 'run-3', total: 4, checked: 2, tally: { WORKING: 2, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0 }, done: false } },
      { ok: false as const, error: { code: 'UNAVAILABLE' as const, message: 'Jira could not confirm that you are a Jira administrator, so nothing was changed.' } },
      { ok: true as const, data: { runId: 'run-3', total: 4, checked: 4, tally: { WORKING: 4, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0 }, done: true } },
    ];
    renderPage({ adminCheckAll: () => answers.shift()! });
    await screen.findByText('Alice Jira');
    fireEvent.click(screen.getByRole('button', { name: 'Check all now' }));
    expect((await screen.findByText('The check could not go on')).closest('[role="alert"]')!.textContent).toMatch(/could not confirm/);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('Checked 4 tokens');
    expect(callsOf('adminCheckAll')).toEqual([{}, { runId: 'run-3' }, { runId: 'run-3' }]);
  });
});

describe('Admin page: the audit log', () => {
  const who = (name: string) => ({ accountId: `acc-${name.toLowerCase()}`, displayName: name, avatarUrl: null, active: true });
  const entry = (over: Partial<AuditEntry>): AuditEntry => ({ id: Math.random().toString(36), at: '2026-11-23T11:00:00Z', action: 'REMOVE_CONNECTION', actor: who('Diana'), target: who('Bob'), outcome: 'DONE', token: { preview: 'tk_pat_bob…', tokenName: 'Laptop' }, check: null, ...over });

  it('says who removed whose connection and who ran a check, and shows older entries on demand', async () => {
    const first: AuditPage = {
      entries: [
        entry({}),
        entry({ outcome: 'STARTED', token: null }),
        entry({ action: 'CHECK_ALL', target: null, token: null, outcome: 'DONE', check: { total: 3, checked: 3, tally: { WORKING: 2, REJECTED: 0, EXPIRED: 1, UNREACHABLE: 0, GONE: 0 }, updatedAt: '2026-11-23T11:00:05Z' } }),
        entry({ action: 'CHECK_ALL', target: null, token: null, outcome: 'RUNNING', check: { total: 300, checked: 40, tally: { WORKING: 40, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0 }, updatedAt: '2026-11-23T10:00:00Z' } }),
      ],
      nextCursor: 'cursor-1',
    };
    renderPage({ adminAuditLog: (p) => ({ ok: true, data: p.cursor ? { entries: [entry({ target: who('Gina'), outcome: 'NOTHING_STORED', token: null })], nextCursor: null } : first }) });
    expect(await screen.findByText('Diana removed the TestKase connection of Bob (token tk_pat_bob…, “Laptop”).')).toBeTruthy();
    expect(screen.getByText(/Diana started removing the TestKase connection of Bob, and it did not confirm/)).toBeTruthy();
    expect(screen.getByText('Diana checked all 3 stored tokens: 2 working, 1 expired.')).toBeTruthy();
    expect(screen.getByText('Diana started a check of 300 tokens; it stopped after 40 (40 working).')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show older entries' }));
    expect(await screen.findByText('Diana removed the TestKase connection of Gina: nothing was stored.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show older entries' })).toBeNull();
    expect(callsOf('adminAuditLog')).toEqual([{}, { cursor: 'cursor-1' }]);
  });
});

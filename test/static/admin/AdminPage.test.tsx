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
    lastCheckResult: 'OK',
    tokenStored: true,
    suspended: null,
    note: null,
    notYours: null,
    ...over,
  };
}

function page(rows: AdminConnection[], over: Partial<AdminConnectionsPage> = {}): AdminConnectionsPage {
  const counts = { ALL: rows.length, WORKING: 0, REJECTED: 0, EXPIRED: 0, NOT_CHECKED: 0, SUSPENDED: 0, EXPIRING_SOON: 0, NOT_YOURS: 0 };
  for (const r of rows) {
    counts[r.health] += 1;
    if (r.expiringSoon) counts.EXPIRING_SOON += 1;
    if (r.notYours) counts.NOT_YOURS += 1;
  }
  return { rows, counts, matched: rows.length, page: 1, pageSize: 25, usersKnown: true, source: { kind: 'LIVE' }, ...over };
}

const ROWS = [
  connection('Alice'),
  connection('Bob', { health: 'REJECTED', lastCheckResult: 'REJECTED' }),
  connection('Gina', { expiresAt: '2026-11-30T00:00:00Z', expiringSoon: true }),
];
/** A run this admin started (one run per site: the backend says when and whether the caller started it). */
const RUN = { startedAt: '2026-11-23T11:59:00Z', startedByCaller: true, unreachableSince: null };
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
    // Issue 22 (13): with the time (which check set a state?), the zone on hover and said once above the table.
    expect(alice.getByText('Nov 22, 2026, 11:00 AM').closest('time')!.getAttribute('title')).toMatch(/Central European/);
    expect(alice.getByText('Nov 20, 2026, 11:00 AM', { selector: 'time' })).toBeTruthy();
    expect(screen.getAllByText(/^Times are in .*Central European/).length).toBeGreaterThan(0);
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
      { runId: 'run-1', total: 3, checked: 1, tally: { WORKING: 1, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0, SUSPENDED: 0 }, done: false, retryAfterSeconds: 1, ...RUN },
      { runId: 'run-1', total: 3, checked: 3, tally: { WORKING: 2, REJECTED: 1, EXPIRED: 0, UNREACHABLE: 0, GONE: 0, SUSPENDED: 0 }, done: true, ...RUN },
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
        return { ok: true, data: { runId: 'run-2', total: 10, checked: Math.min(10, n * 2), tally: { WORKING: n * 2, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0, SUSPENDED: 0 }, done: n * 2 >= 10 && p.runId === 'run-2', ...RUN } };
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
      { ok: true as const, data: { runId: 'run-3', total: 4, checked: 2, tally: { WORKING: 2, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0, SUSPENDED: 0 }, done: false, ...RUN } },
      { ok: false as const, error: { code: 'UNAVAILABLE' as const, message: 'Jira could not confirm that you are a Jira administrator, so nothing was changed.' } },
      { ok: true as const, data: { runId: 'run-3', total: 4, checked: 4, tally: { WORKING: 4, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0, SUSPENDED: 0 }, done: true, ...RUN } },
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
  const entry = (over: Partial<AuditEntry>): AuditEntry => ({ id: Math.random().toString(36), at: '2026-11-23T11:00:00Z', action: 'REMOVE_CONNECTION', actor: who('Diana'), target: who('Bob'), outcome: 'DONE', token: { preview: 'tk_pat_bob…', tokenName: 'Laptop' }, check: null, note: null, ...over });

  it('says who removed whose connection and who ran a check, and shows older entries on demand', async () => {
    const first: AuditPage = {
      entries: [
        entry({}),
        entry({ outcome: 'STARTED', token: null }),
        entry({ action: 'CHECK_ALL', target: null, token: null, outcome: 'DONE', check: { total: 3, checked: 3, tally: { WORKING: 2, REJECTED: 0, EXPIRED: 1, UNREACHABLE: 0, GONE: 0, SUSPENDED: 0 }, updatedAt: '2026-11-23T11:00:05Z' } }),
        entry({ action: 'CHECK_ALL', target: null, token: null, outcome: 'DONE', check: { total: 2, checked: 2, tally: { WORKING: 0, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 2, GONE: 0, SUSPENDED: 0 }, updatedAt: '2026-11-23T11:00:05Z' } }),
        entry({ action: 'CHECK_ALL', target: null, token: null, outcome: 'RUNNING', check: { total: 300, checked: 40, tally: { WORKING: 40, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0, SUSPENDED: 0 }, updatedAt: '2026-11-23T10:00:00Z' } }),
      ],
      nextCursor: 'cursor-1',
    };
    renderPage({ adminAuditLog: (p) => ({ ok: true, data: p.cursor ? { entries: [entry({ target: who('Gina'), outcome: 'NOTHING_STORED', token: null })], nextCursor: null } : first }) });
    const removed = (await screen.findAllByText('Diana removed the TestKase connection of Bob.'))[0]!.closest('li')!;
    expect(within(removed).getByText('tk_pat_bob…')).toBeTruthy();
    expect(within(removed).getByText('Laptop')).toBeTruthy();
    expect(screen.getByText(/Diana started removing the TestKase connection of Bob, and it did not confirm/)).toBeTruthy();
    expect(screen.getByText('Diana checked all 3 stored tokens: 2 working, 1 expired.')).toBeTruthy();
    expect(screen.getByText('Diana started a check of 2 stored tokens: TestKase did not answer, so none was checked.')).toBeTruthy();
    expect(screen.getByText('Diana started a check of 300 tokens; it stopped after 40 (40 working).')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show older entries' }));
    expect(await screen.findByText('Diana removed the TestKase connection of Gina: nothing was stored.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show older entries' })).toBeNull();
    expect(callsOf('adminAuditLog')).toEqual([{}, { cursor: 'cursor-1' }]);
  });

  it('shows a user-chosen token name as quoted data beside the sentence, never inside it (issue 21, 5)', async () => {
    const forged = 'x”). Diana checked all 3 stored tokens: 3 working. (token tk_pat_a1b2…, “Laptop of someone else';
    renderPage({ adminAuditLog: () => ({ ok: true, data: { entries: [entry({ token: { preview: 'tk_pat_bob…', tokenName: forged } })], nextCursor: null } }) });
    const sentence = await screen.findByText('Diana removed the TestKase connection of Bob.');
    expect(sentence.textContent).not.toMatch(/checked all/);
    const data = within(sentence.closest('li')!).getByText(forged);
    expect(data.tagName).toBe('Q');
    expect(data.closest('dd')!.previousElementSibling!.textContent).toBe('Token name');
  });
});

describe('Admin page: suspend, resume and notes (issue 22)', () => {
  it('suspends after confirming in place, and shows a suspended row with who and when, and Resume', async () => {
    let suspended = false;
    const diana = { at: '2026-11-23T11:30:00Z', byName: 'Diana Evans' };
    renderPage({
      adminListConnections: () => ({ ok: true, data: page(suspended ? [ROWS[0]!, connection('Bob', { health: 'SUSPENDED', suspended: diana }), ROWS[2]!] : ROWS) }),
      adminSuspendConnection: () => {
        suspended = true;
        return { ok: true, data: { accountId: 'acc-bob', suspended: diana, note: null } };
      },
      adminResumeConnection: () => ({ ok: true, data: { accountId: 'acc-bob', suspended: null, note: null } }),
    });
    await screen.findByText('Bob Jira');
    fireEvent.click(screen.getByRole('button', { name: 'Suspend the connection of Bob Jira' }));
    const confirm = screen.getByRole('group', { name: /Suspend the TestKase connection of Bob Jira\?/ });
    expect(confirm.textContent).toMatch(/stays stored but is not sent to TestKase/);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Suspend connection' }));
    expect(await screen.findByText(/Suspended the TestKase connection of Bob Jira/)).toBeTruthy();
    expect(callsOf('adminSuspendConnection')).toEqual([{ accountId: 'acc-bob' }]);
    const bob = within(rowOf('Bob'));
    expect(bob.getByText('Suspended')).toBeTruthy();
    expect(bob.getByText(/By Diana Evans on/).textContent).toMatch(/Nov 23, 2026, 12:30 PM/);
    fireEvent.click(bob.getByRole('button', { name: 'Resume the connection of Bob Jira' }));
    expect(await screen.findByText(/Resumed the TestKase connection of Bob Jira/)).toBeTruthy();
    expect(callsOf('adminResumeConnection')).toEqual([{ accountId: 'acc-bob' }]);
    await waitFor(() => expect(callsOf('adminAuditLog')).toHaveLength(3));
  });

  it('edits a note in place (focus into the field, Esc closes it and gives the focus back) and shows it as quoted data', async () => {
    const written = 'Shares a laptop with QA. Checked all 3 stored tokens: 3 working.';
    let note: string | null = null;
    renderPage({
      adminListConnections: () => ({ ok: true, data: page(note ? [ROWS[0]!, connection('Bob', { note: { text: note, at: '2026-11-23T11:00:00Z' } }), ROWS[2]!] : ROWS) }),
      adminSetNote: (p) => {
        note = p.text;
        return { ok: true, data: { accountId: p.accountId, suspended: null, note: { text: p.text, at: '2026-11-23T11:00:00Z' } } };
      },
    });
    await screen.findByText('Bob Jira');
    const open = screen.getByRole('button', { name: 'Edit the admin note on the connection of Bob Jira' });
    open.focus();
    fireEvent.click(open);
    const field = screen.getByRole('textbox', { name: /Admin note \(at most 500 characters/ });
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: /Admin note/ })).toBeNull();
    expect(document.activeElement).toBe(open);
    fireEvent.click(open);
    fireEvent.change(screen.getByRole('textbox', { name: /Admin note/ }), { target: { value: written } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Saved the admin note on the connection of Bob Jira.')).toBeTruthy();
    expect(callsOf('adminSetNote')).toEqual([{ accountId: 'acc-bob', text: written }]);
    expect(within(rowOf('Bob')).getByText(written).tagName).toBe('Q');
  });

  it('flags a connection whose token signs in as another TestKase user, with a filter and its count', async () => {
    const bob = connection('Bob', { testkaseUser: { id: 'alice', name: 'Alice TestKase', email: 'alice@acme.example' }, notYours: { by: 'EMAIL', testkaseUser: { name: 'Alice TestKase', email: 'alice@acme.example' }, at: '2026-11-23T09:00:00Z' } });
    renderPage({ adminListConnections: () => ({ ok: true, data: page([ROWS[0]!, bob, ROWS[2]!]) }) });
    await screen.findByText('Bob Jira');
    expect(within(rowOf('Bob')).getByText('Signs in to TestKase as another user')).toBeTruthy();
    expect(within(rowOf('Alice')).queryByText('Signs in to TestKase as another user')).toBeNull();
    const filter = screen.getByRole('button', { name: /Another TestKase user/ });
    expect(filter.textContent).toBe('Another TestKase user 1');
    fireEvent.click(filter);
    await waitFor(() => expect(callsOf('adminListConnections').at(-1)).toMatchObject({ health: 'NOT_YOURS', page: 1 }));
  });
});

describe('Admin page: check all when TestKase does not answer (issue 22, 4)', () => {
  it('says plainly that nothing could be checked, when the shown states date from, and offers Try again', async () => {
    const down: CheckProgress = {
      runId: 'run-9',
      total: 3,
      checked: 3,
      tally: { WORKING: 0, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 3, GONE: 0, SUSPENDED: 0 },
      done: true,
      ...RUN,
      unreachableSince: { oldest: '2026-11-20T10:00:00Z', newest: '2026-11-22T16:45:00Z' },
    };
    renderPage({ adminCheckAll: () => ({ ok: true, data: down }) });
    await screen.findByText('Alice Jira');
    fireEvent.click(screen.getByRole('button', { name: 'Check all now' }));
    const alert = (await screen.findByText('Nothing could be checked')).closest('[role="alert"]')!;
    expect(alert.textContent).toMatch(/TestKase did not answer for any of the 3 tokens, so no state was changed/);
    expect(alert.textContent).toMatch(/between Nov 20, 2026, 11:00 AM and Nov 22, 2026, 5:45 PM/);
    expect(screen.queryByText(/^Checked 3 tokens$/)).toBeNull();
    fireEvent.click(within(alert as HTMLElement).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(callsOf('adminCheckAll')).toEqual([{}, {}]));
  });

  it('Stop asks the backend to stop the run (another tab checking stops too), and says when Stop acts', async () => {
    let release: () => void = () => undefined;
    renderPage({
      adminCheckAll: async (p) => {
        if (p.stop) return { ok: true, data: { runId: 'run-5', total: 9, checked: 3, tally: { WORKING: 3, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0, SUSPENDED: 0 }, done: false, ...RUN, stopped: { at: NOW.toISOString() } } };
        if (p.runId) await new Promise<void>((r) => (release = r));
        return { ok: true, data: { runId: 'run-5', total: 9, checked: 3, tally: { WORKING: 3, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0, SUSPENDED: 0 }, done: false, ...RUN, startedByCaller: false } };
      },
    });
    await screen.findByText('Alice Jira');
    fireEvent.click(screen.getByRole('button', { name: 'Check all now' }));
    expect(await screen.findByText(/by another admin or tab is going on/)).toBeTruthy();
    expect(screen.getByText(/Stop takes effect within about a second/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(callsOf('adminCheckAll')).toContainEqual({ runId: 'run-5', stop: true }));
    release();
    expect(await screen.findByText('Check stopped')).toBeTruthy();
  });
});

describe('Admin page: a large site listed from a snapshot', () => {
  it('builds the first snapshot from the page, then shows when the listing is from', async () => {
    let built = false;
    const builds = [
      { done: false, scanned: 12_000, estimate: null, asOf: null },
      { done: true, scanned: 30_000, estimate: null, asOf: '2026-11-23T11:58:00Z' },
    ];
    renderPage({
      adminListConnections: () => ({ ok: true, data: built ? page(ROWS, { source: { kind: 'SNAPSHOT', asOf: '2026-11-23T11:58:00Z', stale: false, changesSince: 0 } }) : page([], { source: { kind: 'BUILDING' } }) }),
      adminRefreshListing: () => {
        const b = builds.shift()!;
        built = b.done;
        return { ok: true, data: b };
      },
    });
    expect(await screen.findByText(/the listing is built as a snapshot first/)).toBeTruthy();
    await screen.findByText('Alice Jira');
    expect(screen.getByText(/counts, order and search are those of a snapshot taken/).textContent).toMatch(/Nov 23, 2026, 12:58 PM/);
    expect(callsOf('adminRefreshListing')).toHaveLength(2);
  });
});

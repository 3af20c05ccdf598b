// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '../testing-library';

vi.mock('@forge/bridge', () => import('../bridgeMock'));
import { callsOf, historyLocation, invoke, navigate, routeInvoke, type Handlers } from '../bridgeMock';
import GlobalPage from '../../../static/src/global/GlobalPage';
import { globalCtx, globalState, token } from '../fixtures';
import type { AppState } from '../../../src/shared/definitions';
import { connectionView } from '../../../src/resolvers/state-messages';
import { words } from '../../../src/shared/words/backend';

beforeEach(() => {
  invoke.mockReset();
  navigate.mockClear();
  historyLocation.search = '';
});
afterEach(cleanup);

const SECRET = 'tk_pat_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9z7';
const NOW = new Date('2026-11-23T12:00:00Z');
const connected = (over: Partial<AppState> = {}) => globalState({ connection: { kind: 'READY', project: null, canWrite: false }, token: token(), ...over });

async function renderPage(initial: AppState, handlers: Handlers = {}) {
  routeInvoke({ getState: () => ({ ok: true, data: initial }), ...handlers });
  const view = render(<GlobalPage ctx={globalCtx} now={() => NOW} />);
  await screen.findByRole('heading', { name: 'TestKase for Jira' });
  return view;
}

const field = () => screen.getByLabelText<HTMLInputElement>(/Personal Access Token/);
const paste = (value: string) => fireEvent.change(field(), { target: { value } });

describe('Global page', () => {
  it('offers a labelled password field, Save and the help', async () => {
    await renderPage(globalState());
    const input = await screen.findByLabelText(/Personal Access Token/);
    expect(input.getAttribute('type')).toBe('password');
    expect(input.id).not.toBe('');
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    expect(screen.getByText('Settings → API Keys')).toBeTruthy();
    expect(screen.getByText(/Each Jira user saves their own token/)).toBeTruthy();
    expect(screen.getByText('Settings → Jira Integration')).toBeTruthy();
  });

  it('requires a value before calling the backend', async () => {
    await renderPage(globalState());
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Paste your Personal Access Token/);
    expect(callsOf('savePat')).toHaveLength(0);
  });

  it('saves: says who it connected as, shows the details, clears the field and never renders the token', async () => {
    const { container } = await renderPage(globalState(), { savePat: () => ({ ok: true, data: connected() }) });
    await screen.findByLabelText(/Personal Access Token/);
    paste(SECRET);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('button', { name: 'Checking with TestKase…' })).toHaveProperty('disabled', true);
    expect((await screen.findByRole('status')).textContent).toBe('Connected to TestKase as Alice Admin.');
    expect(callsOf('savePat')).toEqual([{ token: SECRET }]);
    expect(screen.getByText('tk_pat_a1b2…z7')).toBeTruthy();
    expect(screen.getByText('Jira Plugin')).toBeTruthy();
    expect(screen.queryByLabelText(/Personal Access Token/)).toBeNull();
    expect(container.innerHTML).not.toContain(SECRET);
    expect([...container.querySelectorAll('input')].map((i) => i.value)).not.toContain(SECRET);
  });

  it('rejected (401): explains, keeps nothing, clears the field', async () => {
    const { container } = await renderPage(globalState(), {
      savePat: () => ({ ok: false, error: { code: 'TOKEN_REJECTED', message: 'TestKase rejected this token, so it was not saved.' } }),
    });
    await screen.findByLabelText(/Personal Access Token/);
    paste(SECRET);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('TestKase rejected this token, so it was not saved.');
    expect(field().value).toBe('');
    expect(container.innerHTML).not.toContain(SECRET);
    expect(screen.queryByText('Your saved token')).toBeNull();
  });

  it('unavailable: says nothing changed and to try again (in the backend\'s words, shown as they come)', async () => {
    await renderPage(globalState(), {
      savePat: () => ({ ok: false, error: { code: 'UNAVAILABLE', message: words.tokenNotSaved.unreachable } }),
    });
    await screen.findByLabelText(/Personal Access Token/);
    paste(SECRET);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = (await screen.findByRole('alert')).textContent;
    expect(alert).toBe(words.tokenNotSaved.unreachable);
    expect(alert).toMatch(/not saved and your previous settings are unchanged\. Try again/);
  });

  it('bad format: a field error on the token input', async () => {
    await renderPage(globalState(), {
      savePat: () => ({ ok: false, error: { code: 'VALIDATION', field: 'token', message: 'The token is not valid: it must start with tk_pat_. Nothing was changed.' } }),
    });
    await screen.findByLabelText(/Personal Access Token/);
    paste('short');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toMatch(/must start with tk_pat_/);
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toContain(error.id);
  });

  it('shows the stored token details in the user’s timezone', async () => {
    await renderPage(connected());
    const details = (await screen.findByText('Your saved token')).closest('div')!;
    const text = details.textContent.replace(/\s/g, ' ');
    expect(text).toContain('Alice Admin');
    expect(text).toContain('Times are in'); // the zone, once for the list
    expect(text).toContain('Nov 1, 2026, 11:00 AM'); // saved 10:00 UTC = 11:00 in Berlin
    expect(text).toContain('Nov 20, 2026, 9:30 AM'); // last validated
    expect(text).toContain('Jun 1, 2027, 2:00 AM'); // expiry, summer time
    expect(screen.queryByText(/expires in/)).toBeNull();
  });

  it('warns from 14 days before expiry, with the rotation advice', async () => {
    await renderPage(connected({ token: token({ expiresAt: '2026-12-07T12:00:00Z' }) }));
    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toMatch(/This token expires in 14 days/);
    expect(warning.textContent).toMatch(/create a new token in TestKase first/);
    cleanup();
    await renderPage(connected({ token: token({ expiresAt: '2026-12-08T12:00:00Z' }) }));
    await screen.findByText('Your saved token');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Replace reveals the field again; a failed replace keeps the old token', async () => {
    await renderPage(connected(), {
      savePat: () => ({ ok: false, error: { code: 'TOKEN_REJECTED', message: 'TestKase rejected this token, so it was not saved.' } }),
    });
    expect(screen.queryByLabelText(/Personal Access Token/)).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Replace' }));
    paste(SECRET);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('alert');
    expect(screen.getByText('tk_pat_a1b2…z7')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText(/Personal Access Token/)).toBeNull();
  });

  it('Replace with a new token updates the details', async () => {
    await renderPage(connected(), {
      savePat: () => ({ ok: true, data: connected({ token: token({ preview: 'tk_pat_zzzz…99', testkaseUser: { id: 'u2', name: 'Bob' } }) }) }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Replace' }));
    paste(SECRET);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('status')).textContent).toBe('Connected to TestKase as Bob.');
    expect(screen.getByText('tk_pat_zzzz…99')).toBeTruthy();
    expect(screen.queryByLabelText(/Personal Access Token/)).toBeNull();
  });

  it('Delete asks for confirmation; Cancel keeps the token, Delete token removes it', async () => {
    await renderPage(connected(), { deletePat: () => ({ ok: true, data: globalState() }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('group', { name: 'Confirm deletion' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(callsOf('deletePat')).toHaveLength(0);
    expect(screen.getByText('tk_pat_a1b2…z7')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete token' }));
    expect(screen.getByRole('button', { name: 'Deleting…' })).toHaveProperty('disabled', true);
    expect((await screen.findByRole('status')).textContent).toMatch(/Your token was deleted/);
    expect(callsOf('deletePat')).toEqual([undefined]);
    expect(screen.queryByText('tk_pat_a1b2…z7')).toBeNull();
    expect(screen.getByLabelText(/Personal Access Token/)).toBeTruthy();
  });

  it('shows a failed load with a Retry', async () => {
    let n = 0;
    routeInvoke({ getState: () => (++n === 1 ? { ok: false, error: { code: 'STORAGE', message: 'Settings could not be read.' } } : { ok: true, data: globalState() }) });
    render(<GlobalPage ctx={globalCtx} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Settings could not be read.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByLabelText(/Personal Access Token/)).toBeTruthy();
  });

  it('says a Jira admin removed the connection, above the field, until a token is saved again', async () => {
    const removed = globalState({ connection: connectionView({ kind: 'NO_CONFIG', removedByAdmin: true }, { module: 'GLOBAL_PAGE', jiraProjectKey: null }) });
    await renderPage(removed, { savePat: () => ({ ok: true, data: connected() }) });
    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toMatch(/A Jira admin removed your TestKase connection/);
    expect(warning.textContent).toMatch(/save a new Personal Access Token/);
    paste(SECRET);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Connected to TestKase as Alice Admin.');
    expect(screen.queryByText(/A Jira admin removed/)).toBeNull();
  });
});

describe('Global page: a token TestKase no longer accepts, and the way back', () => {
  const rejected = () =>
    connected({ connection: connectionView({ kind: 'PAT_SAVED', reason: 'TOKEN_REJECTED' }, { module: 'GLOBAL_PAGE', jiraProjectKey: null }) });

  it('shows a revoked or expired token as not working, with what to do, never as healthy', async () => {
    await renderPage(rejected());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/TestKase rejected your token/);
    // On the settings page itself: replace it here, not "open the TestKase page".
    expect(alert.textContent).toContain('Create a new token in TestKase (Settings → API Keys) and replace the saved one here.');
    expect(alert.textContent).not.toMatch(/Jira Apps menu/);
    expect(screen.getByText('Not working')).toBeTruthy();
    expect(screen.queryByText('Working')).toBeNull();
    expect(screen.getByText('Last accepted by TestKase')).toBeTruthy();
    expect(screen.queryByText('Last validated')).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Replace the token' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Personal Access Token/)));
  });

  it('a working token is shown as working', async () => {
    await renderPage(connected());
    expect(await screen.findByText('Working')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('opened from an issue: once connected, offers the way back to it', async () => {
    historyLocation.search = '?returnTo=DEMO-1';
    await renderPage(globalState(), { savePat: () => ({ ok: true, data: connected() }) });
    expect(screen.queryByRole('button', { name: 'Back to DEMO-1' })).toBeNull();
    paste(SECRET);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Back to DEMO-1' }));
    expect(navigate).toHaveBeenCalledWith({ target: 'issue', issueKey: 'DEMO-1' });
  });

  it('ignores a returnTo that is not an issue key', async () => {
    historyLocation.search = '?returnTo=https://evil.example/x';
    await renderPage(connected());
    await screen.findByText('Your saved token');
    expect(screen.queryByRole('button', { name: /Back to/ })).toBeNull();
  });
});

// @vitest-environment jsdom
/**
 * The global page warns when the saved token belongs to another TestKase user than the Jira user
 * (checkIdentity), with a way to replace it; nothing on a match, an unknown answer or a failure, and
 * the check is asked again when another token is saved.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '../testing-library';

vi.mock('@forge/bridge', () => import('../bridgeMock'));
import { callsOf, historyLocation, invoke, routeInvoke, type Handlers } from '../bridgeMock';
import GlobalPage from '../../../static/src/global/GlobalPage';
import { globalCtx, globalState, token } from '../fixtures';
import type { AppState, IdentityCheck } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/backend';

beforeEach(() => {
  invoke.mockReset();
  historyLocation.search = '';
});
afterEach(cleanup);

const NOW = new Date('2026-11-23T12:00:00Z');
const connected = (over: Partial<AppState> = {}) => globalState({ connection: { kind: 'READY', project: null, canWrite: false }, token: token(), ...over });
const bob = { name: 'Bob Nguyen', email: 'bob@acme.example' };
const mismatch: IdentityCheck = {
  kind: 'MISMATCH',
  by: 'EMAIL',
  testkaseUser: bob,
  jiraUser: { displayName: 'Alice Martin' },
  message: words.identity.mismatch({ testkaseUser: bob, jiraUser: { displayName: 'Alice Martin', email: 'alice@acme.example' }, sameName: false }),
};

async function renderPage(initial: AppState, handlers: Handlers) {
  routeInvoke({ getState: () => ({ ok: true, data: initial }), ...handlers });
  render(<GlobalPage ctx={globalCtx} now={() => NOW} />);
  await screen.findByRole('heading', { name: 'TestKase for Jira' });
}

describe('Global page: whose token is saved', () => {
  it('warns, naming both people, when the token belongs to someone else, and offers to replace it', async () => {
    await renderPage(connected(), { checkIdentity: () => ({ ok: true, data: mismatch }) });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This TestKase token is not yours');
    expect(alert.textContent).toContain(
      'Your TestKase token belongs to Bob Nguyen (bob@acme.example), but you are signed in to Jira as Alice Martin. Everything you do in TestKase through this app is recorded as Bob Nguyen. Replace the token with your own.',
    );
    fireEvent.click(within(alert).getByRole('button', { name: 'Replace with your own token' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Personal Access Token/)));
    // While replacing, the warning stays but its button goes (the form is open).
    expect(within(screen.getByRole('alert')).queryByRole('button')).toBeNull();
  });

  it('shows nothing when the token is the user’s own, when it cannot be told, or when the check fails', async () => {
    const answers: Handlers['checkIdentity'][] = [
      () => ({ ok: true, data: { kind: 'MATCH', by: 'EMAIL' } }),
      () => ({ ok: true, data: { kind: 'UNKNOWN' } }),
      () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'Jira did not answer.' } }),
      () => {
        throw new Error('bridge down');
      },
    ];
    for (const checkIdentity of answers) {
      await renderPage(connected(), { checkIdentity });
      await screen.findByText('Working');
      await waitFor(() => expect(callsOf('checkIdentity')).toHaveLength(1));
      await new Promise((r) => setTimeout(r, 0));
      expect(screen.queryByRole('alert')).toBeNull();
      cleanup();
      invoke.mockReset();
    }
  });

  it('does not ask without a token, and asks again once another token is saved', async () => {
    let answer: IdentityCheck = { kind: 'MATCH', by: 'EMAIL' };
    await renderPage(globalState(), {
      checkIdentity: () => ({ ok: true, data: answer }),
      savePat: () => ({ ok: true, data: connected({ token: token({ preview: 'tk_pat_b0b0…99', savedAt: '2026-11-23T11:59:00Z' }) }) }),
    });
    await screen.findByLabelText(/Personal Access Token/);
    expect(callsOf('checkIdentity')).toHaveLength(0);
    answer = mismatch;
    fireEvent.change(screen.getByLabelText(/Personal Access Token/), { target: { value: 'tk_pat_b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b099' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('belongs to Bob Nguyen');
    expect(callsOf('checkIdentity')).toHaveLength(1);
  });
});

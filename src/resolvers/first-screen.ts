/**
 * The first screen of every module, one use case: the caller's connection opened (open-connection.ts),
 * what to say about its state, the saved token's details, and on an issue the linked test cases —
 * fetched as the render's first request, so a warm render is answered from the caches and a token
 * revoked since they were filled is caught by that request. getState (panel, settings page) and
 * getIssueSummary (the glance) both answer from it.
 */
import type { ConnectionView, LinkedTests, LiveAccess, Result, TokenSummary } from '../shared/definitions';
import { liveAccessFor } from '../realtime/live';
import type { TestKaseClient } from '../testkase/client';
import { openConnection, type JustSaved } from '../connection/open-connection';
import type { CallContext } from './context';
import { toAppError } from './errors';
import { fetchLinkedTests } from './linked-tests';
import { connectionView } from './state-messages';

export interface FirstScreen {
  connection: ConnectionView;
  /** READY on an issue: its live updates' channel and token (absent when Realtime could not sign one in time). */
  live?: LiveAccess;
  token: TokenSummary | null;
  /** On an issue when READY: the linked test cases, or why TestKase could not list them; null otherwise. */
  linked: Result<LinkedTests> | null;
}

export async function firstScreen(caller: CallContext, justSaved?: JustSaved): Promise<FirstScreen> {
  const { issueKey, jiraProjectKey } = caller;
  const first = issueKey ? (client: TestKaseClient, projectId: string) => fetchLinkedTests(client, projectId, issueKey) : undefined;
  // Signed beside the first screen, not after it: it costs the answer nothing unless Realtime is slower
  // than storage and TestKase together (and then the first screen waits at most LIVE_GRACE_MS for it).
  const signing = issueKey ? liveAccessFor(issueKey) : Promise.resolve(null);
  const opened = await openConnection<LinkedTests>(
    { accountId: caller.accountId, jiraProjectKey },
    // The settings page checks the token with TestKase each time it opens: a revoked token shows at once there.
    { ...(first ? { first } : {}), ...(justSaved ? { justSaved } : {}), revalidate: caller.module === 'GLOBAL_PAGE' && !justSaved },
  );
  const answer = opened.first;
  const live = opened.state.kind === 'READY' ? await within(signing, LIVE_GRACE_MS) : null;
  return {
    ...(live ? { live } : {}),
    connection: connectionView(opened.state, { module: caller.module, jiraProjectKey }),
    token: opened.token,
    linked: answer ? (answer.ok ? { ok: true, data: answer.data } : { ok: false, error: toAppError(answer.error) }) : null,
  };
}

/** How long a ready first screen waits for the live token once everything else is there. */
const LIVE_GRACE_MS = 150;

/** `work`'s answer, or null if it takes longer than `ms` from now. */
function within<T>(work: Promise<T | null>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Live updates through Forge Realtime (Preview), from the resolver's side: Atlassian's own
 * @forge/realtime signs the tokens and publishes (through the platform proxy, `__forge_fetch__`
 * with `{ type: 'realtime' }`).
 *
 * - Isolation. Forge scopes every channel to the installation (one Jira site). Published and
 *   subscribed with the Jira.Issue context override, the channel is the issue's, for every module on
 *   it (the panel and the glance) and for no other issue. The tokens narrow it further: signed here
 *   with the issue in their claims, a subscribe-only one for the browsers (handed out with the first
 *   screen) and a publish-only one kept in the function instance. A frame cannot publish into the
 *   channel the resolver publishes to, nor hear another issue's.
 * - No test data. The event says "this issue's tests changed"; each viewer reads again with their own
 *   token and TestKase permissions.
 * - Budget: 50 operations per second per installation (subscribe, publish, token signing). A token is
 *   signed once per issue per function instance until it nears expiry; one write call publishes once
 *   (a bulk of 120 results is one executeMany call), and concurrent writes of an issue in one instance
 *   share a publish (coalesce.ts).
 * - Preview. Anything Realtime refuses or fails (an error, a throttle, no answer in time) is logged and
 *   dropped: the panel works without live updates, and a write never fails because of it.
 */
import { Jira, publish, signRealtimeToken } from '@forge/realtime';
import { LIVE_CHANNEL, type LiveEvent } from '../shared/app-events';
import type { LiveAccess } from '../shared/definitions';
import { log } from '../log';
import { coalescer } from './coalesce';

/** A Realtime call that has not answered by then is given up (the write's answer must not wait on it). */
const REALTIME_TIMEOUT_MS = 1_500;
/** A cached token this close to its expiry is signed again. */
const RENEW_BEFORE_MS = 60_000;
/** When Realtime does not say when a token expires. */
const ASSUMED_TOKEN_LIFE_MS = 10 * 60_000;

type Permission = 'subscribe' | 'publish';
interface Signed {
  token: string;
  expiresAt: number;
}

/** The claims of an issue's tokens: which app's channel, which issue. */
const claimsOf = (issueKey: string) => ({ app: 'testkase', issue: issueKey });

const tokens = new Map<string, Promise<Signed | null>>();

function expiryOf(expiresAt: unknown, now: number): number {
  if (typeof expiresAt === 'number' && Number.isFinite(expiresAt)) return expiresAt < 1e12 ? expiresAt * 1000 : expiresAt;
  if (typeof expiresAt === 'string') {
    const at = /^\d+$/.test(expiresAt) ? Number(expiresAt) * (expiresAt.length <= 10 ? 1000 : 1) : Date.parse(expiresAt);
    if (Number.isFinite(at)) return at;
  }
  return now + ASSUMED_TOKEN_LIFE_MS;
}

function withTimeout<T>(work: Promise<T>, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), REALTIME_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** What Realtime said when it refused (its `errors`), for the log: never a token. */
const said = (errors: unknown) => (Array.isArray(errors) ? errors.map((e) => (typeof e === 'object' && e && 'message' in e ? String((e as { message: unknown }).message) : String(e))).join('; ') : String(errors));

async function sign(issueKey: string, permission: Permission): Promise<Signed | null> {
  try {
    const r = await withTimeout(signRealtimeToken(LIVE_CHANNEL, claimsOf(issueKey), [permission]), null);
    if (!r) {
      log.warn(`Realtime did not sign a ${permission} token in time: no live updates for this call`);
      return null;
    }
    if (r.errors || !r.token) {
      log.warn(`Realtime refused a ${permission} token: ${said(r.errors)}`);
      return null;
    }
    return { token: String(r.token), expiresAt: expiryOf(r.expiresAt, Date.now()) };
  } catch (e) {
    log.warn(`Realtime could not sign a ${permission} token: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/** The issue's token for `permission`, signed once per function instance until it nears its expiry. */
function tokenFor(issueKey: string, permission: Permission): Promise<Signed | null> {
  const key = `${permission}:${issueKey}`;
  const cached = tokens.get(key);
  if (cached) {
    return cached.then((signed) => {
      if (signed && signed.expiresAt - Date.now() > RENEW_BEFORE_MS) return signed;
      if (tokens.get(key) === cached) tokens.delete(key);
      return tokenFor(issueKey, permission);
    });
  }
  const signing = sign(issueKey, permission);
  tokens.set(key, signing);
  // A refusal is not cached: the next call asks again.
  void signing.then((signed) => {
    if (!signed && tokens.get(key) === signing) tokens.delete(key);
  });
  return signing;
}

/** How the issue's modules subscribe to its live updates, or null when Realtime could not sign. */
export async function liveAccessFor(issueKey: string): Promise<LiveAccess | null> {
  const signed = await tokenFor(issueKey, 'subscribe');
  return signed ? { channel: LIVE_CHANNEL, token: signed.token } : null;
}

const EVENT: LiveEvent = { change: 'tests' };

async function publishChange(issueKey: string): Promise<void> {
  const signed = await tokenFor(issueKey, 'publish');
  if (!signed) return;
  try {
    const r = await withTimeout(publish(LIVE_CHANNEL, { ...EVENT }, { token: signed.token, contextOverrides: [Jira.Issue] }), null);
    if (!r) log.warn('Realtime did not confirm a publish in time');
    else if (r.errors) log.warn(`Realtime refused a publish: ${said(r.errors)}`);
  } catch (e) {
    log.warn(`Realtime could not publish: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Tells every open module of the issue that its tests changed (after a write TestKase confirmed).
 * Never throws; resolves once Realtime answered, refused, or timed out.
 */
export const announceTestsChanged: (issueKey: string) => Promise<void> = coalescer(publishChange);

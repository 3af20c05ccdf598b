/**
 * The kept copy: the last answer a person saw for an issue, in the app frame's own browser storage
 * (localStorage), so the next render of that issue shows it at once — marked with its time — while
 * the fresh answer is on its way. Both UIs keep one (the panel its first screen, the glance its
 * summary), each under its own kind; this is the storage layer they share. Zod-free and import-free
 * at run time: the panel's entry chunk reads it before React has loaded.
 *
 * What the rules are and why (docs/storage.md, "The kept copy in the browser"):
 * - keyed by site (cloudId), Jira account and issue, so one person's copy is never shown to another
 *   account on the same browser profile, nor on another site;
 * - never a token, nor anything about it but the time it was saved (to notice a replaced token);
 * - at most MAX_AGE_MS old, at most MAX_ENTRY_CHARS per issue (a longer list is not kept), at most
 *   MAX_ENTRIES entries per kind (the oldest go first);
 * - storage that is refused (a private window, blocked third-party storage, a full quota) is simply
 *   not used: every function here fails closed, to "nothing kept".
 * Reading is here; writing, bounding and dropping are in kept-write.ts, which the panel loads after its
 * first render.
 */

/** Older copies are not shown: a day covers a working day's round of issues. */
export const KEPT_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Characters of one entry's JSON (≈ 500 linked test cases): a longer answer is not kept. */
export const KEPT_MAX_ENTRY_CHARS = 96_000;
/** Entries per kind; with MAX_ENTRY_CHARS it bounds what the app keeps to ~2 MB per kind. */
export const KEPT_MAX_ENTRIES = 20;

export const KEPT_PREFIX = 'tk.kept.1';
const PREFIX = KEPT_PREFIX;

/** Which UI keeps it: the panel's first screen or the glance's summary. */
export type KeptKind = 'panel' | 'glance';

/** Whose and where: the site (cloudId), the Jira account and the issue key, all from the Forge context. */
export interface KeptKey {
  site: string;
  account: string;
  issue: string;
}

/** One kept answer: when it was fresh, which saved token it was read with, and what was shown. */
export interface Kept<T> {
  /** ISO time the answer was received (shown as "As of 14:02"). */
  at: string;
  /** `savedAt` of the token it was read with: a copy read with another token is dropped. */
  tokenSavedAt: string | null;
  data: T;
}

/** The frame's localStorage, or null where the browser refuses it (reading the property can throw). */
export function frameStorage(): Storage | null {
  try {
    const s = (globalThis as { localStorage?: Storage }).localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

const part = (s: string) => encodeURIComponent(s);
/** Where an account's entries of a kind start, and one entry's key (kept-write.ts writes them). */
export const accountPrefix = (kind: KeptKind, site: string, account: string) => `${PREFIX}:${kind}:${part(site)}:${part(account)}:`;
export const keyOf = (kind: KeptKind, k: KeptKey) => `${accountPrefix(kind, k.site, k.account)}${part(k.issue)}`;

/**
 * The kept answer for `key`, or null (none, too old, unreadable, or `isData` refuses its shape — a
 * copy written by another version of the app is never shown).
 */
export function readKept<T>(kind: KeptKind, key: KeptKey, isData: (data: unknown) => data is T, { storage = frameStorage(), now = Date.now() } = {}): Kept<T> | null {
  if (!storage) return null;
  const k = keyOf(kind, key);
  let raw: string | null;
  try {
    raw = storage.getItem(k);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const entry = JSON.parse(raw) as Partial<Kept<unknown>>;
    const at = typeof entry.at === 'string' ? Date.parse(entry.at) : NaN;
    const tokenSavedAt = entry.tokenSavedAt;
    const fresh = Number.isFinite(at) && now - at <= KEPT_MAX_AGE_MS && at <= now + 60_000;
    if (fresh && (tokenSavedAt === null || typeof tokenSavedAt === 'string') && isData(entry.data)) {
      return { at: entry.at as string, tokenSavedAt, data: entry.data };
    }
  } catch {
    // unreadable: not shown (the next keep replaces it, bounding drops it)
  }
  return null;
}

/**
 * What a fresh connection state means for the copies (any state the app does not know, such as a
 * suspended connection, counts as "the token is gone"): keep showing what was kept while TestKase is
 * slow or down, drop the issue's copy when its project is not (or no longer) mapped, drop all of the
 * account's copies otherwise.
 */
export function keptFate(connection: { kind: string; reason?: string }): 'keep' | 'dropIssue' | 'dropAccount' {
  if (connection.kind === 'READY') return 'keep';
  if (connection.kind === 'PAT_SAVED') {
    if (connection.reason === 'TESTKASE_UNAVAILABLE' || connection.reason === 'RATE_LIMITED') return 'keep';
    if (connection.reason === 'PROJECT_NOT_MAPPED' || connection.reason === 'MAPPING_LOST' || connection.reason === 'NO_PROJECT_ACCESS') return 'dropIssue';
  }
  return 'dropAccount';
}

/** A person's name without their e-mail: what a kept row may say about who ran it. */
export function withoutEmail<U extends { email?: unknown }>(user: U): Omit<U, 'email'> {
  const { email: _email, ...rest } = user;
  return rest;
}

/**
 * What a person typed into a form and has not saved yet, kept in this browser (the app frame's own
 * storage), so a panel replaced mid-run — the token revoked, the mapping lost, a reload — does not
 * throw it away. Keyed by site, Jira account, issue and form (a test case's run, or a new test case);
 * holds the form's fields only, never the token or anything the backend answered. Kept for a week;
 * a browser without storage (or one that refuses it) simply keeps nothing.
 */
export interface DraftScope {
  cloudId?: string | undefined;
  accountId?: string | undefined;
  issueKey: string | null;
}

const PREFIX = 'testkase:draft:v1';
const WEEK_MS = 7 * 86_400_000;

interface Stored<T> {
  savedAt: string;
  value: T;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage refused (a sandboxed or private frame)
  }
}

/** The scope's key prefix, or null when the site, the user or the issue is not known (nothing is kept then). */
function scopeKey(scope: DraftScope): string | null {
  if (!scope.cloudId || !scope.accountId || !scope.issueKey) return null;
  return [PREFIX, scope.cloudId, scope.accountId, scope.issueKey].map(encodeURIComponent).join('|');
}

export function readDraft<T>(scope: DraftScope, form: string): { savedAt: string; value: T } | null {
  const key = scopeKey(scope);
  const store = storage();
  if (!key || !store) return null;
  try {
    const raw = store.getItem(`${key}|${encodeURIComponent(form)}`);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored<T>;
    if (typeof stored?.savedAt !== 'string' || Date.now() - Date.parse(stored.savedAt) > WEEK_MS) {
      store.removeItem(`${key}|${encodeURIComponent(form)}`);
      return null;
    }
    return stored;
  } catch {
    return null;
  }
}

export function writeDraft<T>(scope: DraftScope, form: string, value: T): void {
  const key = scopeKey(scope);
  const store = storage();
  if (!key || !store) return;
  try {
    store.setItem(`${key}|${encodeURIComponent(form)}`, JSON.stringify({ savedAt: new Date().toISOString(), value } satisfies Stored<T>));
  } catch {
    // full or refused: the form still works, it is just not kept
  }
}

export function clearDraft(scope: DraftScope, form: string): void {
  const key = scopeKey(scope);
  try {
    if (key) storage()?.removeItem(`${key}|${encodeURIComponent(form)}`);
  } catch {
    // nothing kept
  }
}

/** The forms of this scope with a draft (their names, e.g. test case ids). */
function draftForms(scope: DraftScope): string[] {
  const key = scopeKey(scope);
  const store = storage();
  if (!key || !store) return [];
  try {
    const names = Array.from({ length: store.length }, (_, i) => store.key(i))
      .filter((k): k is string => k?.startsWith(`${key}|`) ?? false)
      .map((k) => decodeURIComponent(k.slice(key.length + 1)));
    // Read each (which drops an expired one) once the keys are listed.
    return names.filter((form) => readDraft(scope, form) !== null).sort();
  } catch {
    return [];
  }
}

/** The run form of a test case. */
export const runForm = (testCaseId: string) => `run:${testCaseId}`;
/** The create form of a new test case. */
export const CREATE_FORM = 'create';

/** The test cases of the scope whose run form holds a draft. */
export const unsavedRuns = (scope: DraftScope): string[] => draftForms(scope).filter((f) => f.startsWith('run:')).map((f) => f.slice(4));

/**
 * Writing the kept copies (kept.ts says what they are and the rules): keeping one, bounded in size,
 * number and age, and dropping an issue's or a whole account's. Only ever needed after a fresh answer,
 * so the panel loads it after its first render.
 */
import { accountPrefix, frameStorage, keyOf, KEPT_MAX_AGE_MS, KEPT_MAX_ENTRIES, KEPT_MAX_ENTRY_CHARS, KEPT_PREFIX, type Kept, type KeptKey, type KeptKind } from './kept';

const PREFIX = KEPT_PREFIX;
const INDEX = `${PREFIX}.index`;

/** The index: every entry's key and when it was written, so bounding never parses the entries. */
function readIndex(storage: Storage): Record<string, number> {
  try {
    const raw = storage.getItem(INDEX);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const index: Record<string, number> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'number' && k.startsWith(`${PREFIX}:`)) index[k] = v;
    return index;
  } catch {
    return {};
  }
}

function writeIndex(storage: Storage, index: Record<string, number>): void {
  try {
    storage.setItem(INDEX, JSON.stringify(index));
  } catch {
    // a full or refused storage: the entries themselves are bounded on the next write
  }
}

function remove(storage: Storage, keys: readonly string[]): void {
  if (keys.length === 0) return;
  const index = readIndex(storage);
  for (const k of keys) {
    try {
      storage.removeItem(k);
    } catch {
      // refused: nothing more to do
    }
    delete index[k];
  }
  writeIndex(storage, index);
}

/** Keeps `entry` for `key` (replacing the previous one); bounded, and silent where storage is refused. */
export function keep<T>(kind: KeptKind, key: KeptKey, entry: Kept<T>, { storage = frameStorage() } = {}): boolean {
  if (!storage) return false;
  const k = keyOf(kind, key);
  const text = JSON.stringify(entry);
  if (text.length > KEPT_MAX_ENTRY_CHARS) {
    // Too big to keep: an older, smaller copy of the same issue must not be shown instead.
    remove(storage, [k]);
    return false;
  }
  const index = readIndex(storage);
  const at = Date.parse(entry.at) || Date.now();
  // The oldest entries of this kind beyond the bound go first (and anything past its age).
  const ofKind = Object.entries(index)
    .filter(([key]) => key.startsWith(`${PREFIX}:${kind}:`) && key !== k)
    .sort((a, b) => b[1] - a[1]);
  const evict = ofKind.filter(([, when], i) => i >= KEPT_MAX_ENTRIES - 1 || at - when > KEPT_MAX_AGE_MS).map(([key]) => key);
  remove(storage, evict);
  const attempt = () => {
    storage.setItem(k, text);
    const next = readIndex(storage);
    next[k] = at;
    writeIndex(storage, next);
  };
  try {
    attempt();
    return true;
  } catch {
    // Quota: drop every other entry of this kind and try once more.
    remove(storage, ofKind.map(([key]) => key));
    try {
      attempt();
      return true;
    } catch {
      return false;
    }
  }
}

/** Drops the kept answer of one issue (its project lost its mapping, or it could not be kept). */
export function dropKept(kind: KeptKind, key: KeptKey, { storage = frameStorage() } = {}): void {
  if (storage) remove(storage, [keyOf(kind, key)]);
}

/**
 * Drops every kept answer of an account on a site, of every kind: the token was deleted, replaced,
 * rejected or removed by an admin, so nothing read with it may be shown again.
 */
export function dropAccount(site: string, account: string, { storage = frameStorage() } = {}): void {
  if (!storage) return;
  const kinds: readonly KeptKind[] = ['panel', 'glance'];
  const prefixes = kinds.map((kind) => accountPrefix(kind, site, account));
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k && prefixes.some((p) => k.startsWith(p))) keys.push(k);
    }
  } catch {
    return;
  }
  remove(storage, keys);
}


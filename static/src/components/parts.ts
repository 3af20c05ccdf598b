/**
 * Lists the backend answers in parts (ListPart in src/shared/definitions.ts): the next part is asked for
 * with `from: next` and added to the list a screen already shows (its Loader), so the rows, their
 * updates after a write and "showing N of M" all read one list.
 */
import type { ListPart, Result } from '../../../src/shared/definitions';
import type { Loader } from '../load';
import type { MoreParts } from './ShowMore';

type Listed<I> = ListPart & { items: I[] };

/** Whether the backend holds a part after this one. */
export const hasNext = (part: ListPart) => part.next !== undefined && part.next !== null;

/**
 * `part` added to `list` when it continues it (it starts at the list's `next`); the list unchanged
 * when it does not (the list was refreshed meanwhile). An item already listed is not listed twice (the
 * list may have shifted between the two answers). The first part's other fields (counts…) stay.
 */
export function joinPart<T extends Listed<I>, I>(list: T, part: T, key: (item: I) => string): T {
  if (!hasNext(list) || (part.from ?? 0) !== list.next) return list;
  const seen = new Set(list.items.map(key));
  return { ...list, items: [...list.items, ...part.items.filter((item) => !seen.has(key(item)))], total: part.total, next: part.next ?? null };
}

/** The rest of `loader`'s list, for usePaged: `fetchFrom(from)` asks the backend for the part starting there. */
export function useMoreParts<T extends Listed<I>, I>(loader: Loader<T>, fetchFrom: (from: number) => Promise<Result<T>>, key: (item: I) => string): MoreParts {
  const list = loader.state.status === 'ready' ? loader.state.data : null;
  const next = list?.next ?? null;
  return {
    // At least one while the backend says there is a next part, whatever the counts say.
    remaining: list && next !== null ? Math.max(1, list.total - list.items.length) : 0,
    load: async () => {
      if (next === null) return null;
      const r = await fetchFrom(next);
      if (!r.ok) return r.error.message;
      loader.update((current) => joinPart(current, r.data, key));
      return null;
    },
  };
}

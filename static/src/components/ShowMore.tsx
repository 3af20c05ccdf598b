/**
 * Long lists render a page at a time: the first PAGE_SIZE rows, then "Show more" adds the next page —
 * from the rows already loaded, or, when the backend answered only a part of the list (ListPart: at most
 * LIMITS.listMax items, fewer to fit Jira's answer limit), from the next part it is asked for.
 */
import { useState } from 'react';
import { words } from '../../../src/shared/words/base';
import { Button } from './Button';
import { Message } from './Message';
import type { NextPageState } from './NextPage';

const PAGE_SIZE = 50;

/** The rest of a list the backend holds (components/parts.ts, useMoreParts). */
export interface MoreParts {
  /** Items the backend holds beyond the loaded ones (0: the list is all loaded). */
  remaining: number;
  /** Fetches the next part and adds it to the list; answers the sentence of a failure, or null. */
  load: () => Promise<string | null>;
}

export interface Paged<T> {
  visible: readonly T[];
  /** Rows not shown yet: loaded and hidden, plus those still with the backend. */
  hidden: number;
  state: NextPageState;
  showMore: () => void;
}

export function usePaged<T>(items: readonly T[], parts?: MoreParts, pageSize = PAGE_SIZE): Paged<T> {
  const [limit, setLimit] = useState(pageSize);
  const [state, setState] = useState<NextPageState>('idle');
  const loadedHidden = Math.max(0, items.length - limit);
  const remaining = parts?.remaining ?? 0;
  const showMore = () => {
    if (state === 'loading') return;
    // A page needs rows beyond the loaded ones: the next part first, then the page shows.
    if (loadedHidden < pageSize && remaining > 0 && parts) {
      setState('loading');
      void parts.load().then((error) => {
        setState(error ? { error } : 'idle');
        if (!error) setLimit((n) => n + pageSize);
      });
      return;
    }
    setLimit((n) => n + pageSize);
  };
  return { visible: items.slice(0, limit), hidden: loadedHidden + remaining, state, showMore };
}

export function ShowMore({ rows, what }: { rows: Paged<unknown>; what: string }) {
  const { hidden, state } = rows;
  if (hidden <= 0 && typeof state !== 'object') return null;
  return (
    <>
      {typeof state === 'object' && (
        <Message tone="error">
          <p>{state.error}</p>
        </Message>
      )}
      {hidden > 0 && (
        <div className="show-more">
          <Button busy={state === 'loading'} busyLabel={words.common.loading} onClick={rows.showMore}>
            {words.common.showMoreOf({ count: Math.min(hidden, PAGE_SIZE), what })}
          </Button>
          <span className="muted">{words.common.notShownYet({ count: hidden })}</span>
        </div>
      )}
    </>
  );
}

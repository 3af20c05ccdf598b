/** Long lists render a page at a time: the first PAGE_SIZE rows, then "Show more" adds the next page. */
import { useState } from 'react';
import { words } from '../../../src/shared/words/base';
import { Button } from './Button';

const PAGE_SIZE = 50;

export function usePaged<T>(items: readonly T[], pageSize = PAGE_SIZE) {
  const [limit, setLimit] = useState(pageSize);
  return { visible: items.slice(0, limit), hidden: Math.max(0, items.length - limit), showMore: () => setLimit((n) => n + pageSize) };
}

export function ShowMore({ hidden, onShowMore, what }: { hidden: number; onShowMore: () => void; what: string }) {
  if (hidden <= 0) return null;
  return (
    <div className="show-more">
      <Button onClick={onShowMore}>{words.common.showMoreOf({ count: Math.min(hidden, PAGE_SIZE), what })}</Button>
      <span className="muted">{words.common.notShownYet({ count: hidden })}</span>
    </div>
  );
}

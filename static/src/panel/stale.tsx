/**
 * What says that the panel shows a kept copy: "As of 14:02" beside Refresh until the fresh answer
 * replaces it, then "Updated just now" for a while; and, when the fresh answer cannot be had, the last
 * known data's heading, the error's sentence and Retry.
 */
import { useEffect, useState } from 'react';
import { formatAsOf } from '../../../src/shared/as-of';
import { words } from '../../../src/shared/words/kept';
import type { UiContext } from '../context';
import { Button } from '../components/Button';
import { Message } from '../components/Message';
import type { Stale } from './ReadyPanel';

/** How long "Updated just now" stays after fresh rows arrived. */
const JUST_NOW_MS = 30_000;

/** True from `at` until JUST_NOW_MS later (re-rendering once when it ends). */
function useJustNow(at: number | null): boolean {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return undefined;
    setNow(Date.now());
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, at + JUST_NOW_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [at]);
  return at !== null && now - at < JUST_NOW_MS;
}

export function KeptMarker({ ctx, stale, swappedAt }: { ctx: UiContext; stale: Stale | null; swappedAt: number | null }) {
  const justNow = useJustNow(stale ? null : swappedAt);
  if (stale) {
    return (
      <span className="kept-marker kept-marker-stale" role="status">
        {words.kept.asOf({ time: formatAsOf(stale.at, ctx.timezone, ctx.locale) })}
        {!stale.failure && <span className="visually-hidden"> {words.kept.updating}</span>}
      </span>
    );
  }
  return (
    <span className="kept-marker" role="status">
      {justNow ? words.kept.updatedJustNow : ''}
    </span>
  );
}

export function StaleNotice({ ctx, stale }: { ctx: UiContext; stale: Stale }) {
  return (
    <Message
      tone="warning"
      title={words.kept.lastKnown({ time: formatAsOf(stale.at, ctx.timezone, ctx.locale) })}
      actions={
        <Button busy={stale.retrying} busyLabel={words.kept.retrying} onClick={stale.onRetry}>
          {words.common.retry}
        </Button>
      }
    >
      {stale.failure?.message && <p>{stale.failure.message}</p>}
    </Message>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { AppError, ListingBuild, ListingSource } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/admin';
import { api } from '../api';
import { Button } from '../components/Button';
import { DateTime } from '../components/DateTime';
import { Message } from '../components/Message';

type Build = { status: 'idle' } | { status: 'running'; last: ListingBuild | null } | { status: 'failed'; error: AppError };

/** Waits, or less if the page is left meanwhile. */
const pause = (ms: number, left: () => boolean) =>
  new Promise<void>((resolve) => {
    const started = Date.now();
    const tick = () => (left() || Date.now() - started >= ms ? resolve() : setTimeout(tick, Math.min(250, ms)));
    tick();
  });

/**
 * Where the listing comes from on a large site (admin/listing/): a snapshot taken at a time the page
 * says, with a way to refresh it, or — before the first one exists — the build, driven from here: the
 * backend builds a bounded share per call and says when to call again (its share of the storage quota).
 */
export function ListingSourceNote({ source, timeZone, locale, onBuilt }: { source: ListingSource; timeZone: string; locale: string; onBuilt: () => void }) {
  const [build, setBuild] = useState<Build>({ status: 'idle' });
  const left = useRef(false);
  useEffect(
    () => () => {
      left.current = true;
    },
    [],
  );

  const run = async () => {
    setBuild({ status: 'running', last: null });
    for (;;) {
      if (left.current) return;
      const r = await api.adminRefreshListing();
      if (!r.ok) return setBuild({ status: 'failed', error: r.error });
      if (r.data.done) {
        setBuild({ status: 'idle' });
        return onBuilt();
      }
      setBuild({ status: 'running', last: r.data });
      await pause((r.data.nextCallInSeconds ?? (r.data.busy ? 2 : 0)) * 1000, () => left.current);
    }
  };

  // No snapshot yet: the build starts as the page opens.
  useEffect(() => {
    if (source.kind === 'BUILDING') void run();
  }, [source.kind]);

  const said = words.admin;
  const progress =
    build.status === 'running' ? <p className="muted small" role="status">{build.last ? said.buildingProgress({ scanned: build.last.scanned, estimate: build.last.estimate }) : said.building}</p> : null;
  const failed =
    build.status === 'failed' ? (
      <Message tone="error" title={said.buildFailed} actions={<Button onClick={() => void run()}>{words.common.tryAgain}</Button>}>
        <p>{build.error.message}</p>
      </Message>
    ) : null;

  if (source.kind === 'BUILDING') {
    return (
      <div className="listing-source">
        <Message tone="info">
          <p>{said.building}</p>
        </Message>
        {progress}
        {failed}
      </div>
    );
  }
  if (source.kind !== 'SNAPSHOT') return null;
  return (
    <div className="listing-source">
      <p className="muted small">
        {said.snapshotAsOf({ date: <DateTime key="asOf" iso={source.asOf} timeZone={timeZone} locale={locale} /> })}
        {source.stale ? ` ${said.snapshotStale}` : ''}
      </p>
      <Button busy={build.status === 'running'} busyLabel={said.refreshListing} onClick={() => void run()}>
        {said.refreshListing}
      </Button>
      {progress}
      {failed}
    </div>
  );
}

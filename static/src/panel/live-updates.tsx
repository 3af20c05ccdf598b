/** Follows the live updates (live.ts) while the panel shows fresh data: each one reads again, as Refresh does. */
import { useEffect, useRef } from 'react';
import type { LiveAccess } from '../../../src/shared/definitions';
import { followLive } from '../live';
import { useRefreshAll } from './refresh';

export default function LiveUpdates({
  access,
  onUpdated,
  onOff,
  also,
}: {
  access: LiveAccess;
  onUpdated: () => void;
  onOff: () => void;
  /** A read no mounted view registered (the linked list while the cycles tab is shown: the glance counts it). */
  also: (() => Promise<void>) | null;
}) {
  const refreshAll = useRefreshAll();
  // The latest callbacks, without subscribing again when they change.
  const latest = useRef({ refreshAll, onUpdated, onOff, also });
  latest.current = { refreshAll, onUpdated, onOff, also };
  useEffect(
    () =>
      followLive(
        access,
        {
          onChange: async () => {
            await Promise.all([latest.current.refreshAll(), latest.current.also?.()]);
            latest.current.onUpdated();
          },
          onOff: () => latest.current.onOff(),
        },
        // The panel's first read started with the frame: events since then are replayed.
        performance.now(),
      ),
    [access.channel, access.token],
  );
  return null;
}

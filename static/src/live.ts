/**
 * The issue's live updates in the panel (Forge Realtime, through @forge/bridge's `realtime`): one
 * subscription with the subscribe-only token getState handed out, on the issue's context (Jira.Issue:
 * the panel and the glance of this issue, nobody else's). An event says only "this issue's tests
 * changed": the panel reads again, as its Refresh does, with the user's own token. Bursts are
 * coalesced: one read at a time, and events during it make one more. Anything Realtime refuses or
 * loses is retried a few times with growing pauses, then given up: the panel works as before, says
 * that live updates are off, and Refresh still shows what others changed.
 */
import { Jira, realtime } from '@forge/bridge';
import type { LiveAccess } from '../../src/shared/definitions';

/** Pauses before subscribing again after a refusal or a lost connection; then live updates stay off. */
const LIVE_RETRY_MS = [2_000, 8_000, 30_000] as const;

export interface LiveHandlers {
  /** Read again (the panel's Refresh); resolves when the fresh rows are shown. */
  onChange: () => Promise<void>;
  /** Live updates are off for good (until the next load). */
  onOff: () => void;
}

/**
 * Subscribes; returns the unsubscribe. `sinceMs`: how long ago (frame clock) the answer the panel
 * shows was asked for — events published since are replayed, so a change between that read and this
 * subscription is not missed.
 */
export function followLive(access: LiveAccess, { onChange, onOff }: LiveHandlers, sinceMs: number): () => void {
  let stopped = false;
  let reading = false;
  let again = false;
  let unsubscribe: (() => Promise<void>) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const changed = async () => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        await onChange();
      } while (again && !stopped);
    } finally {
      reading = false;
    }
  };

  const attempt = (n: number, replayMs: number) => {
    const retry = () => {
      unsubscribe = null;
      const pause = LIVE_RETRY_MS[n];
      if (stopped) return;
      if (pause === undefined) return onOff();
      retryTimer = setTimeout(() => attempt(n + 1, pause + 1_000), pause);
    };
    let subscribing: Promise<{ unsubscribe: () => Promise<void> }>;
    try {
      subscribing = realtime.subscribe(
        access.channel,
        (_payload, error) => {
          if (stopped) return;
          if (error) return retry();
          void changed();
        },
        { token: access.token, contextOverrides: [Jira.Issue], replaySeconds: Math.ceil(replayMs / 1000) + 1 },
      );
    } catch {
      return retry();
    }
    subscribing.then(
      (s) => {
        if (stopped) void s.unsubscribe().catch(() => undefined);
        else unsubscribe = s.unsubscribe;
      },
      retry,
    );
  };
  attempt(0, sinceMs);

  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    void unsubscribe?.().catch(() => undefined);
  };
}

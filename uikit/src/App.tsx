/**
 * The issue context module. Its summary comes, in this order of preference, from its kept copy (at
 * once, marked with its time), from the issue panel on the same page (which hands over the summary of
 * its own first read: one read for the page), or from its own `getIssueSummary` when no panel answers
 * (glance-data.ts). It stays current with what the panel hands over after every change, or — read for
 * itself — with the issue's live updates and the panel's "tests changed".
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { router, view } from '@forge/bridge';
import { SHOW_PANEL_EVENT } from '../../src/shared/app-events';
import type { AppError, IssueSummary } from '../../src/shared/definitions';
import { MODULE_KEYS } from '../../src/shared/facts';
import { keptFate, type Kept, type KeptKey } from '../../src/shared/kept';
import { placeOf } from '../../src/shared/place';
import { fetchSummary } from './summary-api';
import { SummaryView, type SummaryLoad } from './SummaryView';
import {
  CONNECTION_CHANGED_EVENT,
  followLive,
  listen,
  PANEL_READ_WAIT_MS,
  PANEL_WAIT_MS,
  panelSummary,
  READING_EVENT,
  readKeptSummary,
  send,
  settleKeptSummary,
  SUMMARY_EVENT,
  SUMMARY_WANTED_EVENT,
  TESTS_CHANGED_EVENT,
} from './glance-data';

/** The user's Jira timezone and locale (from the Forge context): dates are shown in them. */
type Where = ReturnType<typeof placeOf>;

interface Frame {
  where: Where;
  key: KeptKey | null;
  issueKey: string | null;
}

function frameOf(context: unknown): Frame {
  const c = (context ?? {}) as { cloudId?: unknown; accountId?: unknown; extension?: { issue?: { key?: unknown } } };
  const issueKey = typeof c.extension?.issue?.key === 'string' ? c.extension.issue.key : null;
  const key = typeof c.cloudId === 'string' && typeof c.accountId === 'string' && issueKey ? { site: c.cloudId, account: c.accountId, issue: issueKey } : null;
  return { where: placeOf(context), key, issueKey };
}

/** A fresh answer that leaves a shown kept copy in place, marked, with this failure (TestKase slow or down). */
function failureOf(summary: IssueSummary): AppError | null {
  const { connection, coverage } = summary;
  if (connection.kind === 'READY') return coverage && !coverage.ok ? coverage.error : null;
  if (connection.kind === 'PAT_SAVED' && keptFate(connection) === 'keep') return { code: 'UNAVAILABLE', message: connection.message.text };
  return null;
}

function useSummary(frame: Frame | null): { load: SummaryLoad; reload: () => void } {
  const [load, setLoad] = useState<SummaryLoad>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const shownKept = useRef<Kept<IssueSummary> | null>(null);
  /** Who keeps it current: nobody yet, the panel on this page, or this module itself. */
  const source = useRef<'waiting' | 'panel' | 'self'>('waiting');
  const running = useRef(false);
  const again = useRef(false);
  const stopLive = useRef<(() => void) | null>(null);
  const frameRef = useRef(frame);
  frameRef.current = frame;

  /** Shows a fresh summary: over a kept copy (swapped, "Updated just now"), unless it is a failure the copy outlives. */
  const show = useCallback((summary: IssueSummary, tokenSavedAt: string | null) => {
    settleKeptSummary(frameRef.current?.key ?? null, summary, tokenSavedAt, shownKept.current);
    const prev = loadRef.current;
    if (prev.status === 'ready' && prev.kept) {
      const failure = failureOf(summary);
      if (failure) return setLoad({ ...prev, refreshing: false, kept: { ...prev.kept, failure } });
    }
    // Over a kept copy or earlier counts: "Updated just now" for a while.
    setLoad({ status: 'ready', summary, refreshing: false, kept: null, updatedAt: prev.status === 'ready' ? Date.now() : null });
  }, []);

  /** Reads for itself: calls never overlap, a change announced during one makes one more. */
  const read = useCallback(
    async (skeleton: boolean) => {
      source.current = 'self';
      if (running.current) {
        again.current = true;
        return;
      }
      running.current = true;
      try {
        let showSkeleton = skeleton;
        do {
          again.current = false;
          setLoad((prev) => (showSkeleton || prev.status !== 'ready' ? { status: 'loading' } : { ...prev, refreshing: true }));
          const r = await fetchSummary();
          if (r.ok) {
            show(r.data, null);
            // Read for itself: it follows the issue's live updates itself.
            if (r.data.live && !stopLive.current) stopLive.current = followLive(r.data.live, () => void read(false), performance.now());
          } else {
            const prev = loadRef.current;
            // A failed read keeps a kept copy, marked; counts fetched earlier are not left on screen as if current.
            if (prev.status === 'ready' && prev.kept) setLoad({ ...prev, refreshing: false, kept: { ...prev.kept, failure: r.error } });
            else setLoad({ status: 'failed', error: r.error });
          }
          showSkeleton = false;
        } while (again.current);
      } finally {
        running.current = false;
      }
    },
    [show],
  );

  // Listening starts before the context is known: the panel may answer at once.
  const heard = useRef<{ reading: boolean; summary: unknown } | null>(null);
  useEffect(() => {
    const offSummary = listen(SUMMARY_EVENT, (payload) => {
      if (!frameRef.current) {
        heard.current = { reading: true, summary: payload };
        return;
      }
      const handed = panelSummary(payload, frameRef.current.issueKey);
      if (!handed) return;
      if (!handed.summary) {
        // The panel's own read failed: read here (Retry and its sentence are this module's own).
        if (source.current !== 'self') void read(false);
        return;
      }
      if (source.current === 'self') return; // it follows the channel itself
      source.current = 'panel';
      show(handed.summary, handed.tokenSavedAt);
    });
    const offReading = listen(READING_EVENT, () => {
      heard.current = { reading: true, summary: heard.current?.summary ?? null };
    });
    // The panel records, links and unlinks, then hands over its new list; a glance that reads for itself reads again.
    const offChanged = listen(TESTS_CHANGED_EVENT, () => {
      if (source.current === 'self') void read(false);
    });
    // The panel learned the token or the mapping is gone: the counts shown can no longer be vouched for,
    // whoever read them; the glance reads its own state again.
    const offConnection = listen(CONNECTION_CHANGED_EVENT, () => void read(false));
    send(SUMMARY_WANTED_EVENT, {});
    return () => {
      offSummary();
      offReading();
      offChanged();
      offConnection();
      stopLive.current?.();
    };
  }, [read, show]);

  // Once the context is known: the kept copy, then whatever was heard, else a moment's wait for a panel.
  useEffect(() => {
    if (!frame) return undefined;
    const kept = readKeptSummary(frame.key);
    shownKept.current = kept;
    if (kept && loadRef.current.status !== 'ready') setLoad({ status: 'ready', summary: kept.data, refreshing: true, kept: { at: kept.at, failure: null }, updatedAt: null });
    const early = heard.current?.summary ? panelSummary(heard.current.summary, frame.issueKey) : null;
    if (early?.summary) {
      source.current = 'panel';
      show(early.summary, early.tokenSavedAt);
      return undefined;
    }
    if (early && !early.summary) {
      void read(false);
      return undefined;
    }
    const started = Date.now();
    const timer = setInterval(() => {
      if (source.current !== 'waiting') return clearInterval(timer);
      const waited = Date.now() - started;
      // No panel answered in time, or one said it was reading and never handed anything over.
      if (waited >= (heard.current?.reading ? PANEL_READ_WAIT_MS : PANEL_WAIT_MS)) {
        clearInterval(timer);
        void read(false);
      }
    }, 50);
    return () => clearInterval(timer);
  }, [frame, read, show]);

  return { load, reload: () => void read(true) };
}

/** How long "Updated just now" stays after fresh counts arrived (as in the panel). */
const JUST_NOW_MS = 30_000;

/** True from `at` until JUST_NOW_MS later (re-rendering once when it ends). */
function useJustNow(at: number | null): boolean {
  const [, tick] = useState(0);
  useEffect(() => {
    if (at === null) return undefined;
    const timer = setTimeout(() => tick((n) => n + 1), Math.max(0, at + JUST_NOW_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [at]);
  return at !== null && Date.now() - at < JUST_NOW_MS;
}

export function IssueSummaryApp() {
  const [frame, setFrame] = useState<Frame | null>(null);
  const { load, reload } = useSummary(frame);
  const justNow = useJustNow(load.status === 'ready' ? (load.updatedAt ?? null) : null);

  useEffect(() => {
    view.getContext().then(
      (context) => setFrame(frameOf(context)),
      () => setFrame(frameOf(null)),
    );
  }, []);

  return (
    <SummaryView
      // Dates are shown only once the user's timezone is known, never first in another zone.
      load={frame ? load : { status: 'loading' }}
      timeZone={frame?.where.timeZone ?? 'UTC'}
      locale={frame?.where.locale ?? 'en-US'}
      justUpdated={justNow}
      onRetry={reload}
      // The global page, where a person saves their TestKase token.
      onOpenSettings={() => void router.navigate({ target: 'module', moduleKey: MODULE_KEYS.GLOBAL_PAGE }).catch(() => undefined)}
      onShowPanel={() => send(SHOW_PANEL_EVENT, {})}
    />
  );
}

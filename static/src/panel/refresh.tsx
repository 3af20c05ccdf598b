/**
 * The panel's Refresh control re-fetches what is on screen: each mounted view registers its loader's
 * refresh here (a hidden or closed view is not mounted, so it is not asked).
 */
import { createContext, useCallback, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { words } from '../../../src/shared/words/base';
import { Button } from '../components/Button';

type Refresh = () => Promise<void>;
const Registry = createContext<Set<Refresh> | null>(null);

export function RefreshScope({ children }: { children: ReactNode }) {
  const set = useRef(new Set<Refresh>());
  return <Registry.Provider value={set.current}>{children}</Registry.Provider>;
}

/** Registers `refresh` (a stable function, e.g. a loader's) while the calling view is mounted; null while it is hidden. */
export function useRefreshable(refresh: Refresh | null): void {
  const set = useContext(Registry);
  // Registered as soon as the view is on screen (a layout effect), so an early click on Refresh finds it.
  useLayoutEffect(() => {
    if (!set || !refresh) return undefined;
    set.add(refresh);
    return () => {
      set.delete(refresh);
    };
  }, [set, refresh]);
}

/** Fetches again every mounted view's data, as Refresh does (a live update); resolves when all answered. */
export function useRefreshAll(): () => Promise<void> {
  const set = useContext(Registry);
  return useCallback(async () => {
    await Promise.all([...(set ?? [])].map((r) => r()));
  }, [set]);
}

export function RefreshButton() {
  const set = useContext(Registry);
  const [busy, setBusy] = useState(false);
  const refreshAll = useCallback(async () => {
    setBusy(true);
    await Promise.all([...(set ?? [])].map((r) => r()));
    setBusy(false);
  }, [set]);
  return (
    <Button appearance="subtle" busy={busy} busyLabel={words.common.refreshing} onClick={() => void refreshAll()}>
      {words.common.refresh}
    </Button>
  );
}

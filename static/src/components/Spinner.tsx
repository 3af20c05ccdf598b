import { useEffect, useState } from 'react';
import { words } from '../../../src/shared/words/base';

/** After this long a wait is no longer "a moment": say the app is still at it (TestKase can take 20 s). */
export const SLOW_AFTER_MS = 3_000;

/** True once `ms` have passed since the component mounted. */
function useAfter(ms: number): boolean {
  const [passed, setPassed] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setPassed(true), ms);
    return () => clearTimeout(timer);
  }, [ms]);
  return passed;
}

function StillWorking() {
  return useAfter(SLOW_AFTER_MS) ? <p className="still-working">{words.common.stillWorking}</p> : null;
}

export function Spinner({ label = words.common.loading }: { label?: string }) {
  return (
    <div role="status">
      <div className="spinner-row">
        <span className="spinner" aria-hidden="true" />
        <span>{label}</span>
      </div>
      <StillWorking />
    </div>
  );
}

/** Placeholder rows while a screen loads; after a few seconds it says it is still working. */
export function Skeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div className="skeleton" role="status" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={`skeleton-line skeleton-line-${(i % 3) + 1}`} aria-hidden="true" />
      ))}
      <StillWorking />
    </div>
  );
}

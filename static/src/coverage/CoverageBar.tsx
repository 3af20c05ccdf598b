/**
 * A row's results as a compact stacked bar (SVG geometry: the CSP forbids inline styles), with its
 * counts in words beside it and for screen readers ("Pass 2, Fail 1"), results first as the glance
 * reads them.
 */
import type { StatusCounts } from '../../../src/shared/definitions';
import { RESULTS_FIRST } from '../../../src/shared/facts';
import { words } from '../../../src/shared/words/coverage';
import { STATUS_CLASS } from '../status-style';

function countsSummary(counts: StatusCounts): string[] {
  return RESULTS_FIRST.filter((s) => counts[s] > 0).map((s) => words.statusCount({ status: words.status[s], count: counts[s] }));
}

export function CoverageBar({ counts, total, issueKey }: { counts: StatusCounts; total: number; issueKey: string }) {
  const w = words.coverage;
  if (total === 0) return <span className="muted">{w.noResults}</span>;
  const summary = countsSummary(counts);
  let x = 0;
  return (
    <span className="coverage-bar" title={summary.join(', ')}>
      <svg viewBox="0 0 100 8" preserveAspectRatio="none" width="100%" height="8" role="img" aria-label={w.resultsLabel({ key: issueKey, summary })}>
        {RESULTS_FIRST.map((s) => {
          const width = (counts[s] / total) * 100;
          const rect = width > 0 ? <rect key={s} className={`seg seg-${STATUS_CLASS[s]}`} x={x} y="0" width={width} height="8" /> : null;
          x += width;
          return rect;
        })}
      </svg>
      <span className="coverage-bar-text" aria-hidden="true">
        {summary.join(', ')}
      </span>
    </span>
  );
}

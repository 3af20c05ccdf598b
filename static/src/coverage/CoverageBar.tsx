/**
 * A row's results as a compact stacked bar (SVG geometry: the CSP forbids inline styles), with its
 * counts in words for screen readers and as a tooltip.
 */
import type { ExecutionStatus, StatusCounts } from '../../../src/shared/definitions';
import { STATUS_CLASS } from '../labels';
import { RESULT_COUNT_WORD, coverageWords as w } from './words';

const ORDER: readonly ExecutionStatus[] = ['PASS', 'FAIL', 'BLOCKED', 'SKIPPED', 'NOT_EXECUTED'];

export function countsText(counts: StatusCounts): string {
  return ORDER.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${RESULT_COUNT_WORD[s]}`)
    .join(', ');
}

export function CoverageBar({ counts, total, issueKey }: { counts: StatusCounts; total: number; issueKey: string }) {
  if (total === 0) return <span className="muted">{w.noResults}</span>;
  const text = countsText(counts);
  let x = 0;
  return (
    <span className="coverage-bar" title={text}>
      <svg viewBox="0 0 100 8" preserveAspectRatio="none" width="100%" height="8" role="img" aria-label={`${w.resultsLabel(issueKey)}: ${text}`}>
        {ORDER.map((s) => {
          const width = (counts[s] / total) * 100;
          const rect = width > 0 ? <rect key={s} className={`seg seg-${STATUS_CLASS[s]}`} x={x} y="0" width={width} height="8" /> : null;
          x += width;
          return rect;
        })}
      </svg>
      <span className="coverage-bar-text" aria-hidden="true">
        {text}
      </span>
    </span>
  );
}

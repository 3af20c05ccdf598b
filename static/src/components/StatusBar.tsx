import type { StatusCounts } from '../../../src/shared/definitions';
import { STATUSES } from '../../../src/shared/facts';
import { words } from '../../../src/shared/words/base';
import { STATUS_CLASS } from '../status-style';

/**
 * A stacked bar of execution statuses. Drawn in SVG because the CSP forbids inline styles:
 * `x`/`width` attributes are geometry, not styles.
 */
export function StatusBar({ counts, label }: { counts: StatusCounts; label: string }) {
  const total = STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const summary = STATUSES.filter((s) => counts[s] > 0).map((s) => words.statusCount({ status: words.status[s], count: counts[s] }));
  let x = 0;
  return (
    <div className="status-bar">
      <svg
        className="status-bar-track"
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        width="100%"
        height="8"
        role="img"
        aria-label={words.common.statusBar({ label, summary: total === 0 ? [] : summary })}
      >
        <rect className="status-bar-empty" x="0" y="0" width="100" height="8" />
        {total > 0 &&
          STATUSES.map((s) => {
            const width = (counts[s] / total) * 100;
            const rect = width > 0 ? <rect key={s} className={`seg seg-${STATUS_CLASS[s]}`} x={x} y="0" width={width} height="8" /> : null;
            x += width;
            return rect;
          })}
      </svg>
      <ul className="status-legend" aria-hidden="true">
        {STATUSES.map((s) => (
          <li key={s} className={`legend-${STATUS_CLASS[s]}`}>
            <span className="legend-dot" />
            {words.status[s]} <strong>{counts[s]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

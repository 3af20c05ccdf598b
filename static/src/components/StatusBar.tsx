import type { StatusCounts } from '../../../src/shared/definitions';
import { STATUSES, STATUS_CLASS, STATUS_LABEL } from '../labels';

/**
 * A stacked bar of execution statuses. Drawn in SVG because the CSP forbids inline styles:
 * `x`/`width` attributes are geometry, not styles.
 */
export function StatusBar({ counts, label }: { counts: StatusCounts; label: string }) {
  const total = STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const summary = STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${STATUS_LABEL[s]} ${counts[s]}`)
    .join(', ');
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
        aria-label={`${label}: ${total === 0 ? 'none' : summary}`}
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
            {STATUS_LABEL[s]} <strong>{counts[s]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { ReactNode } from 'react';
import type { TestCaseSummary } from '../../../../src/shared/definitions';
import { latestStatus } from '../../../../src/shared/results';
import { words } from '../../../../src/shared/words/panel';
import { Button } from '../../components/Button';
import { Lozenge, StatusLozenge } from '../../components/Lozenge';

/**
 * One linked test case: select it, open its details (the id and title are the disclosure button),
 * run it, unlink it. Wraps onto several lines in a narrow panel instead of scrolling sideways.
 */
export function CaseRow({
  tc,
  canWrite,
  selected,
  onSelect,
  expanded,
  onToggle,
  running,
  onRun,
  unlinking,
  busy,
  onUnlink,
  children,
}: {
  tc: TestCaseSummary;
  canWrite: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  expanded: boolean;
  onToggle: () => void;
  running: boolean;
  onRun: () => void;
  unlinking: boolean;
  /** Another row is being unlinked. */
  busy: boolean;
  onUnlink: () => void;
  /** The open details or run form, under the row. */
  children?: ReactNode;
}) {
  const detailsId = `case-${tc.id}-details`;
  return (
    <li className={expanded || running ? 'case-row case-row-open' : 'case-row'} data-case={tc.id}>
      <div className="case-main">
        {canWrite && (
          <input type="checkbox" className="case-check" checked={selected} aria-label={words.cases.select({ id: tc.id })} onChange={(e) => onSelect(e.currentTarget.checked)} />
        )}
        <button type="button" className="case-toggle" aria-expanded={expanded} aria-controls={detailsId} data-toggle={tc.id} onClick={onToggle}>
          <svg className={expanded ? 'chevron chevron-open' : 'chevron'} viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="mono case-id">{tc.id}</span> <span className="case-title">{tc.title}</span>
        </button>
        <span className="case-meta">
          <Lozenge>{words.priority[tc.priority]}</Lozenge>
          <StatusLozenge status={latestStatus(tc)} />
        </span>
        {canWrite && (
          <span className="case-actions">
            <Button appearance={running ? 'primary' : 'default'} aria-expanded={running} data-run={tc.id} onClick={onRun}>
              {words.common.run}
              <span className="visually-hidden">{words.common.which({ id: tc.id })}</span>
            </Button>
            <Button appearance="subtle" busy={unlinking} busyLabel={words.cases.unlinking} disabled={busy} onClick={onUnlink}>
              {words.cases.unlink}
              <span className="visually-hidden">{words.common.which({ id: tc.id })}</span>
            </Button>
          </span>
        )}
      </div>
      <div id={detailsId} className="case-extra">
        {children}
      </div>
    </li>
  );
}

/** One recorded result: status, cycle, who and when, the comment, the bugs, and its step results. */
import type { Execution, StepResult, User } from '../../../../src/shared/definitions';
import { words } from '../../../../src/shared/words/test-case';
import type { UiContext } from '../../context';
import { DateTime } from '../../components/DateTime';
import { IssueKeys } from '../../components/IssueKeys';
import { LongText } from '../../components/LongText';
import { StatusLozenge } from '../../components/Lozenge';

export function ResultSummary({ ctx, result, cycleName }: { ctx: UiContext; result: Execution; cycleName?: string }) {
  // Not Executed is recorded, not executed: who set it and when, never "executed by".
  const executed = result.status !== 'NOT_EXECUTED' && result.executedAt;
  const who: User | null = executed ? result.executedBy : result.recordedBy;
  const when = executed ? result.executedAt : result.recordedAt;
  return (
    <div className="result">
      <p className="result-head">
        <StatusLozenge status={result.status} />
        {cycleName && <span className="result-cycle">{cycleName}</span>}
        <span className="muted">
          {(executed ? words.details.executedBy : words.details.setBy)({ name: who?.name ?? words.common.none })}
          {when && (
            <>
              {' · '}
              <DateTime iso={when} timeZone={ctx.timezone} locale={ctx.locale} />
            </>
          )}
        </span>
      </p>
      {result.comment && <LongText text={result.comment} className="comment" />}
      <IssueKeys keys={result.defects} />
      {result.stepResults.length > 0 && (
        <details className="step-results">
          <summary>{words.details.stepResults({ count: result.stepResults.length })}</summary>
          <ol className="step-result-list">
            {[...result.stepResults]
              .sort((a, b) => a.order - b.order)
              .map((s: StepResult) => (
                <li key={s.order}>
                  {words.details.stepResult({ order: s.order, status: <strong key="status">{words.status[s.status]}</strong> })}
                  {s.actualResult && <LongText text={words.details.actual({ text: s.actualResult })} />}
                </li>
              ))}
          </ol>
        </details>
      )}
    </div>
  );
}

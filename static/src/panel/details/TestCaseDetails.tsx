/** A linked test case opened from its row: what it tests and how, then every result it had, newest first. */
import type { TestCaseDetail } from '../../../../src/shared/definitions';
import { words } from '../../../../src/shared/words/test-case';
import { api } from '../../api';
import type { UiContext } from '../../context';
import { Button } from '../../components/Button';
import { DateTime } from '../../components/DateTime';
import { useFormFocus } from '../../components/form-focus';
import { Loaded } from '../../components/Loaded';
import { LongText } from '../../components/LongText';
import { useLoad } from '../../load';
import { useRefreshable } from '../refresh';
import { History } from './History';
import { StepText } from '../StepText';

export default function TestCaseDetails({ ctx, testCaseId, onClose }: { ctx: UiContext; testCaseId: string; onClose: () => void }) {
  const detail = useLoad(() => api.getTestCase({ testCaseId }), [testCaseId]);
  useRefreshable(detail.refresh);
  // Esc anywhere in the details closes them, and focus goes back to the row.
  const keys = useFormFocus<HTMLDivElement>(onClose);
  return (
    <div className="case-details" ref={keys.ref} onKeyDown={keys.onKeyDown} role="region" aria-label={words.details.region({ id: testCaseId })}>
      <Loaded state={detail.state} loadingLabel={words.details.loading({ id: testCaseId })} errorTitle={words.details.loadFailed({ id: testCaseId })} onRetry={() => void detail.reload()}>
        {(tc) => <Body tc={tc} ctx={ctx} />}
      </Loaded>
      <History ctx={ctx} testCaseId={testCaseId} />
      <Button appearance="subtle" onClick={onClose}>
        {words.details.close}
        <span className="visually-hidden">{words.details.closeWhich({ id: testCaseId })}</span>
      </Button>
    </div>
  );
}

function Body({ tc, ctx }: { tc: TestCaseDetail; ctx: UiContext }) {
  const said = words.details;
  return (
    <>
      <dl className="details">
        <dt>{said.type}</dt>
        <dd>{words.caseType[tc.type]}</dd>
        <dt>{said.status}</dt>
        <dd>{words.caseStatus[tc.status]}</dd>
        <dt>{said.priority}</dt>
        <dd>{words.priority[tc.priority]}</dd>
        <dt>{said.automationId}</dt>
        <dd>{tc.automationId ? <span className="mono">{tc.automationId}</span> : <span className="muted">{said.notAutomated}</span>}</dd>
        <dt>{said.owner}</dt>
        <dd>{tc.owner?.name ?? <span className="muted">{words.common.none}</span>}</dd>
        <dt>{said.updated}</dt>
        <dd>
          <DateTime iso={tc.updatedAt} timeZone={ctx.timezone} locale={ctx.locale} />
        </dd>
      </dl>
      <h4 className="minor-heading">{said.description}</h4>
      {tc.description ? <LongText text={tc.description} /> : <p className="muted">{said.noDescription}</p>}
      <h4 className="minor-heading">{said.preconditions}</h4>
      {tc.preconditions ? <LongText text={tc.preconditions} /> : <p className="muted">{said.noPreconditions}</p>}
      <h4 className="minor-heading">{said.steps}</h4>
      {tc.steps.length === 0 ? (
        <p className="muted">{said.noSteps}</p>
      ) : (
        <ol className="steps">
          {[...tc.steps]
            .sort((a, b) => a.order - b.order)
            .map((s) => (
              <li key={s.order} className="step">
                <StepText step={s} />
              </li>
            ))}
        </ol>
      )}
    </>
  );
}

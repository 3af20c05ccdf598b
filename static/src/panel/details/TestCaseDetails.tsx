/** A linked test case opened from its row: what it tests and how, then every result it had, newest first. */
import type { TestCaseDetail } from '../../../../src/shared/definitions';
import { api } from '../../api';
import type { UiContext } from '../../context';
import { Button } from '../../components/Button';
import { DateTime } from '../../components/DateTime';
import { useFormFocus } from '../../components/form-focus';
import { Loaded } from '../../components/Loaded';
import { LongText } from '../../components/LongText';
import { PRIORITY_LABEL } from '../../labels';
import { CASE_STATUS_LABEL, TYPE_LABEL } from './labels';
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
    <div className="case-details" ref={keys.ref} onKeyDown={keys.onKeyDown} role="region" aria-label={`Details of ${testCaseId}`}>
      <Loaded state={detail.state} loadingLabel={`Loading ${testCaseId}…`} errorTitle={`${testCaseId} could not be loaded`} onRetry={() => void detail.reload()}>
        {(tc) => <Body tc={tc} ctx={ctx} />}
      </Loaded>
      <History ctx={ctx} testCaseId={testCaseId} />
      <Button appearance="subtle" onClick={onClose}>
        Close details<span className="visually-hidden"> of {testCaseId}</span>
      </Button>
    </div>
  );
}

function Body({ tc, ctx }: { tc: TestCaseDetail; ctx: UiContext }) {
  return (
    <>
      <dl className="details">
        <dt>Type</dt>
        <dd>{TYPE_LABEL[tc.type]}</dd>
        <dt>Status</dt>
        <dd>{CASE_STATUS_LABEL[tc.status]}</dd>
        <dt>Priority</dt>
        <dd>{PRIORITY_LABEL[tc.priority]}</dd>
        <dt>Automation id</dt>
        <dd>{tc.automationId ? <span className="mono">{tc.automationId}</span> : <span className="muted">Not automated</span>}</dd>
        <dt>Owner</dt>
        <dd>{tc.owner?.name ?? <span className="muted">—</span>}</dd>
        <dt>Updated</dt>
        <dd>
          <DateTime iso={tc.updatedAt} timeZone={ctx.timezone} locale={ctx.locale} />
        </dd>
      </dl>
      <h4 className="minor-heading">Description</h4>
      {tc.description ? <LongText text={tc.description} /> : <p className="muted">No description.</p>}
      <h4 className="minor-heading">Preconditions</h4>
      {tc.preconditions ? <LongText text={tc.preconditions} /> : <p className="muted">None.</p>}
      <h4 className="minor-heading">Steps</h4>
      {tc.steps.length === 0 ? (
        <p className="muted">This test case has no steps.</p>
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

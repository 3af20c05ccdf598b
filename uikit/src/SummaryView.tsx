/**
 * What the issue context module shows, as UI Kit components the host renders natively: a pure function
 * of what the backend answered, so each state's ForgeDoc is asserted in the unit tests.
 */
import { Button, Inline, Lozenge, SectionMessage, Spinner, Stack, Text, Tooltip } from '@forge/react';
import type { AppError, ConfigState, Coverage, ExecutionStatus, IssueSummary, LatestRun } from '../../src/shared/definitions';
import { formatDateTime, zoneLabel } from '../../static/src/format';
import { StatusBar } from './StatusBar';
import { RESULT_WORD, VERDICT_WORD, countsLine, verdictOf, type Verdict } from './words';

export type SummaryLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: AppError }
  /** `refreshing`: fetching again behind what is shown (after the panel changed something). */
  | { status: 'ready'; summary: IssueSummary; refreshing: boolean };

interface SummaryActions {
  onRetry: () => void;
  onOpenSettings: () => void;
  onShowPanel: () => void;
}

interface ViewProps extends SummaryActions {
  load: SummaryLoad;
  /** The user's Jira timezone and locale (from the Forge context): dates are shown in them. */
  timeZone: string;
  locale: string;
}

type LozengeAppearance = 'default' | 'success' | 'removed' | 'moved' | 'inprogress';

const RESULT_LOZENGE: Record<ExecutionStatus, LozengeAppearance> = {
  PASS: 'success',
  FAIL: 'removed',
  BLOCKED: 'moved',
  SKIPPED: 'inprogress',
  NOT_EXECUTED: 'default',
};

const VERDICT_LOZENGE: Record<Verdict, LozengeAppearance> = {
  FAILING: 'removed',
  BLOCKED: 'moved',
  INCOMPLETE: 'inprogress',
  PASSING: 'success',
};

export function SummaryView({ load, timeZone, locale, ...actions }: ViewProps) {
  if (load.status === 'loading') {
    return (
      <Inline space="space.100" alignBlock="center">
        <Spinner size="small" label="Loading test status" />
        <Text color="color.text.subtle">Loading test status…</Text>
      </Inline>
    );
  }
  if (load.status === 'failed') return <Problem title="Test status could not be loaded" text={load.error.message} onRetry={actions.onRetry} />;
  const { summary, refreshing } = load;
  if (summary.config.kind !== 'READY') return <NotReady config={summary.config} {...actions} />;
  if (!summary.coverage) return <Problem title="Test status could not be loaded" text="TestKase did not list the linked test cases." onRetry={actions.onRetry} />;
  if (!summary.coverage.ok) return <Problem title="Linked test cases could not be loaded" text={summary.coverage.error.message} onRetry={actions.onRetry} />;
  return <Ready issueKey={summary.issueKey} coverage={summary.coverage.data} refreshing={refreshing} timeZone={timeZone} locale={locale} onShowPanel={actions.onShowPanel} />;
}

function Problem({ title, text, onRetry }: { title: string; text: string; onRetry: () => void }) {
  return (
    <Stack space="space.100">
      <SectionMessage appearance="error" title={title}>
        <Text>{text}</Text>
      </SectionMessage>
      <Inline>
        <Button onClick={onRetry}>Retry</Button>
      </Inline>
    </Stack>
  );
}

/** Each state's sentence comes from the backend (sentences.ts); here only its tone and the one next step. */
function NotReady({ config, onRetry, onOpenSettings }: { config: Exclude<ConfigState, { kind: 'READY' }> } & SummaryActions) {
  const reason = config.kind === 'NO_CONFIG' ? 'NO_CONFIG' : config.reason;
  const appearance = reason === 'NO_CONFIG' ? 'information' : reason === 'TOKEN_REJECTED' ? 'error' : 'warning';
  const step =
    reason === 'NO_CONFIG' || reason === 'TOKEN_REJECTED' ? (
      <Button appearance="primary" onClick={onOpenSettings}>
        Open TestKase settings
      </Button>
    ) : reason === 'TESTKASE_UNAVAILABLE' || reason === 'RATE_LIMITED' ? (
      <Button onClick={onRetry}>Retry</Button>
    ) : null; // not mapped, mapping lost, no access: the sentence names who can fix it
  return (
    <Stack space="space.100">
      <SectionMessage appearance={appearance} title={config.message.title}>
        <Text>{config.message.text}</Text>
      </SectionMessage>
      {step && <Inline>{step}</Inline>}
    </Stack>
  );
}

function Ready({
  issueKey,
  coverage,
  refreshing,
  timeZone,
  locale,
  onShowPanel,
}: {
  issueKey: string;
  coverage: Coverage;
  refreshing: boolean;
  timeZone: string;
  locale: string;
  onShowPanel: () => void;
}) {
  if (coverage.total === 0) {
    return (
      <Stack space="space.100">
        <Text>No test cases are linked to {issueKey} yet.</Text>
        <Inline>
          <Button onClick={onShowPanel}>Open the TestKase panel</Button>
        </Inline>
      </Stack>
    );
  }
  const verdict = verdictOf(coverage);
  return (
    <Stack space="space.150">
      <Inline space="space.100" alignBlock="center" spread="space-between">
        <Lozenge appearance={VERDICT_LOZENGE[verdict]} isBold>
          {VERDICT_WORD[verdict]}
        </Lozenge>
        {refreshing && <Spinner size="small" label="Updating test status" />}
      </Inline>
      <Text>{countsLine(coverage.total, coverage.counts)}</Text>
      <StatusBar total={coverage.total} counts={coverage.counts} />
      {coverage.latest && <Latest run={coverage.latest} timeZone={timeZone} locale={locale} />}
      <Inline>
        <Button onClick={onShowPanel}>Open test cases</Button>
      </Inline>
    </Stack>
  );
}

function Latest({ run, timeZone, locale }: { run: LatestRun; timeZone: string; locale: string }) {
  return (
    <Stack space="space.050">
      <Text size="small" color="color.text.subtle">
        Latest execution
      </Text>
      <Inline space="space.075" alignBlock="center" shouldWrap>
        <Lozenge appearance={RESULT_LOZENGE[run.status]}>{RESULT_WORD[run.status]}</Lozenge>
        <Text weight="medium">{run.testCaseId}</Text>
        <Text maxLines={1}>{run.testCaseTitle}</Text>
      </Inline>
      <Tooltip content={zoneLabel(run.executedAt, timeZone, locale)}>
        <Text size="small" color="color.text.subtle">
          {run.executedBy} · {formatDateTime(run.executedAt, timeZone, locale)}
        </Text>
      </Tooltip>
    </Stack>
  );
}

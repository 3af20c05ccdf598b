/**
 * What the issue context module shows, as UI Kit components the host renders natively: a pure function
 * of what the backend answered, so each state's ForgeDoc is asserted in the unit tests.
 */
import { Button, Inline, Lozenge, SectionMessage, Spinner, Stack, Text, Tooltip } from '@forge/react';
import type { AppError, ConnectionView, Coverage, IssueSummary, LatestRun } from '../../src/shared/definitions';
import { RESULTS_FIRST, type ExecutionStatus } from '../../src/shared/facts';
import { formatDateTime, zoneLabel } from '../../src/shared/format';
import { formatAsOf } from '../../src/shared/as-of';
import { words as keptSaid } from '../../src/shared/words/kept';
import { verdictOf, type Verdict } from '../../src/shared/results';
import { stateTone, type StateTone } from '../../src/shared/state-tone';
import { words } from '../../src/shared/words/glance';
import { StatusBar } from './StatusBar';

export type SummaryLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: AppError }
  /**
   * `refreshing`: fetching again behind what is shown (after the panel changed something). `kept`: what
   * is shown is the kept copy from `at` (`failure`: why the fresh one could not be had). `updatedAt`:
   * when fresh counts last replaced what was shown.
   */
  | { status: 'ready'; summary: IssueSummary; refreshing: boolean; kept?: { at: string; failure: AppError | null } | null; updatedAt?: number | null };

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
  /** Fresh counts replaced what was shown a moment ago: "Updated just now". */
  justUpdated?: boolean;
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

/** "4 tests · Pass 2 · Fail 1 · Blocked 1 · Skipped 0 · Not Executed 0": TestKase's status names, as the panel's bar says them. */
function countsLine({ total, counts }: Pick<Coverage, 'total' | 'counts'>): string {
  return words.glance.counts({ total, statuses: RESULTS_FIRST.map((s) => words.statusCount({ status: words.status[s], count: counts[s] })) });
}

export function SummaryView({ load, timeZone, locale, justUpdated = false, ...actions }: ViewProps) {
  const said = words.glance;
  if (load.status === 'loading') {
    return (
      <Inline space="space.100" alignBlock="center">
        <Spinner size="small" label={said.loading} />
        <Text color="color.text.subtle">{said.loadingText}</Text>
      </Inline>
    );
  }
  if (load.status === 'failed') return <Problem title={said.loadFailed} text={load.error.message} onRetry={actions.onRetry} />;
  const { summary, refreshing } = load;
  const kept = load.kept ?? null;
  if (summary.connection.kind !== 'READY') return <NotReady connection={summary.connection} timeZone={timeZone} locale={locale} {...actions} />;
  if (!summary.coverage) return <Problem title={said.loadFailed} text={said.notListed} onRetry={actions.onRetry} />;
  if (!summary.coverage.ok) return <Problem title={said.casesFailed} text={summary.coverage.error.message} onRetry={actions.onRetry} />;
  const asOf = kept ? formatAsOf(kept.at, timeZone, locale) : null;
  const ready = (
    <Ready
      issueKey={summary.issueKey}
      coverage={summary.coverage.data}
      refreshing={refreshing && !kept?.failure}
      timeZone={timeZone}
      locale={locale}
      onShowPanel={actions.onShowPanel}
      note={asOf && !kept?.failure ? keptSaid.kept.asOf({ time: asOf }) : justUpdated ? keptSaid.kept.updatedJustNow : null}
    />
  );
  if (!kept?.failure || !asOf) return ready;
  // TestKase slow or down: the last known counts stay, under what happened and Retry.
  return (
    <Stack space="space.150">
      <SectionMessage appearance="warning" title={keptSaid.kept.lastKnown({ time: asOf })}>
        <Text>{kept.failure.message}</Text>
      </SectionMessage>
      <Inline>
        <Button onClick={actions.onRetry}>{words.common.retry}</Button>
      </Inline>
      {ready}
    </Stack>
  );
}

function Problem({ title, text, onRetry }: { title: string; text: string; onRetry: () => void }) {
  return (
    <Stack space="space.100">
      <SectionMessage appearance="error" title={title}>
        <Text>{text}</Text>
      </SectionMessage>
      <Inline>
        <Button onClick={onRetry}>{words.common.retry}</Button>
      </Inline>
    </Stack>
  );
}

const APPEARANCE = { info: 'information', warning: 'warning', error: 'error' } as const satisfies Record<StateTone, string>;

/** Each state's sentence comes from the backend (state-messages.ts); here only its tone and the one next step. */
function NotReady({ connection, onRetry, onOpenSettings, timeZone, locale }: { connection: Exclude<ConnectionView, { kind: 'READY' }>; timeZone: string; locale: string } & SummaryActions) {
  const reason = connection.kind === 'PAT_SAVED' ? connection.reason : connection.kind;
  // One tone per state, the panel's too (shared/state-tone.ts).
  const appearance = APPEARANCE[stateTone(connection)];
  const step =
    reason === 'NO_CONFIG' || reason === 'TOKEN_REJECTED' ? (
      <Button appearance="primary" onClick={onOpenSettings}>
        {words.glance.openSettings}
      </Button>
    ) : reason === 'TESTKASE_UNAVAILABLE' || reason === 'RATE_LIMITED' ? (
      <Button onClick={onRetry}>{words.common.retry}</Button>
    ) : null; // not mapped, mapping lost, no access: the sentence names who can fix it
  return (
    <Stack space="space.100">
      <SectionMessage appearance={appearance} title={connection.message.title}>
        <Text>{connection.message.text}</Text>
        {connection.kind === 'SUSPENDED' && <Text color="color.text.subtle">{words.hold.since({ date: formatDateTime(connection.since, timeZone, locale) }).join('')}</Text>}
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
  note,
}: {
  issueKey: string;
  coverage: Coverage;
  refreshing: boolean;
  timeZone: string;
  locale: string;
  onShowPanel: () => void;
  /** "As of 14:02" (a kept copy) or "Updated just now", beside the verdict. */
  note: string | null;
}) {
  const said = words.glance;
  if (coverage.total === 0) {
    return (
      <Stack space="space.100">
        <Text>{said.none({ issueKey })}</Text>
        <Inline>
          <Button onClick={onShowPanel}>{said.openPanel}</Button>
        </Inline>
      </Stack>
    );
  }
  const verdict = verdictOf(coverage.counts);
  return (
    <Stack space="space.150">
      <Inline space="space.100" alignBlock="center" spread="space-between">
        <Lozenge appearance={VERDICT_LOZENGE[verdict]} isBold>
          {words.verdict[verdict]}
        </Lozenge>
        {note ? (
          <Inline space="space.075" alignBlock="center">
            <Text size="small" color="color.text.subtle">
              {note}
            </Text>
            {refreshing && <Spinner size="small" label={said.updating} />}
          </Inline>
        ) : (
          refreshing && <Spinner size="small" label={said.updating} />
        )}
      </Inline>
      <Text>{countsLine(coverage)}</Text>
      <StatusBar total={coverage.total} counts={coverage.counts} />
      {coverage.latest && <Latest run={coverage.latest} timeZone={timeZone} locale={locale} />}
      <Inline>
        <Button onClick={onShowPanel}>{said.openCases}</Button>
      </Inline>
    </Stack>
  );
}

function Latest({ run, timeZone, locale }: { run: LatestRun; timeZone: string; locale: string }) {
  return (
    <Stack space="space.050">
      <Text size="small" color="color.text.subtle">
        {words.glance.latest}
      </Text>
      <Inline space="space.075" alignBlock="center" shouldWrap>
        <Lozenge appearance={RESULT_LOZENGE[run.status]}>{words.status[run.status]}</Lozenge>
        <Text weight="medium">{run.testCaseId}</Text>
        <Text maxLines={1}>{run.testCaseTitle}</Text>
      </Inline>
      <Tooltip content={zoneLabel(run.executedAt, timeZone, locale)}>
        <Text size="small" color="color.text.subtle">
          {words.glance.byAt({ by: run.executedBy, at: formatDateTime(run.executedAt, timeZone, locale) })}
        </Text>
      </Tooltip>
    </Stack>
  );
}

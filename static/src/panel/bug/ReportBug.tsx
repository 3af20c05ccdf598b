/**
 * "Report bug" after a Fail: Jira's own Create Issue dialog, prefilled; the person creates the bug (so
 * Jira's Reporter is them), and the bug's key is recorded on the TestKase result it is about.
 */
import { useId, useRef, useState } from 'react';
import type { Cycle, Execution, TestCaseDetail } from '../../../../src/shared/definitions';
import { words } from '../../../../src/shared/words/run';
import { api } from '../../api';
import type { UiContext } from '../../context';
import { Button } from '../../components/Button';
import { focusSoon } from '../../components/focus';
import { bugIssueTypeId, createIssue, type CreatedIssue } from '../../jira';
import { NoticeView, type Notice } from '../NoticeView';
import { parseDefects } from '../run/defects';
import { checkBugKeys, keysOfCreated } from './check';
import { BugKeyField } from './BugKeyField';
import { LinkBug } from './LinkBug';
import { bugDescription, bugSummary } from './report';

export type BugCycle = Pick<Cycle, 'id' | 'name'> & { environment?: Cycle['environment'] };

/** The result a bug is reported about, and who hears that its defects changed. */
export interface BugReportTarget {
  ctx: UiContext;
  issueKey: string | null;
  testCase: { id: string; title: string };
  /** The result's cycle; `environment` undefined when not at hand (a history row): asked when Report bug is pressed. */
  cycle: BugCycle;
  execution: Execution;
  /** The test case's steps, when already loaded; fetched otherwise. */
  detail: TestCaseDetail | null;
  onChanged: (execution: Execution) => void;
}

export function ReportBug({
  ctx,
  issueKey,
  testCase,
  cycle,
  execution,
  detail,
  appearance = 'primary',
  onChanged,
}: BugReportTarget & {
  /** Primary right after a Fail was saved; a plain button in a list of results. */
  appearance?: 'primary' | 'default';
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  // Jira said it created something but not its key (or the dialog could not open): the tester types it.
  const [keyless, setKeyless] = useState(false);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  // The typed keys Jira found but that are not bugs of this project: pressing Add again records them.
  const [doubted, setDoubted] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // Report bug itself (the shared Button takes no ref): where focus returns when Jira's dialog is cancelled.
  const actionsRef = useRef<HTMLDivElement>(null);
  const reportButton = () => actionsRef.current?.querySelector<HTMLButtonElement>('button') ?? null;
  const keyRef = useRef<HTMLInputElement>(null);

  const say = (n: Notice, focus: () => HTMLElement | null = () => noticeRef.current) => {
    setNotice(n);
    focusSoon(focus);
  };

  const record = async (keys: string[], created: boolean) => {
    let current = execution;
    const failed: string[] = [];
    for (const key of keys) {
      const r = await api.addDefect({ cycleId: cycle.id, testCaseId: execution.testCaseId, executionId: execution.id, issueKey: key });
      if (r.ok) current = r.data;
      else failed.push(words.bug.notRecordedOne({ key, why: r.error.message }));
    }
    if (current !== execution) onChanged(current);
    const done = keys.filter((k) => current.defects.includes(k));
    if (failed.length) say({ tone: 'error', text: words.bug.partly({ done, failed }) });
    else say({ tone: 'success', text: (created ? words.bug.recorded : words.bug.linked)({ keys: done }) });
    return failed.length === 0;
  };

  const open = async () => {
    setBusy(true);
    setNotice(null);
    let steps = detail;
    if (!steps) {
      const r = await api.getTestCase({ testCaseId: testCase.id });
      steps = r.ok ? r.data : null;
    }
    let environment = cycle.environment;
    if (environment === undefined) {
      const r = await api.listCycles({ containing: testCase.id });
      environment = r.ok ? (r.data.items.find((c) => c.id === cycle.id)?.environment ?? null) : null;
    }
    const where = { ...cycle, environment };
    // A history row opened before the case's details loaded has no title yet: the loaded steps have it.
    const titled = { id: testCase.id, title: testCase.title || steps?.title || '' };
    let created: CreatedIssue[];
    try {
      const issueTypeId = await bugIssueTypeId();
      created = await createIssue({
        ...(ctx.projectId ? { projectId: ctx.projectId } : {}),
        ...(issueTypeId ? { issueTypeId } : {}),
        summary: bugSummary(testCase.id, titled.title),
        description: bugDescription({ issueKey, testCase: titled, detail: steps, execution, cycle: where, timeZone: ctx.timezone, locale: ctx.locale }),
      });
    } catch {
      setBusy(false);
      setKeyless(true);
      say({ tone: 'error', text: words.bug.noDialog }, () => keyRef.current);
      return;
    }
    if (created.length === 0) {
      // Cancelled (Esc): focus goes back to Report bug, which was disabled while the dialog was open.
      setBusy(false);
      focusSoon(reportButton);
      return;
    }
    // Jira's onClose names only the ids of what was created: its keys are asked of Jira, as the tester.
    const keys = await keysOfCreated(created.map((c) => c.issueId));
    if (keys) await record(keys, true);
    else {
      setKeyless(true);
      say({ tone: 'info', text: words.bug.noKey }, () => keyRef.current);
    }
    setBusy(false);
  };

  const addTyped = async () => {
    const parsed = parseDefects(typed);
    if (parsed.error || parsed.keys.length === 0) {
      setTypedError(parsed.error ?? words.bug.typeKey);
      focusSoon(() => keyRef.current);
      return;
    }
    setBusy(true);
    setTypedError(null);
    const asked = parsed.keys.join(' ');
    if (doubted !== asked) {
      const check = await checkBugKeys(parsed.keys);
      if (!check.ok || check.doubts.length) {
        setBusy(false);
        setDoubted(check.ok ? asked : null);
        setTypedError(check.ok ? words.bug.saveAgain({ about: check.doubts, count: parsed.keys.length }) : check.error);
        focusSoon(() => keyRef.current);
        return;
      }
    }
    const ok = await record(parsed.keys, false);
    setBusy(false);
    setDoubted(null);
    if (ok) {
      setKeyless(false);
      setTyped('');
    }
  };

  return (
    <div className="report-bug">
      <div className="report-bug-actions" ref={actionsRef}>
        <Button appearance={appearance} busy={busy} busyLabel={words.bug.reporting} onClick={() => void open()}>
          {words.bug.report}
          <span className="visually-hidden">{words.bug.reportFor({ id: testCase.id })}</span>
        </Button>
        <LinkBug testCaseId={testCase.id} disabled={busy} onLink={async (key) => record([key], false)} />
      </div>
      {keyless && (
        <BugKeyField
          id={`${id}-key`}
          value={typed}
          error={typedError}
          inputRef={keyRef}
          onChange={(v) => {
            setTyped(v);
            setDoubted(null);
          }}
          onEnter={() => void addTyped()}
        >
          <Button disabled={busy} onClick={() => void addTyped()}>
            {words.bug.add}
          </Button>
        </BugKeyField>
      )}
      <NoticeView notice={notice} noticeRef={noticeRef} />
    </div>
  );
}

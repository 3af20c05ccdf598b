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
import { bugDescription, bugSummary } from './report';

/** The result a bug is reported about, and who hears that its defects changed. */
export interface BugReportTarget {
  ctx: UiContext;
  issueKey: string | null;
  testCase: { id: string; title: string };
  cycle: Cycle;
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
  // Jira said it created something but not its key: the tester types it.
  const [keyless, setKeyless] = useState(false);
  const [typed, setTyped] = useState('');
  const noticeRef = useRef<HTMLDivElement>(null);

  const say = (n: Notice) => {
    setNotice(n);
    focusSoon(() => noticeRef.current);
  };

  const record = async (keys: string[]) => {
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
    else say({ tone: 'success', text: words.bug.recorded({ keys: done }) });
  };

  const open = async () => {
    setBusy(true);
    setNotice(null);
    let steps = detail;
    if (!steps) {
      const r = await api.getTestCase({ testCaseId: testCase.id });
      steps = r.ok ? r.data : null;
    }
    let created: CreatedIssue[];
    try {
      const issueTypeId = await bugIssueTypeId();
      created = await createIssue({
        ...(ctx.projectId ? { projectId: ctx.projectId } : {}),
        ...(issueTypeId ? { issueTypeId } : {}),
        summary: bugSummary(testCase.id, testCase.title),
        description: bugDescription({ issueKey, testCase, detail: steps, execution, cycle }),
      });
    } catch {
      setBusy(false);
      say({ tone: 'error', text: words.bug.noDialog });
      setKeyless(true);
      return;
    }
    const keys = created.flatMap((c) => (c.issueKey ? [c.issueKey] : []));
    if (keys.length) await record(keys);
    else if (created.length) {
      setKeyless(true);
      say({ tone: 'info', text: words.bug.noKey });
    }
    setBusy(false);
  };

  const addTyped = async () => {
    const parsed = parseDefects(typed);
    if (parsed.error || parsed.keys.length === 0) {
      say({ tone: 'error', text: parsed.error ?? words.bug.typeKey });
      return;
    }
    setBusy(true);
    await record(parsed.keys);
    setBusy(false);
    setKeyless(false);
    setTyped('');
  };

  return (
    <div className="report-bug">
      <Button appearance={appearance} busy={busy} busyLabel={words.bug.reporting} onClick={() => void open()}>
        {words.bug.report}
        <span className="visually-hidden">{words.bug.reportFor({ id: testCase.id })}</span>
      </Button>
      {keyless && (
        <div className="input-row">
          <label className="visually-hidden" htmlFor={`${id}-key`}>
            {words.bug.key}
          </label>
          <input id={`${id}-key`} className="input" placeholder={words.bug.keyPlaceholder} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} />
          <Button disabled={busy} onClick={() => void addTyped()}>
            {words.bug.add}
          </Button>
        </div>
      )}
      <NoticeView notice={notice} noticeRef={noticeRef} />
    </div>
  );
}

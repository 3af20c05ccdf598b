/** Every recorded result of a test case, in any cycle, newest first; older parts on request. */
import { lazy, Suspense, useState } from 'react';
import type { Execution, HistoryPage, TestCaseDetail } from '../../../../src/shared/definitions';
import { words } from '../../../../src/shared/words/test-case';
import { api } from '../../api';
import type { UiContext } from '../../context';
import { ZoneNote } from '../../components/DateTime';
import { Loaded } from '../../components/Loaded';
import { useLoad } from '../../load';
import { useRefreshable } from '../refresh';
import { ResultSummary } from './ResultSummary';
import { NextPage, type NextPageState } from '../../components/NextPage';
import { hasNext } from '../../components/parts';

// Report bug / Link existing bug next to a failed result: loaded when a history with a Fail is shown to someone who may write.
const ReportBug = lazy(() => import('../bug/ReportBug').then((m) => ({ default: m.ReportBug })));

/** Who may report a bug from a failed row: the issue it is on, the case (title and steps, once loaded). */
export interface HistoryBugs {
  issueKey: string | null;
  title: string;
  detail: TestCaseDetail | null;
}

export function History({ ctx, testCaseId, bugs }: { ctx: UiContext; testCaseId: string; bugs?: HistoryBugs | null }) {
  const first = useLoad(() => api.listTestCaseHistory({ testCaseId }), [testCaseId]);
  const [older, setOlder] = useState<HistoryPage[]>([]);
  const [more, setMore] = useState<NextPageState>('idle');
  // Rows whose bugs changed here (a bug reported or linked): shown as changed without reloading the history.
  const [changed, setChanged] = useState<ReadonlyMap<string, Execution>>(new Map());
  useRefreshable(first.refresh);

  /** The next part starts where the last one ended (a part can end early to fit Jira's answer limit). */
  const loadOlder = async (from: number) => {
    setMore('loading');
    const r = await api.listTestCaseHistory({ testCaseId, from });
    if (!r.ok) {
      setMore({ error: r.error.message });
      return;
    }
    setOlder((o) => [...o, r.data]);
    setMore('idle');
  };

  return (
    <section className="history" aria-label={words.details.historyOf({ id: testCaseId })}>
      <h4 className="minor-heading">{words.details.history}</h4>
      <Loaded state={first.state} loadingLabel={words.details.historyLoading} errorTitle={words.details.historyFailed} onRetry={() => void first.reload()}>
        {(h: HistoryPage) => {
          const seen = new Set(h.items.map((r) => r.id));
          const runs = [...h.items, ...older.flatMap((part) => part.items).filter((r) => !seen.has(r.id) && seen.add(r.id))];
          const last = older.at(-1) ?? h;
          if (runs.length === 0) return <p className="muted">{words.details.notRunYet}</p>;
          return (
            <>
              <ZoneNote timeZone={ctx.timezone} locale={ctx.locale} />
              <ol className="run-list">
                {runs.map((run) => {
                  const r = { ...run, ...changed.get(run.id) };
                  return (
                    <li key={r.id} className="run">
                      <ResultSummary ctx={ctx} result={r} cycleName={r.cycleName} />
                      {bugs && r.status === 'FAIL' && (
                        <Suspense fallback={null}>
                          <ReportBug
                            ctx={ctx}
                            issueKey={bugs.issueKey}
                            testCase={{ id: testCaseId, title: bugs.title }}
                            cycle={{ id: r.cycleId, name: r.cycleName }}
                            execution={r}
                            detail={bugs.detail}
                            appearance="default"
                            onChanged={(e) => setChanged((m) => new Map(m).set(e.id, e))}
                          />
                        </Suspense>
                      )}
                    </li>
                  );
                })}
              </ol>
              <p className="muted">{words.details.showing({ shown: runs.length, total: h.total })}</p>
              <NextPage state={more} hasMore={hasNext(last)} label={words.details.older} onNext={() => void loadOlder(last.next ?? runs.length)} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

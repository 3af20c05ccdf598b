/** Every recorded result of a test case, in any cycle, newest first; older pages on request. */
import { useState } from 'react';
import type { ExecutionRun, HistoryPage } from '../../../../src/shared/definitions';
import { words } from '../../../../src/shared/words/test-case';
import { api } from '../../api';
import type { UiContext } from '../../context';
import { ZoneNote } from '../../components/DateTime';
import { Loaded } from '../../components/Loaded';
import { useLoad } from '../../load';
import { useRefreshable } from '../refresh';
import { ResultSummary } from './ResultSummary';
import { NextPage, type NextPageState } from '../../components/NextPage';

export function History({ ctx, testCaseId }: { ctx: UiContext; testCaseId: string }) {
  const first = useLoad(() => api.listTestCaseHistory({ testCaseId, page: 1 }), [testCaseId]);
  const [older, setOlder] = useState<ExecutionRun[]>([]);
  const [page, setPage] = useState(1);
  const [more, setMore] = useState<NextPageState>('idle');
  useRefreshable(first.refresh);

  const loadOlder = async (total: number) => {
    setMore('loading');
    const r = await api.listTestCaseHistory({ testCaseId, page: page + 1 });
    if (!r.ok) {
      setMore({ error: r.error.message });
      return;
    }
    setOlder((o) => [...o, ...r.data.items]);
    setPage((p) => p + 1);
    setMore('idle');
    void total;
  };

  return (
    <section className="history" aria-label={words.details.historyOf({ id: testCaseId })}>
      <h4 className="minor-heading">{words.details.history}</h4>
      <Loaded state={first.state} loadingLabel={words.details.historyLoading} errorTitle={words.details.historyFailed} onRetry={() => void first.reload()}>
        {(h: HistoryPage) => {
          const seen = new Set(h.items.map((r) => r.id));
          const runs = [...h.items, ...older.filter((r) => !seen.has(r.id))];
          if (runs.length === 0) return <p className="muted">{words.details.notRunYet}</p>;
          return (
            <>
              <ZoneNote timeZone={ctx.timezone} locale={ctx.locale} />
              <ol className="run-list">
                {runs.map((r) => (
                  <li key={r.id} className="run">
                    <ResultSummary ctx={ctx} result={r} cycleName={r.cycleName} />
                  </li>
                ))}
              </ol>
              <p className="muted">{words.details.showing({ shown: runs.length, total: h.total })}</p>
              <NextPage state={more} hasMore={runs.length < h.total} label={words.details.older} onNext={() => void loadOlder(h.total)} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

/** Every recorded result of a test case, in any cycle, newest first; older pages on request. */
import { useState } from 'react';
import type { HistoryPage } from '../../../../src/shared/definitions';
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

export function History({ ctx, testCaseId }: { ctx: UiContext; testCaseId: string }) {
  const first = useLoad(() => api.listTestCaseHistory({ testCaseId }), [testCaseId]);
  const [older, setOlder] = useState<HistoryPage[]>([]);
  const [more, setMore] = useState<NextPageState>('idle');
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
                {runs.map((r) => (
                  <li key={r.id} className="run">
                    <ResultSummary ctx={ctx} result={r} cycleName={r.cycleName} />
                  </li>
                ))}
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

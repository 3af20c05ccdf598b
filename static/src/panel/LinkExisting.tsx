/** Search TestKase by id or title and link a result to this issue; results page with "Show more". */
import { useId, useState, type FormEvent } from 'react';
import type { SearchResult, TestCaseSummary } from '../../../src/shared/definitions';
import { api } from '../api';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { useFormFocus } from '../components/form-focus';
import { StatusLozenge } from '../components/Lozenge';
import { Message } from '../components/Message';
import { Spinner } from '../components/Spinner';
import { LIMITS } from '../../../src/shared/limits';
import { words } from '../../../src/shared/words/test-case';
import { NoticeView, type Notice } from './NoticeView';
import { NextPage, type NextPageState } from '../components/NextPage';

type Search =
  | { status: 'idle' }
  | { status: 'loading'; query: string }
  | { status: 'error'; query: string; message: string }
  | { status: 'ready'; query: string; result: SearchResult; items: TestCaseSummary[]; more: NextPageState };

export default function LinkExisting({
  linkedIds,
  onLinked,
  onClose,
}: {
  linkedIds: ReadonlySet<string>;
  onLinked: (tc: TestCaseSummary) => Promise<void> | void;
  onClose: () => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [queryError, setQueryError] = useState<string | null>(null);
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [linking, setLinking] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const box = useFormFocus<HTMLDivElement>(onClose);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (!q) {
      // The old results would sit under an error about a query that is no longer there.
      setSearch({ status: 'idle' });
      setQueryError(words.link.empty);
      return;
    }
    if (q.length > LIMITS.searchMax) {
      setSearch({ status: 'idle' });
      setQueryError(words.common.searchTooLong({ max: LIMITS.searchMax }));
      return;
    }
    setQueryError(null);
    setNotice(null);
    setSearch({ status: 'loading', query: q });
    const r = await api.searchTestCases({ query: q, page: 1 });
    if (!r.ok) {
      if (r.error.field === 'query') {
        setQueryError(r.error.message);
        setSearch({ status: 'idle' });
      } else setSearch({ status: 'error', query: q, message: r.error.message });
      return;
    }
    setSearch({ status: 'ready', query: q, result: r.data, items: r.data.items, more: 'idle' });
  };

  const showMore = async () => {
    if (search.status !== 'ready') return;
    const current = search;
    setSearch({ ...current, more: 'loading' });
    const r = await api.searchTestCases({ query: current.query, page: current.result.page + 1 });
    if (!r.ok) {
      setSearch({ ...current, more: { error: r.error.message } });
      return;
    }
    const seen = new Set(current.items.map((t) => t.id));
    setSearch({ ...current, result: r.data, items: [...current.items, ...r.data.items.filter((t) => !seen.has(t.id))], more: 'idle' });
  };

  const link = async (tc: TestCaseSummary) => {
    setLinking(tc.id);
    setNotice(null);
    const r = await api.linkTestCase({ testCaseId: tc.id });
    setLinking(null);
    if (!r.ok) {
      setNotice({ tone: 'error', text: r.error.message });
      return;
    }
    await onLinked(r.data);
  };

  return (
    <div className="card" ref={box.ref} onKeyDown={box.onKeyDown}>
      <form className="search-form" role="search" aria-label={words.link.form} onSubmit={(e) => void run(e)} noValidate>
        <Field id={`${id}-q`} label={words.link.field} error={queryError} hint={words.link.hint}>
          {(describedBy) => (
            <div className="input-row">
              <input
                id={`${id}-q`}
                type="search"
                className="input"
                value={query}
                aria-invalid={queryError ? true : undefined}
                aria-describedby={describedBy}
                onChange={(e) => setQuery(e.target.value)}
              />
              <Button type="submit" busy={search.status === 'loading'} busyLabel={words.common.searching}>
                {words.common.search}
              </Button>
              <Button appearance="subtle" onClick={onClose}>
                {words.common.close}
              </Button>
            </div>
          )}
        </Field>
      </form>
      <NoticeView notice={notice} />
      {results()}
    </div>
  );

  function results() {
    switch (search.status) {
      case 'idle':
        return null;
      case 'loading':
        return <Spinner label={words.link.searching} />;
      case 'error':
        return (
          <Message tone="error">
            <p>{search.message}</p>
          </Message>
        );
      case 'ready': {
        const { items, result, more } = search;
        if (items.length === 0) return <p className="empty">{words.link.noMatch({ query: search.query })}</p>;
        return (
          <>
            <p className="muted" aria-live="polite">
              {words.link.showing({ shown: items.length, total: result.total })}
            </p>
            <ul className="result-list">
              {items.map((tc) => {
                const already = linkedIds.has(tc.id);
                return (
                  <li key={tc.id} className="result-row">
                    <span className="mono nowrap">{tc.id}</span>
                    <span className="title-cell">{tc.title}</span>
                    <StatusLozenge status={tc.latestExecution?.status ?? 'NOT_EXECUTED'} />
                    {already ? (
                      <span className="muted nowrap">{words.link.linked}</span>
                    ) : (
                      <Button
                        appearance="default"
                        busy={linking === tc.id}
                        busyLabel={words.link.linking}
                        disabled={linking !== null}
                        onClick={() => void link(tc)}
                      >
                        {words.link.link}
                        <span className="visually-hidden">{words.common.which({ id: tc.id })}</span>
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
            <NextPage state={more} hasMore={items.length < result.total} label={words.common.showMore} onNext={() => void showMore()} />
          </>
        );
      }
    }
  }
}

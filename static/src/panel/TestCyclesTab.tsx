/** Test Cycles tab (lazy): the project's cycles, most recently active first, searchable; open one to run this issue's cases. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Cycle, CycleList, LinkedTests } from '../../../src/shared/definitions';
import { api } from '../api';
import type { UiContext } from '../context';
import { Button } from '../components/Button';
import { focusSoon, useReturnFocus } from '../components/focus';
import { Loaded } from '../components/Loaded';
import { Lozenge } from '../components/Lozenge';
import { ShowMore, usePaged } from '../components/ShowMore';
import { StatusBar } from '../components/StatusBar';
import { LIMITS } from '../../../src/shared/limits';
import { words } from '../../../src/shared/words/cycles';
import { useLoad, type Load } from '../load';
import { CreateCycleForm } from './CreateCycleForm';
import { CycleDetail } from './cycles/CycleDetail';
import { executedOf } from './cycles/counts';
import { usePanelView } from './history';
import { NoticeView, type Notice } from './NoticeView';
import { useRefreshable } from './refresh';

export default function TestCyclesTab({
  ctx,
  canWrite,
  issueKey,
  linked,
  active,
  onExecuted,
}: {
  ctx: UiContext;
  canWrite: boolean;
  issueKey: string | null;
  linked: Load<LinkedTests>;
  active: boolean;
  /** A result was recorded: the Test Cases tab's latest statuses are stale. */
  onExecuted: () => void;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [queryError, setQueryError] = useState<string | null>(null);
  const cycles = useLoad(() => api.listCycles(search ? { search } : {}), [search]);
  const [open, openCycle, closeCycle] = usePanelView<Cycle>('testkase-cycle');
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [dirty, setDirty] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const lastOpened = useRef<string | null>(null);
  const createFocus = useReturnFocus();
  const rows = usePaged(cycles.state.status === 'ready' ? cycles.state.data.items : []);
  useRefreshable(active && !open ? cycles.refresh : null);

  const show = (c: Cycle) => {
    lastOpened.current = c.id;
    openCycle(c);
  };
  const back = () => closeCycle();

  // Back from a cycle (the button or the browser's Back): focus returns to the cycle's link, and the
  // list's progress is fetched again when results were recorded while it was open.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const opened = lastOpened.current;
    focusSoon(() => listRef.current?.querySelector<HTMLElement>(`[data-open-cycle="${opened ?? ''}"]`));
    if (dirty) {
      setDirty(false);
      void cycles.refresh();
    }
  }, [open]);

  if (open) {
    const titles = new Map(linked.status === 'ready' ? linked.data.items.map((t) => [t.id, t.title] as const) : []);
    return (
      <CycleDetail
        ctx={ctx}
        cycle={open}
        canWrite={canWrite}
        issueKey={issueKey}
        titles={titles}
        active={active}
        onBack={back}
        onChanged={(executed) => {
          setDirty(true);
          if (executed) onExecuted();
        }}
      />
    );
  }

  const runSearch = (e: FormEvent) => {
    e.preventDefault();
    const q = query.trim();
    if (q.length > LIMITS.searchMax) {
      setQueryError(words.common.searchTooLong({ max: LIMITS.searchMax }));
      return;
    }
    setQueryError(null);
    setSearch(q);
  };

  const said = words.cycles;
  return (
    <section className="tab-body" aria-label={said.region}>
      <div className="toolbar">
        {canWrite && (
          <Button
            appearance={creating ? 'primary' : 'default'}
            aria-expanded={creating}
            onClick={() => {
              setNotice(null);
              createFocus.remember();
              setCreating((c) => !c);
            }}
          >
            {said.create}
          </Button>
        )}
        <form className="search-inline" role="search" aria-label={said.searchForm} onSubmit={runSearch} noValidate>
          <label className="visually-hidden" htmlFor={`${id}-q`}>
            {said.searchField}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className="input"
            placeholder={said.searchField}
            value={query}
            aria-invalid={queryError ? true : undefined}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
          <Button type="submit">{words.common.search}</Button>
          {search && (
            <Button
              appearance="subtle"
              onClick={() => {
                setQuery('');
                setSearch('');
              }}
            >
              {words.common.clear}
            </Button>
          )}
        </form>
      </div>
      {queryError && (
        <p className="field-error" role="alert">
          {queryError}
        </p>
      )}
      {canWrite && creating && (
        <CreateCycleForm
          onCancel={() => {
            setCreating(false);
            createFocus.restore();
          }}
          onCreated={(c) => {
            setCreating(false);
            // The newest activity comes first, as the backend sorts it: the new cycle is on top, also after a reload.
            cycles.update((list) => ({ items: [c, ...list.items.filter((x) => x.id !== c.id)], total: list.total + 1 }));
            setNotice({ tone: 'success', text: said.created({ name: c.name }) });
            focusSoon(() => listRef.current?.querySelector<HTMLElement>(`[data-open-cycle="${c.id}"]`));
          }}
        />
      )}
      <NoticeView notice={notice} />
      <Loaded state={cycles.state} loadingLabel={words.common.loadingCycles} errorTitle={said.loadFailed} onRetry={() => void cycles.reload()}>
        {list}
      </Loaded>
    </section>
  );

  function list({ items, total }: CycleList) {
    const said = words.cycles;
    if (items.length === 0) {
      return <p className="empty">{search ? said.noMatch({ search }) : said.none}</p>;
    }
    return (
      <>
        <p className="muted">{said.count({ total, search, listed: items.length })}</p>
        <ul className="cycle-list" ref={listRef}>
          {rows.visible.map((c) => (
            <li key={c.id} className="cycle-row">
              <div className="cycle-head">
                <Button appearance="link" className="cycle-name" data-open-cycle={c.id} onClick={() => show(c)} aria-label={said.open({ name: c.name })}>
                  {c.name}
                </Button>
                <span className="mono muted">{c.id}</span>
                {c.isMaster && <Lozenge tone="info">{said.master}</Lozenge>}
                {c.environment && <Lozenge>{c.environment}</Lozenge>}
                <span className="cycle-progress-text">{said.progress({ executed: executedOf(c), total: c.total })}</span>
              </div>
              <StatusBar counts={c.counts} label={said.progressOf({ name: c.name })} />
            </li>
          ))}
        </ul>
        <ShowMore hidden={rows.hidden} onShowMore={rows.showMore} what={words.common.cycles} />
      </>
    );
  }
}

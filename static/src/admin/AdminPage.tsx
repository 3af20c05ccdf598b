/**
 * The Jira admin page (Jira settings → Apps → TestKase connections): every user's stored connection,
 * never a token. Filtering, sorting, counting and paging happen in the backend, which answers one page.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { AdminConnection, AdminConnectionsPage } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/admin';
import { api } from '../api';
import type { UiContext } from '../context';
import { Button } from '../components/Button';
import { Loaded } from '../components/Loaded';
import { Message } from '../components/Message';
import { useLoad } from '../load';
import { AuditLog } from './AuditLog';
import { CheckAll } from './CheckAll';
import { ConnectionsTable, type Removal } from './ConnectionsTable';
import { whoIs } from './JiraUserCell';
import { ADMIN_PAGE_SIZES } from '../../../src/shared/facts';
import { DEFAULT_QUERY, FILTERS, type Query, type SortKey } from './options';

/** Typing in the search waits this long before asking the backend. */
const SEARCH_DELAY_MS = 300;

export default function AdminPage({ ctx, now = () => new Date() }: { ctx: UiContext; now?: () => Date }) {
  const [query, setQuery] = useState<Query>(DEFAULT_QUERY);
  const [search, setSearch] = useState('');
  const listing = useLoad(() => api.adminListConnections(query), []);
  const [updating, setUpdating] = useState(false);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [auditVersion, setAuditVersion] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);
  const searchId = useId();
  const sizeId = useId();

  // A new query is fetched behind the rows shown (they dim meanwhile) instead of a skeleton each time.
  const firstQuery = useRef(true);
  useEffect(() => {
    if (firstQuery.current) {
      firstQuery.current = false;
      return;
    }
    setUpdating(true);
    void listing.refresh({ onError: 'show' }).then(() => setUpdating(false));
  }, [query]);

  useEffect(() => {
    if (search.trim() === query.text) return;
    const timer = setTimeout(() => setQuery((q) => ({ ...q, text: search.trim(), page: 1 })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const change = (next: Partial<Query>) => setQuery((q) => ({ ...q, page: 1, ...next }));
  const sortBy = (key: SortKey) => change({ sort: key, direction: query.sort === key && query.direction === 'asc' ? 'desc' : 'asc' });

  const askRemove = (row: AdminConnection) => {
    setNotice(null);
    setRemoval({ accountId: row.accountId, busy: false, error: null });
  };
  const confirmRemove = async (rows: readonly AdminConnection[]) => {
    if (!removal) return;
    const row = rows.find((r) => r.accountId === removal.accountId);
    setRemoval({ ...removal, busy: true, error: null });
    const r = await api.adminRemoveConnection({ accountId: removal.accountId });
    if (!r.ok) return setRemoval({ ...removal, busy: false, error: r.error.message });
    setRemoval(null);
    const who = row ? whoIs(row) : removal.accountId;
    setNotice(r.data.removed ? words.admin.removed({ who }) : words.admin.nothingStored({ who }));
    setAuditVersion((v) => v + 1);
    await listing.refresh({ onError: 'show' });
    // The row and its Remove button are gone: the outcome takes the focus.
    noticeRef.current?.focus();
  };

  const said = words.admin;
  return (
    <main className="app admin-page">
      {/* Jira shows the page's title above the frame (the module's title): this one is for screen readers. */}
      <h1 className="visually-hidden">{said.title}</h1>
      <p className="help">{said.help}</p>
      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="notice-focus">
          <Message tone="success">
            <p>{notice}</p>
          </Message>
        </div>
      )}
      <CheckAll
        onChecked={() => {
          setAuditVersion((v) => v + 1);
          void listing.refresh({ onError: 'show' });
        }}
      />
      <section className="connections-section" aria-label={said.connections}>
        <Loaded state={listing.state} loadingLabel={said.loading} errorTitle={said.loadFailed} onRetry={() => void listing.reload()}>
          {(page) => body(page)}
        </Loaded>
      </section>
      <section className="audit-section" aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="subheading">
          {said.audit}
        </h2>
        <AuditLog version={auditVersion} timeZone={ctx.timezone} locale={ctx.locale} now={now} />
      </section>
    </main>
  );

  function body(page: AdminConnectionsPage) {
    const said = words.admin;
    if (page.counts.ALL === 0) return <p className="empty">{said.nobody}</p>;
    const first = (page.page - 1) * page.pageSize + 1;
    const last = Math.min(page.matched, page.page * page.pageSize);
    const pages = Math.max(1, Math.ceil(page.matched / page.pageSize));
    return (
      <>
        <div className="filters" role="group" aria-label={said.byState}>
          {FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              className={`filter${query.health === f ? ' filter-selected' : ''}`}
              aria-pressed={query.health === f}
              onClick={() => change({ health: f })}
            >
              {said.filter[f]} <span className="filter-count">{page.counts[f]}</span>
            </button>
          ))}
        </div>
        <div className="toolbar">
          <label htmlFor={searchId} className="visually-hidden">
            {said.searchLabel}
          </label>
          <input
            id={searchId}
            type="search"
            className="input search"
            placeholder={said.searchPlaceholder}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        {!page.usersKnown && (
          <Message tone="warning">
            <p>{said.usersUnknown}</p>
          </Message>
        )}
        {page.rows.length === 0 ? (
          <div className="empty">
            <p>{said.noMatch({ text: query.text })}</p>
            <Button
              onClick={() => {
                setSearch('');
                change({ health: 'ALL', text: '' });
              }}
            >
              {said.showAll}
            </Button>
          </div>
        ) : (
          <div className="table-scroll">
            <ConnectionsTable
              rows={page.rows}
              query={query}
              busy={updating}
              onSort={sortBy}
              removal={removal}
              onAskRemove={askRemove}
              onConfirmRemove={() => void confirmRemove(page.rows)}
              onCancelRemove={() => setRemoval(null)}
              timeZone={ctx.timezone}
              locale={ctx.locale}
              now={now()}
            />
          </div>
        )}
        <div className="pager">
          <p className="muted" aria-live="polite">
            {page.matched === 0 ? said.noneShown : said.showing({ first, last, matched: page.matched })}
            {page.matched !== page.counts.ALL ? said.storedInAll({ count: page.counts.ALL }) : ''}
          </p>
          <div className="pager-controls">
            <label htmlFor={sizeId} className="muted small">
              {said.perPage}
            </label>
            <select id={sizeId} className="input select page-size" value={query.pageSize} onChange={(e) => change({ pageSize: Number(e.target.value) as Query['pageSize'] })}>
              {ADMIN_PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <Button disabled={page.page <= 1} onClick={() => setQuery((q) => ({ ...q, page: page.page - 1 }))}>
              {said.previous}
            </Button>
            <span className="muted small">{said.pageOf({ page: page.page, pages })}</span>
            <Button disabled={page.page >= pages} onClick={() => setQuery((q) => ({ ...q, page: page.page + 1 }))}>
              {said.next}
            </Button>
          </div>
        </div>
      </>
    );
  }
}

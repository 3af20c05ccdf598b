import { Fragment, type ReactNode } from 'react';
import type { AdminConnection } from '../../../src/shared/definitions';
import { daysUntil } from '../../../src/shared/format';
import { words } from '../../../src/shared/words/admin';
import { Button } from '../components/Button';
import { Confirm } from '../components/Confirm';
import { DateTime } from '../components/DateTime';
import { Lozenge } from '../components/Lozenge';
import { HEALTH_TONE, type Query, type SortKey } from './options';
import { JiraUserCell, whoIs } from './JiraUserCell';

export interface Removal {
  accountId: string;
  busy: boolean;
  error: string | null;
}

const COLUMNS = 9;

/** A cell with its column's name, which a narrow frame shows beside the value (the header is hidden there). */
function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td data-label={label}>
      <div className="cell">{children}</div>
    </td>
  );
}

/**
 * One page of connections. Sortable columns have a button in their header (the current one says which
 * way with aria-sort); below 600 px each row becomes a card (styles.css), its cells labelled.
 */
export function ConnectionsTable({
  rows,
  query,
  busy,
  onSort,
  removal,
  onAskRemove,
  onConfirmRemove,
  onCancelRemove,
  timeZone,
  locale,
  now,
}: {
  rows: readonly AdminConnection[];
  query: Query;
  /** A newer page is being fetched: the rows shown are the previous ones. */
  busy: boolean;
  onSort: (key: SortKey) => void;
  removal: Removal | null;
  onAskRemove: (row: AdminConnection) => void;
  onConfirmRemove: () => void;
  onCancelRemove: () => void;
  timeZone: string;
  locale: string;
  now: Date;
}) {
  const said = words.admin;
  const column = said.column;
  const date = (iso: string | null, none: string) => (iso ? <DateTime iso={iso} timeZone={timeZone} locale={locale} dateOnly /> : <span className="muted">{none}</span>);

  const header = (key: SortKey) => {
    const active = query.sort === key;
    return (
      <th scope="col" aria-sort={active ? (query.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className={`sort-button${active ? ' sort-active' : ''}`} onClick={() => onSort(key)}>
          {column[key]}
          <span className="sort-arrow" aria-hidden="true">
            {active ? (query.direction === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <table className={`table connections${busy ? ' is-busy' : ''}`} aria-busy={busy || undefined}>
      <caption className="visually-hidden">{said.caption({ by: column[query.sort] })}</caption>
      <thead>
        <tr>
          <th scope="col">{column.jiraUser}</th>
          {header('testkaseUser')}
          {header('tokenName')}
          {header('savedAt')}
          {header('lastValidatedAt')}
          {header('lastUsedAt')}
          {header('expiresAt')}
          {header('health')}
          <th scope="col">
            <span className="visually-hidden">{column.actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const confirming = removal?.accountId === row.accountId;
          const days = row.expiresAt ? daysUntil(row.expiresAt, now) : null;
          return (
            <Fragment key={row.accountId}>
              <tr>
                <Cell label={column.jiraUser}>
                  <JiraUserCell accountId={row.accountId} user={row.jiraUser} />
                </Cell>
                <Cell label={column.testkaseUser}>
                  {row.testkaseUser ? (
                    <>
                      <span className="block">{row.testkaseUser.name}</span>
                      {row.testkaseUser.email && <span className="block muted small">{row.testkaseUser.email}</span>}
                    </>
                  ) : (
                    <span className="muted">{words.common.unknown}</span>
                  )}
                </Cell>
                <Cell label={column.tokenName}>
                  <span className="block">{row.tokenName ?? <span className="muted">{said.noName}</span>}</span>
                  <span className="block mono muted">{row.preview}</span>
                </Cell>
                <Cell label={column.savedAt}>{date(row.savedAt, words.common.none)}</Cell>
                <Cell label={column.lastValidatedAt}>{date(row.lastValidatedAt, words.common.never)}</Cell>
                <Cell label={column.lastUsedAt}>{date(row.lastUsedAt, words.common.notYet)}</Cell>
                <Cell label={column.expiresAt}>
                  {date(row.expiresAt, words.common.never)}
                  {row.expiringSoon && days !== null && (
                    <span className="block">
                      <Lozenge tone="warning">{days <= 0 ? said.expiresToday : said.expiresIn({ days })}</Lozenge>
                    </span>
                  )}
                </Cell>
                <Cell label={column.health}>
                  <Lozenge tone={HEALTH_TONE[row.health]}>{said.health[row.health]}</Lozenge>
                  {said.healthNote[row.health] && <span className="block muted small">{said.healthNote[row.health]}</span>}
                </Cell>
                <td className="actions-cell">
                  <Button appearance="subtle" aria-label={said.removeWhose({ who: whoIs(row) })} aria-expanded={confirming} disabled={removal?.busy} onClick={() => onAskRemove(row)}>
                    {words.common.remove}
                  </Button>
                </td>
              </tr>
              {confirming && (
                <tr className="confirm-row">
                  <td colSpan={COLUMNS}>
                    <Confirm
                      title={said.removeQuestion({ who: whoIs(row) })}
                      confirmLabel={said.removeConnection}
                      busyLabel={said.removing}
                      busy={removal.busy}
                      error={removal.error}
                      onConfirm={onConfirmRemove}
                      onCancel={onCancelRemove}
                    >
                      <p>{said.removeExplained({ preview: <span key="preview" className="mono">{row.preview}</span>, tokenName: row.tokenName })}</p>
                      <p className="muted">{said.notRevoked}</p>
                    </Confirm>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

import { Fragment, type ReactNode } from 'react';
import type { AdminConnection } from '../../../src/shared/definitions';
import { Button } from '../components/Button';
import { Confirm } from '../components/Confirm';
import { DateTime } from '../components/DateTime';
import { Lozenge } from '../components/Lozenge';
import { daysUntil } from '../format';
import { HEALTH_LABEL, HEALTH_NOTE, HEALTH_TONE, SORT_LABEL, type Query, type SortKey } from './options';
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
  const date = (iso: string | null, none: string) => (iso ? <DateTime iso={iso} timeZone={timeZone} locale={locale} dateOnly /> : <span className="muted">{none}</span>);

  const header = (key: SortKey) => {
    const active = query.sort === key;
    return (
      <th scope="col" aria-sort={active ? (query.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className={`sort-button${active ? ' sort-active' : ''}`} onClick={() => onSort(key)}>
          {SORT_LABEL[key]}
          <span className="sort-arrow" aria-hidden="true">
            {active ? (query.direction === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <table className={`table connections${busy ? ' is-busy' : ''}`} aria-busy={busy || undefined}>
      <caption className="visually-hidden">Stored TestKase connections, sorted by {SORT_LABEL[query.sort]}</caption>
      <thead>
        <tr>
          <th scope="col">Jira user</th>
          {header('testkaseUser')}
          {header('tokenName')}
          {header('savedAt')}
          {header('lastValidatedAt')}
          {header('lastUsedAt')}
          {header('expiresAt')}
          {header('health')}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
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
                <Cell label="Jira user">
                  <JiraUserCell accountId={row.accountId} user={row.jiraUser} />
                </Cell>
                <Cell label="TestKase user">
                  {row.testkaseUser ? (
                    <>
                      <span className="block">{row.testkaseUser.name}</span>
                      {row.testkaseUser.email && <span className="block muted small">{row.testkaseUser.email}</span>}
                    </>
                  ) : (
                    <span className="muted">Unknown</span>
                  )}
                </Cell>
                <Cell label="Token">
                  <span className="block">{row.tokenName ?? <span className="muted">No name</span>}</span>
                  <span className="block mono muted">{row.preview}</span>
                </Cell>
                <Cell label="Saved">{date(row.savedAt, '—')}</Cell>
                <Cell label="Last validated">{date(row.lastValidatedAt, 'Never')}</Cell>
                <Cell label="Last used">{date(row.lastUsedAt, 'Not yet')}</Cell>
                <Cell label="Expires">
                  {date(row.expiresAt, 'Never')}
                  {row.expiringSoon && days !== null && (
                    <span className="block">
                      <Lozenge tone="warning">{days <= 0 ? 'Expires today' : `Expires in ${days} ${days === 1 ? 'day' : 'days'}`}</Lozenge>
                    </span>
                  )}
                </Cell>
                <Cell label="State">
                  <Lozenge tone={HEALTH_TONE[row.health]}>{HEALTH_LABEL[row.health]}</Lozenge>
                  {HEALTH_NOTE[row.health] && <span className="block muted small">{HEALTH_NOTE[row.health]}</span>}
                </Cell>
                <td className="actions-cell">
                  <Button appearance="subtle" aria-label={`Remove the connection of ${whoIs(row)}`} aria-expanded={confirming} disabled={removal?.busy} onClick={() => onAskRemove(row)}>
                    Remove
                  </Button>
                </td>
              </tr>
              {confirming && (
                <tr className="confirm-row">
                  <td colSpan={COLUMNS}>
                    <Confirm
                      title={`Remove the TestKase connection of ${whoIs(row)}?`}
                      confirmLabel="Remove connection"
                      busyLabel="Removing…"
                      busy={removal.busy}
                      error={removal.error}
                      onConfirm={onConfirmRemove}
                      onCancel={onCancelRemove}
                    >
                      <p>
                        Their saved token <span className="mono">{row.preview}</span>
                        {row.tokenName ? ` (“${row.tokenName}”)` : ''} and everything the app stores for them are deleted from Jira. TestKase
                        stops working for them in Jira until they save a new token; they are told a Jira admin removed it.
                      </p>
                      <p className="muted">This does not revoke the token in TestKase: revoke it there too (Settings → API Keys) if it must stop working everywhere.</p>
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

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
import { NoteEditor } from './NoteEditor';

/** What an admin is doing to one row: confirming a removal or a suspension, or editing its note. */
export interface Removal {
  kind: 'REMOVE' | 'SUSPEND' | 'NOTE';
  accountId: string;
  busy: boolean;
  error: string | null;
}

/** The admin page's actions on a row (AdminPage.tsx calls the backend). */
export interface RowActions {
  onAsk: (row: AdminConnection, kind: Removal['kind']) => void;
  onConfirm: () => void;
  onCancel: () => void;
  onResume: (row: AdminConnection) => void;
  onSaveNote: (text: string) => void;
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
  actions,
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
  actions: RowActions;
  timeZone: string;
  locale: string;
  now: Date;
}) {
  const said = words.admin;
  const column = said.column;
  const date = (iso: string | null, none: string) => (iso ? <DateTime iso={iso} timeZone={timeZone} locale={locale} /> : <span className="muted">{none}</span>);

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
        {rows.map((row, index) => {
          const mine = removal?.accountId === row.accountId ? removal : null;
          const who = whoIs(row);
          const days = row.expiresAt ? daysUntil(row.expiresAt, now) : null;
          return (
            <Fragment key={row.accountId || `gone-${index}`}>
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
                  {row.notYours && (
                    <span className="block not-yours">
                      <Lozenge tone="danger">{said.notYours}</Lozenge>
                      <span className="block muted small">{said.notYoursFound}</span>
                      <q className="block user-data">{row.notYours.testkaseUser.name}</q>
                      {row.notYours.testkaseUser.email && <span className="block muted small user-data">{row.notYours.testkaseUser.email}</span>}
                    </span>
                  )}
                </Cell>
                <Cell label={column.tokenName}>
                  <span className="block">{row.tokenName ?? <span className="muted">{said.noName}</span>}</span>
                  <span className="block mono muted">{row.preview}</span>
                  {row.note && (
                    <span className="block admin-note">
                      <span className="muted small">{said.note}: </span>
                      <q className="user-data">{row.note.text}</q>
                    </span>
                  )}
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
                  {row.gone && <span className="block muted small">{said.gone}</span>}
                  {row.suspended && (
                    <span className="block muted small">{said.suspendedBy({ by: row.suspended.byName, date: <DateTime key="at" iso={row.suspended.at} timeZone={timeZone} locale={locale} /> })}</span>
                  )}
                  {!row.tokenStored && row.suspended && <span className="block muted small">{said.noTokenStored}</span>}
                </Cell>
                <td className="actions-cell">
                  {!row.gone && (
                    <div className="row-actions">
                      {row.suspended ? (
                        <Button appearance="subtle" aria-label={said.resumeWhose({ who })} disabled={removal?.busy} onClick={() => actions.onResume(row)}>
                          {said.resume}
                        </Button>
                      ) : (
                        <Button appearance="subtle" aria-label={said.suspendWhose({ who })} aria-expanded={mine?.kind === 'SUSPEND'} disabled={removal?.busy} onClick={() => actions.onAsk(row, 'SUSPEND')}>
                          {said.suspend}
                        </Button>
                      )}
                      <Button appearance="subtle" aria-label={said.editNoteWhose({ who })} aria-expanded={mine?.kind === 'NOTE'} disabled={removal?.busy} onClick={() => actions.onAsk(row, 'NOTE')}>
                        {said.editNote}
                      </Button>
                      {row.tokenStored && (
                        <Button appearance="subtle" aria-label={said.removeWhose({ who })} aria-expanded={mine?.kind === 'REMOVE'} disabled={removal?.busy} onClick={() => actions.onAsk(row, 'REMOVE')}>
                          {words.common.remove}
                        </Button>
                      )}
                    </div>
                  )}
                </td>
              </tr>
              {mine?.kind === 'NOTE' && (
                <tr className="confirm-row">
                  <td colSpan={COLUMNS}>
                    <NoteEditor initial={row.note?.text ?? ''} busy={mine.busy} error={mine.error} onSave={actions.onSaveNote} onCancel={actions.onCancel} />
                  </td>
                </tr>
              )}
              {mine?.kind === 'SUSPEND' && (
                <tr className="confirm-row">
                  <td colSpan={COLUMNS}>
                    <Confirm
                      title={said.suspendQuestion({ who })}
                      confirmLabel={said.suspendConnection}
                      busyLabel={said.suspending}
                      busy={mine.busy}
                      error={mine.error}
                      onConfirm={actions.onConfirm}
                      onCancel={actions.onCancel}
                    >
                      <p>{said.suspendExplained}</p>
                    </Confirm>
                  </td>
                </tr>
              )}
              {mine?.kind === 'REMOVE' && (
                <tr className="confirm-row">
                  <td colSpan={COLUMNS}>
                    <Confirm
                      title={said.removeQuestion({ who })}
                      confirmLabel={said.removeConnection}
                      busyLabel={said.removing}
                      busy={mine.busy}
                      error={mine.error}
                      onConfirm={actions.onConfirm}
                      onCancel={actions.onCancel}
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

import { useEffect, useState } from 'react';
import type { AuditEntry, AuditPage, JiraUserSummary } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/admin';
import { api } from '../api';
import { Button } from '../components/Button';
import { DateTime, ZoneNote } from '../components/DateTime';
import { Loaded } from '../components/Loaded';
import { Message } from '../components/Message';
import { useLoad } from '../load';

/** A check whose entry has not moved for this long is no longer running (its page was closed). */
const STALLED_MS = 2 * 60 * 1000;

const nameOf = (user: JiraUserSummary) => user.displayName ?? words.admin.jiraAccount({ accountId: user.accountId });

function describeEntry(entry: AuditEntry, now: Date): string {
  const said = words.admin;
  const actor = nameOf(entry.actor);
  const target = entry.target ? nameOf(entry.target) : said.aUser;
  if (entry.action === 'SUSPEND_CONNECTION' || entry.action === 'RESUME_CONNECTION' || entry.action === 'SET_NOTE') {
    if (entry.outcome === 'STARTED') return said.entryUnfinished({ actor, target });
    if (entry.action === 'SUSPEND_CONNECTION') return said.entrySuspended({ actor, target });
    if (entry.action === 'RESUME_CONNECTION') return entry.outcome === 'NOTHING_STORED' ? said.entryResumeNothing({ actor, target }) : said.entryResumed({ actor, target });
    return entry.note?.text ? said.entryNoteSet({ actor, target }) : said.entryNoteCleared({ actor, target });
  }
  if (entry.action === 'REMOVE_CONNECTION') {
    switch (entry.outcome) {
      case 'DONE':
        return said.entryRemoved({ actor, target });
      case 'NOTHING_STORED':
        return said.entryNothingStored({ actor, target });
      default:
        return said.entryUnconfirmed({ actor, target });
    }
  }
  const check = entry.check;
  if (!check) return said.entryChecked({ actor });
  const tally = said.tally({ tally: check.tally });
  const answered = check.tally.WORKING + check.tally.REJECTED + check.tally.EXPIRED;
  if (entry.outcome === 'DONE' && answered === 0 && check.tally.UNREACHABLE > 0) return said.entryCheckNothing({ actor, total: check.total });
  if (entry.outcome === 'DONE') return said.entryCheckDone({ actor, total: check.total, tally });
  const stalled = now.getTime() - Date.parse(check.updatedAt) > STALLED_MS;
  return stalled ? said.entryCheckStalled({ actor, total: check.total, checked: check.checked, tally }) : said.entryChecking({ actor, total: check.total, checked: check.checked });
}

/**
 * What the entry is about that a person chose (a token's name, an admin's note), shown as labelled,
 * quoted data beside the sentence and never inside it, so no text can pass for the log's own words.
 */
function EntryData({ entry }: { entry: AuditEntry }) {
  const said = words.admin;
  const token = entry.action === 'REMOVE_CONNECTION' || entry.action === 'SUSPEND_CONNECTION' ? entry.token : null;
  const note = entry.action === 'SET_NOTE' ? entry.note?.text : null;
  if (!token && !note) return null;
  return (
    <dl className="audit-data small">
      {token && (
        <>
          <dt>{said.dataToken}</dt>
          <dd className="mono">{token.preview}</dd>
          {token.tokenName && (
            <>
              <dt>{said.dataTokenName}</dt>
              <dd>
                <q className="user-data">{token.tokenName}</q>
              </dd>
            </>
          )}
        </>
      )}
      {note && (
        <>
          <dt>{said.dataNote}</dt>
          <dd>
            <q className="user-data">{note}</q>
          </dd>
        </>
      )}
    </dl>
  );
}

/** Who removed whose connection and who ran a check, newest first, a page at a time. */
export function AuditLog({ version, timeZone, locale, now }: { version: number; timeZone: string; locale: string; now: () => Date }) {
  const log = useLoad<AuditPage>(() => api.adminAuditLog({}), []);
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  // After a removal or a check, the newest entries are fetched again behind what is shown.
  useEffect(() => {
    if (version > 0) void log.refresh();
  }, [version]);

  const showOlder = async (cursor: string) => {
    setMore({ busy: true, error: null });
    const r = await api.adminAuditLog({ cursor });
    if (!r.ok) return setMore({ busy: false, error: r.error.message });
    setMore({ busy: false, error: null });
    log.update((page) => ({ entries: [...page.entries, ...r.data.entries], nextCursor: r.data.nextCursor }));
  };

  return (
    <Loaded state={log.state} loadingLabel={words.admin.auditLoading} errorTitle={words.admin.auditFailed} onRetry={() => void log.reload()}>
      {(page) =>
        page.entries.length === 0 ? (
          <p className="empty">{words.admin.auditEmpty}</p>
        ) : (
          <>
            <ZoneNote timeZone={timeZone} locale={locale} />
            <ol className="audit-list">
              {page.entries.map((entry) => (
                <li key={entry.id} className="audit-entry">
                  <span className="audit-time muted small">
                    <DateTime iso={entry.at} timeZone={timeZone} locale={locale} />
                  </span>
                  <span>{describeEntry(entry, now())}</span>
                  <EntryData entry={entry} />
                </li>
              ))}
            </ol>
            {more.error && (
              <Message tone="error">
                <p>{more.error}</p>
              </Message>
            )}
            {page.nextCursor && (
              <Button busy={more.busy} busyLabel={words.common.loading} onClick={() => void showOlder(page.nextCursor!)}>
                {words.admin.older}
              </Button>
            )}
          </>
        )
      }
    </Loaded>
  );
}

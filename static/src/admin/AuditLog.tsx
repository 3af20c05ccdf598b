import { useEffect, useState } from 'react';
import type { AuditEntry, AuditPage, JiraUserSummary } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/admin';
import { api } from '../api';
import { Button } from '../components/Button';
import { DateTime } from '../components/DateTime';
import { Loaded } from '../components/Loaded';
import { Message } from '../components/Message';
import { useLoad } from '../load';

/** A check whose entry has not moved for this long is no longer running (its page was closed). */
const STALLED_MS = 2 * 60 * 1000;

const nameOf = (user: JiraUserSummary) => user.displayName ?? words.admin.jiraAccount({ accountId: user.accountId });

function describeEntry(entry: AuditEntry, now: Date): string {
  const said = words.admin;
  const actor = nameOf(entry.actor);
  if (entry.action === 'REMOVE_CONNECTION') {
    const target = entry.target ? nameOf(entry.target) : said.aUser;
    const token = entry.token ? said.removedToken(entry.token) : '';
    switch (entry.outcome) {
      case 'DONE':
        return said.entryRemoved({ actor, target, token });
      case 'NOTHING_STORED':
        return said.entryNothingStored({ actor, target });
      default:
        return said.entryUnconfirmed({ actor, target });
    }
  }
  const check = entry.check;
  if (!check) return said.entryChecked({ actor });
  const tally = said.tally({ tally: check.tally });
  if (entry.outcome === 'DONE') return said.entryCheckDone({ actor, total: check.total, tally });
  const stalled = now.getTime() - Date.parse(check.updatedAt) > STALLED_MS;
  return stalled ? said.entryCheckStalled({ actor, total: check.total, checked: check.checked, tally }) : said.entryChecking({ actor, total: check.total, checked: check.checked });
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
            <ol className="audit-list">
              {page.entries.map((entry) => (
                <li key={entry.id} className="audit-entry">
                  <span className="audit-time muted small">
                    <DateTime iso={entry.at} timeZone={timeZone} locale={locale} />
                  </span>
                  <span>{describeEntry(entry, now())}</span>
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

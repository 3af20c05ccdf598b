import { useEffect, useState } from 'react';
import type { AuditEntry, AuditPage, JiraUserSummary } from '../../../src/shared/definitions';
import { api } from '../api';
import { Button } from '../components/Button';
import { DateTime } from '../components/DateTime';
import { Loaded } from '../components/Loaded';
import { Message } from '../components/Message';
import { useLoad } from '../load';
import { describeTally } from './CheckAll';

/** A check whose entry has not moved for this long is no longer running (its page was closed). */
const STALLED_MS = 2 * 60 * 1000;

const nameOf = (user: JiraUserSummary) => user.displayName ?? `Jira account ${user.accountId}`;

function describeEntry(entry: AuditEntry, now: Date): string {
  const actor = nameOf(entry.actor);
  if (entry.action === 'REMOVE_CONNECTION') {
    const target = entry.target ? nameOf(entry.target) : 'a user';
    const token = entry.token ? ` (token ${entry.token.preview}${entry.token.tokenName ? `, “${entry.token.tokenName}”` : ''})` : '';
    switch (entry.outcome) {
      case 'DONE':
        return `${actor} removed the TestKase connection of ${target}${token}.`;
      case 'NOTHING_STORED':
        return `${actor} removed the TestKase connection of ${target}: nothing was stored.`;
      default:
        return `${actor} started removing the TestKase connection of ${target}, and it did not confirm. Check the list and remove it again if it is still there.`;
    }
  }
  const check = entry.check;
  if (!check) return `${actor} checked every stored token.`;
  if (entry.outcome === 'DONE') return `${actor} checked all ${check.total} stored tokens: ${describeTally(check.tally)}.`;
  const stalled = now.getTime() - Date.parse(check.updatedAt) > STALLED_MS;
  return stalled
    ? `${actor} started a check of ${check.total} tokens; it stopped after ${check.checked} (${describeTally(check.tally)}).`
    : `${actor} is checking ${check.total} tokens: ${check.checked} so far.`;
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
    <Loaded state={log.state} loadingLabel="Loading the audit log…" errorTitle="The audit log could not be loaded" onRetry={() => void log.reload()}>
      {(page) =>
        page.entries.length === 0 ? (
          <p className="empty">Nothing yet. Removals and checks by Jira admins are recorded here.</p>
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
              <Button busy={more.busy} busyLabel="Loading…" onClick={() => void showOlder(page.nextCursor!)}>
                Show older entries
              </Button>
            )}
          </>
        )
      }
    </Loaded>
  );
}

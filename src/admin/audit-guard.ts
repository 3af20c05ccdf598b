/**
 * The audit log's per-admin rate cap: at most AUDIT_CAP.perMinute (60) audited actions (removals,
 * suspensions, resumptions, notes, check runs started) per Jira admin per minute. Counted from the
 * newest page of the log itself, so the cap costs one small read and no write; parallel calls can
 * each pass before the others' entries land (a burst exceeds the cap by at most the calls in flight).
 */
import { recentEntriesBy } from '../storage/audit-log';
import { fail } from '../resolvers/errors';
import { words } from '../shared/words/backend';

export const AUDIT_CAP = { perMinute: 60, windowMs: 60_000 };

export async function guardAuditRate(admin: string, now = Date.now()): Promise<void> {
  const recent = await recentEntriesBy(admin, AUDIT_CAP.windowMs, AUDIT_CAP.perMinute, now);
  if (recent < AUDIT_CAP.perMinute) return;
  const seconds = Math.ceil(AUDIT_CAP.windowMs / 1000);
  throw fail('RATE_LIMITED', words.adminActions.tooFast({ cap: AUDIT_CAP.perMinute, seconds }), { retryAfterSeconds: seconds });
}

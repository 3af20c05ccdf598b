/**
 * A Jira admin suspends or resumes a user's connection, or writes a note on it. A suspension keeps the
 * token stored and stops its use (connection/state-machine.ts SUSPENDED: TestKase is not asked
 * anything with it) until an admin resumes it — whatever the user saves or deletes meanwhile. Each is
 * audited, the note as data; the suspending admin's Jira name is kept with the suspension, so the user
 * is told whom to ask.
 */
import type { AdminMarkChange } from '../shared/definitions';
import { appendAudit, updateAudit } from '../storage/audit-log';
import { clearNote, readNote, readSuspension, resume, suspend, writeNote } from '../storage/admin-marks';
import { loadToken } from '../storage/token-store';
import { jiraSelf } from '../jira/myself';
import { needsConsent } from '../jira/answer';
import { log } from '../log';
import { guardAuditRate } from './audit-guard';

const tokenOf = async (accountId: string) => {
  const stored = await loadToken(accountId);
  return stored ? { preview: stored.details.preview, tokenName: stored.details.tokenName } : null;
};

const noteView = (note: { text: string; at: string } | undefined) => (note ? { text: note.text, at: note.at } : null);

/** The admin's own Jira name, for the user's sentence; null when Jira cannot say (the sentence then says "a Jira administrator"). */
async function ownName(): Promise<string | null> {
  try {
    return (await jiraSelf()).displayName;
  } catch (e) {
    if (needsConsent(e)) throw e;
    log.warn('Jira could not say who the suspending admin is', e);
    return null;
  }
}

export async function suspendConnection(admin: string, accountId: string): Promise<AdminMarkChange> {
  await guardAuditRate(admin);
  const [byName, token, note] = await Promise.all([ownName(), tokenOf(accountId), readNote(accountId)]);
  const { key, record } = await appendAudit({ action: 'SUSPEND_CONNECTION', actor: admin, target: accountId, outcome: 'STARTED', token, check: null });
  const before = await suspend({ accountId, at: record.at, by: admin, byName });
  const kept = before ?? { at: record.at, byName };
  await updateAudit(key, { ...record, outcome: 'DONE' });
  log.info(before ? 'a Jira admin suspended a connection already suspended' : 'a Jira admin suspended a connection');
  return { accountId, suspended: before ? { at: before.at, byName: before.byName } : { at: kept.at, byName: kept.byName }, note: noteView(note) };
}

export async function resumeConnection(admin: string, accountId: string): Promise<AdminMarkChange> {
  await guardAuditRate(admin);
  const [suspension, token, note] = await Promise.all([readSuspension(accountId), tokenOf(accountId), readNote(accountId)]);
  const { key, record } = await appendAudit({ action: 'RESUME_CONNECTION', actor: admin, target: accountId, outcome: 'STARTED', token, check: null });
  if (suspension) await resume(accountId);
  await updateAudit(key, { ...record, outcome: suspension ? 'DONE' : 'NOTHING_STORED' });
  return { accountId, suspended: null, note: noteView(note) };
}

export async function setNote(admin: string, accountId: string, text: string): Promise<AdminMarkChange> {
  await guardAuditRate(admin);
  const [suspension, token] = await Promise.all([readSuspension(accountId), tokenOf(accountId)]);
  const written = text ? { accountId, text, at: new Date().toISOString(), by: admin } : null;
  const { key, record } = await appendAudit({ action: 'SET_NOTE', actor: admin, target: accountId, outcome: 'STARTED', token, note: { text: written?.text ?? null }, check: null });
  if (written) await writeNote(written);
  else await clearNote(accountId);
  await updateAudit(key, { ...record, outcome: 'DONE' });
  return { accountId, suspended: suspension ? { at: suspension.at, byName: suspension.byName } : null, note: noteView(written ?? undefined) };
}

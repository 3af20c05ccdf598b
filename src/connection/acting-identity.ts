/**
 * Whether the TestKase user a saved token belongs to is the person signed in to Jira (pure). A Jira
 * user can save someone else's token; everything they then do in TestKase is recorded as that person.
 *
 * E-mails decide when both sides have one (compared without case). Jira hides a user's e-mail when
 * their profile visibility says so; then the display names decide, normalized (Unicode compatibility
 * forms, accents, case and spacing ignored). When neither can be compared the answer is UNKNOWN: no
 * warning is better than a false one.
 */
export interface Person {
  name: string | null;
  email: string | null;
}

export type Comparison = { kind: 'MATCH' | 'MISMATCH'; by: 'EMAIL' | 'NAME' } | { kind: 'UNKNOWN' };

export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function compareIdentity(testkaseUser: Person, jiraUser: Person): Comparison {
  const tkEmail = testkaseUser.email?.trim() ? normalizeEmail(testkaseUser.email) : null;
  const jiraEmail = jiraUser.email?.trim() ? normalizeEmail(jiraUser.email) : null;
  if (tkEmail && jiraEmail) return { kind: tkEmail === jiraEmail ? 'MATCH' : 'MISMATCH', by: 'EMAIL' };
  const tkName = testkaseUser.name ? normalizeName(testkaseUser.name) : '';
  const jiraName = jiraUser.name ? normalizeName(jiraUser.name) : '';
  if (!tkName || !jiraName) return { kind: 'UNKNOWN' };
  return { kind: tkName === jiraName ? 'MATCH' : 'MISMATCH', by: 'NAME' };
}

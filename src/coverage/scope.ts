/**
 * A coverage scope as Jira is asked about it: the JQL of a version, a sprint or an epic of one project
 * (values come from validated payloads — digits, issue and project keys — and are quoted anyway, so a
 * project key that is a JQL word stays a value), and the cursor a scope's steps are chained by.
 */
import { z } from 'zod';
import type { CoverageScope } from '../shared/coverage';

export function scopeJql(jiraProjectKey: string, scope: Exclude<CoverageScope, { kind: 'LINKED' }>): string {
  const project = `project = "${jiraProjectKey}"`;
  switch (scope.kind) {
    case 'VERSION':
      return `${project} AND fixVersion = ${scope.id} ORDER BY key ASC`;
    case 'SPRINT':
      return `${project} AND sprint = ${scope.id} ORDER BY key ASC`;
    case 'EPIC':
      return `${project} AND parent = "${scope.key}" ORDER BY key ASC`;
  }
}

/** The project's epics (hierarchy level 1), for the scope picker. */
export const epicsJql = (jiraProjectKey: string) => `project = "${jiraProjectKey}" AND issuetype = Epic ORDER BY key ASC`;

/** Which list a cursor continues: the same project and scope, or it is refused. */
export function scopeId(jiraProjectKey: string, scope: CoverageScope): string {
  switch (scope.kind) {
    case 'LINKED':
      return `${jiraProjectKey}:LINKED`;
    case 'VERSION':
      return `${jiraProjectKey}:VERSION:${scope.id}`;
    case 'SPRINT':
      return `${jiraProjectKey}:SPRINT:${scope.id}`;
    case 'EPIC':
      return `${jiraProjectKey}:EPIC:${scope.key}`;
  }
}

/** Where the next step starts: Jira's page token (JQL scopes) or an offset into TestKase's linked issues. */
export type Position = { kind: 'jql'; token: string } | { kind: 'linked'; offset: number };

const Cursor = z.object({
  s: z.string().max(200),
  p: z.discriminatedUnion('kind', [z.object({ kind: z.literal('jql'), token: z.string().min(1).max(4_000) }), z.object({ kind: z.literal('linked'), offset: z.number().int().positive().max(10_000_000) })]),
});

export function writeCursor(id: string, position: Position): string {
  return Buffer.from(JSON.stringify({ s: id, p: position })).toString('base64url');
}

/** The position a cursor holds, or null when it is not one of this scope's (another list's, or garbled). */
export function readCursor(id: string, cursor: string): Position | null {
  try {
    const parsed = Cursor.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success && parsed.data.s === id ? parsed.data.p : null;
  } catch {
    return null;
  }
}

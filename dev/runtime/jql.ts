/**
 * The JQL the local Jira site understands: the subset the app sends (src/jira/search.ts), and nothing
 * more, so a query the app starts sending without teaching the site fails here as it might in Jira
 * rather than silently matching everything.
 *
 *   query  := clause (AND clause)* [ORDER BY orderField [ASC|DESC] (, orderField [ASC|DESC])*]
 *   clause := field = value | field IN ( value (, value)* )
 *   field  := project | fixVersion | sprint | parent | issuetype | type | key | issuekey
 *   value  := a word, a number or a "quoted string"
 *
 * Keywords and field names are case-insensitive, as in Jira. Anything else (OR, NOT, functions,
 * other fields or operators) is a JqlError with the message Jira's 400 answer carries. A query with
 * no clause is "unbounded", which the enhanced search refuses.
 */
import type { JiraIssue } from './fixtures';

export class JqlError extends Error {}

type Field = 'project' | 'fixVersion' | 'sprint' | 'parent' | 'issuetype' | 'key';

const FIELDS: Record<string, Field> = {
  project: 'project',
  fixversion: 'fixVersion',
  sprint: 'sprint',
  parent: 'parent',
  issuetype: 'issuetype',
  type: 'issuetype',
  key: 'key',
  issuekey: 'key',
};

export interface JqlQuery {
  clauses: Array<{ field: Field; values: string[] }>;
  order: Array<{ field: 'key'; descending: boolean }>;
}

type Token = { kind: 'word' | 'string'; text: string } | { kind: 'punct'; text: '=' | '(' | ')' | ',' };

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '=' || c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c });
      i += 1;
    } else if (c === '"' || c === "'") {
      const end = jql.indexOf(c, i + 1);
      if (end < 0) throw new JqlError(`Error in the JQL Query: The quoted string starting at character ${i + 1} is not closed.`);
      tokens.push({ kind: 'string', text: jql.slice(i + 1, end) });
      i = end + 1;
    } else {
      const word = /^[A-Za-z0-9_.-]+/.exec(jql.slice(i))?.[0];
      if (!word) throw new JqlError(`Error in the JQL Query: The character '${c}' at position ${i + 1} is not understood by the local Jira site (dev/runtime/jql.ts).`);
      tokens.push({ kind: 'word', text: word });
      i += word.length;
    }
  }
  return tokens;
}

export function parseJql(jql: string): JqlQuery {
  const tokens = tokenize(jql);
  let at = 0;
  const peek = () => tokens[at];
  const isWord = (t: Token | undefined, word: string) => t?.kind === 'word' && t.text.toLowerCase() === word;
  const expect = (what: string): Token => {
    const t = tokens[at++];
    if (!t) throw new JqlError(`Error in the JQL Query: Expecting ${what} but reached the end of the query.`);
    return t;
  };
  const value = (): string => {
    const t = expect('a value');
    if (t.kind === 'punct') throw new JqlError(`Error in the JQL Query: Expecting a value but got '${t.text}'.`);
    return t.text;
  };

  const clauses: JqlQuery['clauses'] = [];
  while (at < tokens.length && !isWord(peek(), 'order')) {
    if (clauses.length > 0) {
      const and = expect("'AND'");
      if (!isWord(and, 'and')) throw new JqlError(`Error in the JQL Query: Expecting 'AND' or 'ORDER BY' but got '${and.text}' (the local Jira site understands only AND).`);
    }
    const name = expect('a field name');
    const field = name.kind === 'word' ? FIELDS[name.text.toLowerCase()] : undefined;
    if (!field) throw new JqlError(`Error in the JQL Query: The local Jira site does not search by '${name.text}' (dev/runtime/jql.ts knows ${Object.keys(FIELDS).join(', ')}).`);
    const op = expect("'=' or 'IN'");
    if (op.kind === 'punct' && op.text === '=') {
      clauses.push({ field, values: [value()] });
    } else if (isWord(op, 'in')) {
      const open = expect("'('");
      if (open.text !== '(') throw new JqlError(`Error in the JQL Query: Expecting '(' after IN but got '${open.text}'.`);
      const values = [value()];
      for (let t = expect("',' or ')'"); t.text !== ')'; t = expect("',' or ')'")) {
        if (t.text !== ',') throw new JqlError(`Error in the JQL Query: Expecting ',' or ')' but got '${t.text}'.`);
        values.push(value());
      }
      clauses.push({ field, values });
    } else {
      throw new JqlError(`Error in the JQL Query: The operator '${op.text}' is not supported by the local Jira site for the field '${name.text}' (only = and IN).`);
    }
  }

  const order: JqlQuery['order'] = [];
  if (isWord(peek(), 'order')) {
    at += 1;
    if (!isWord(expect("'BY'"), 'by')) throw new JqlError("Error in the JQL Query: Expecting 'BY' after 'ORDER'.");
    do {
      if (order.length > 0) at += 1; // the comma
      const f = expect('a field to order by');
      if (f.kind !== 'word' || !['key', 'issuekey'].includes(f.text.toLowerCase())) throw new JqlError(`Error in the JQL Query: The local Jira site orders by key only, not by '${f.text}'.`);
      const direction = peek();
      const descending = isWord(direction, 'desc');
      if (descending || isWord(direction, 'asc')) at += 1;
      order.push({ field: 'key', descending });
    } while (peek()?.text === ',');
    if (at < tokens.length) throw new JqlError(`Error in the JQL Query: Unexpected '${tokens[at]!.text}' after the ORDER BY clause.`);
  }
  if (clauses.length === 0) throw new JqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  return { clauses, order };
}

/** What the site knows about an issue's place, for matching: its sprint's and versions' names, its parent. */
export interface MatchContext {
  versionName(id: string): string | undefined;
  sprintName(id: number): string | undefined;
  issueId(key: string): string | undefined;
}

/** Does the issue satisfy every clause (values compared as Jira does: ids or names, keys without case)? */
export function matches(query: JqlQuery, issue: JiraIssue, ctx: MatchContext): boolean {
  return query.clauses.every(({ field, values }) => values.some((v) => fieldMatches(field, v, issue, ctx)));
}

function fieldMatches(field: Field, value: string, issue: JiraIssue, ctx: MatchContext): boolean {
  const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();
  switch (field) {
    case 'project':
      return same(issue.project.key, value) || issue.project.id === value;
    case 'fixVersion':
      return (issue.fixVersions ?? []).some((id) => id === value || same(ctx.versionName(id), value));
    case 'sprint':
      return issue.sprint !== undefined && (String(issue.sprint) === value || same(ctx.sprintName(issue.sprint), value));
    case 'parent':
      return issue.parent !== undefined && (same(issue.parent, value) || ctx.issueId(issue.parent) === value);
    case 'issuetype':
      return same(issue.type, value) || issue.typeId === value;
    case 'key':
      return same(issue.key, value) || issue.id === value;
  }
}

/** Jira's order for keys: by project key, then by number. */
export function compareKeys(a: JiraIssue, b: JiraIssue): number {
  return a.project.key.localeCompare(b.project.key) || Number(a.key.split('-')[1]) - Number(b.key.split('-')[1]);
}

/**
 * What the coverage page's scope picker offers for one project, asked of Jira as the user, in parallel:
 * its versions, its sprints (Jira Software's Scrum boards) and its epics. A part Jira cannot answer is
 * null with a note; the others still show.
 */
import type { CoverageScopeOptions } from '../shared/coverage';
import { needsConsent } from '../jira/answer';
import { searchIssues } from '../jira/search';
import { projectSprints } from '../jira/sprints';
import { projectVersions } from '../jira/versions';
import { log } from '../log';
import { epicsJql } from './scope';
import { words } from '../shared/words/coverage';

/** Epics offered at most (two search pages). */
const EPICS_MAX = 200;

async function projectEpics(jiraProjectKey: string): Promise<Array<{ key: string; summary: string }>> {
  const epics: Array<{ key: string; summary: string }> = [];
  let token: string | null = null;
  do {
    const page = await searchIssues(epicsJql(jiraProjectKey), token, 100);
    epics.push(...page.issues.map((i) => ({ key: i.key, summary: i.summary })));
    token = page.issues.length === 0 ? null : page.nextPageToken;
  } while (token && epics.length < EPICS_MAX);
  return epics.slice(0, EPICS_MAX);
}

export async function scopeOptions(jiraProjectKey: string): Promise<Omit<CoverageScopeOptions, 'connection' | 'jiraProjectKey'>> {
  const [versions, sprints, epics] = await Promise.allSettled([projectVersions(jiraProjectKey), projectSprints(jiraProjectKey), projectEpics(jiraProjectKey)]);
  const notes: string[] = [];
  const value = <T>(r: PromiseSettledResult<T>, note: string, what: string): T | null => {
    if (r.status === 'fulfilled') return r.value;
    if (needsConsent(r.reason)) throw r.reason; // Forge asks the user to allow access
    log.warn(`listing the ${what} of ${jiraProjectKey} failed`, r.reason);
    notes.push(note);
    return null;
  };
  return {
    versions: value(versions, words.coverage.errors.versionsUnavailable, 'versions'),
    sprints: value(sprints, words.coverage.errors.sprintsUnavailable, 'sprints'),
    epics: value(epics, words.coverage.errors.epicsUnavailable, 'epics'),
    notes,
  };
}

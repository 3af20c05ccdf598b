/**
 * A project's sprints, as the signed-in user, from Jira Software's agile API: the project's Scrum
 * boards (GET /rest/agile/1.0/board?projectKeyOrId=&type=scrum; a Kanban board has no sprints) and
 * each board's sprints (GET /rest/agile/1.0/board/{boardId}/sprint), paged by startAt. A sprint shared
 * by two boards is listed once. Scopes: see manifest.yml.
 */
import { asUser, route } from '@forge/api';
import { z } from 'zod';
import { jiraJson } from './answer';

const PAGE = 50;
/** Boards and sprint pages read at most: a project with more is not one a person picks a sprint from. */
const MAX_BOARDS = 10;
const MAX_PAGES = 10;

const AgilePage = <T extends z.ZodType>(item: T) => z.object({ values: z.array(item).max(PAGE), isLast: z.boolean().optional(), startAt: z.number().int().optional() });
const Board = z.object({ id: z.number().int().positive() });
const Sprint = z.object({ id: z.number().int().positive(), name: z.string().max(255), state: z.enum(['closed', 'active', 'future']) });

export interface SprintSummary {
  id: number;
  name: string;
  state: 'closed' | 'active' | 'future';
}

export async function projectSprints(projectKey: string): Promise<SprintSummary[]> {
  const query = new URLSearchParams({ projectKeyOrId: projectKey, type: 'scrum', maxResults: String(MAX_BOARDS) });
  const boards = await jiraJson(asUser().requestJira(route`/rest/agile/1.0/board?${query}`), AgilePage(Board), 'agile boards');
  const byId = new Map<number, SprintSummary>();
  for (const board of boards.values.slice(0, MAX_BOARDS)) {
    for (let page = 0; page < MAX_PAGES; page++) {
      const q = new URLSearchParams({ startAt: String(page * PAGE), maxResults: String(PAGE) });
      const sprints = await jiraJson(asUser().requestJira(route`/rest/agile/1.0/board/${String(board.id)}/sprint?${q}`), AgilePage(Sprint), 'board sprints');
      for (const s of sprints.values) byId.set(s.id, { id: s.id, name: s.name, state: s.state });
      if (sprints.isLast !== false || sprints.values.length === 0) break;
    }
  }
  // Active first, then the ones to come, then the closed ones, newest first.
  const rank = { active: 0, future: 1, closed: 2 } as const;
  return [...byId.values()].sort((a, b) => rank[a.state] - rank[b.state] || (a.state === 'closed' ? b.id - a.id : a.id - b.id));
}

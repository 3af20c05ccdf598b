/**
 * What the simulator answers on the coverage endpoints (A50, A51), from indexes over its state
 * (coverage-index.ts). Typed by the contract's entries like every other handler (api-handlers.ts).
 */
import type { Handlers } from './api-handlers';
import { CoverageIndex } from './coverage-index';
import type { Store } from './store';

const indexes = new WeakMap<Store, CoverageIndex>();
const indexOf = (store: Store) => {
  let index = indexes.get(store);
  if (!index) indexes.set(store, (index = new CoverageIndex(store)));
  return index;
};

/** The page size TestKase answers A51 with when none is asked for (an assumption of the simulator). */
const DEFAULT_LINKED_PAGE = 100;

export const coverageHandlers: Pick<Handlers, 'jiraCoverage' | 'jiraLinkedIssues'> = {
  jiraCoverage: (store, { user, query }) => {
    store.access(user, query.projectId, false);
    return { status: 200, body: { data: indexOf(store).coverage(query.projectId, query.jiraIssueKeys) } };
  },
  jiraLinkedIssues: (store, { user, query }) => {
    store.access(user, query.projectId, false);
    const all = indexOf(store).linkedIssues(query.projectId, query.jiraProjectKey);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_LINKED_PAGE;
    return { status: 200, body: { data: all.slice((page - 1) * pageSize, page * pageSize), pagination: { page, pageSize, total: all.length } } };
  },
};

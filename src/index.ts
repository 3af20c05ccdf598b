/**
 * The Forge function behind every module — the Custom UI issue panel, global page and admin page, the UI
 * Kit issue context (manifest: function `resolver`, handler `index.handler`). Every function of the table in
 * shared/functions.ts is implemented here, typed against the Definitions the frontend's makeInvoke uses;
 * only these can be called (resolvers/dispatch.ts).
 */
import { makeResolver } from '@forge/resolver';
import type { Definitions } from './shared/functions';
import { connectionResolvers } from './resolvers/connection';
import { testCaseResolvers } from './resolvers/test-cases';
import { testCycleResolvers } from './resolvers/test-cycles';
import { bulkResolvers } from './resolvers/bulk-record';
import { issueSummaryResolvers } from './resolvers/issue-summary';
import { adminResolvers } from './resolvers/admin';
import { identityResolvers } from './resolvers/identity';
import { bugIssueTypeResolvers } from './resolvers/bug-issue-type';
import { jiraIssueResolvers } from './resolvers/jira-issues';
import { coverageResolvers } from './resolvers/coverage';
import { handlersFor, type Implementations } from './resolvers/envelope';
import { ownFunctionsOnly } from './resolvers/dispatch';

const implementations: Implementations = {
  ...connectionResolvers,
  ...identityResolvers,
  ...testCaseResolvers,
  ...testCycleResolvers,
  ...bulkResolvers,
  ...bugIssueTypeResolvers,
  ...issueSummaryResolvers,
  ...adminResolvers,
  ...jiraIssueResolvers,
  ...coverageResolvers,
};

export const handler = ownFunctionsOnly(implementations, makeResolver<Definitions>(handlersFor(implementations)));

/**
 * getIssueSummary: the issue's test status at a glance, for the issue context module (UI Kit). Read-only.
 * It is the panel's first screen (first-screen.ts, as getState answers it) with the linked test cases
 * summed up, so a warm render is answered from the same caches and a token revoked since they were
 * filled is caught by the same request.
 */
import type { Coverage, Result } from '../shared/definitions';
import { coverageOf } from '../shared/results';
import type { Implementation } from './envelope';
import { firstScreen } from './first-screen';

const getIssueSummary: Implementation<'getIssueSummary'> = async (_input, caller) => {
  const { connection, linked, live } = await firstScreen(caller);
  const coverage: Result<Coverage> | null = linked && (linked.ok ? { ok: true, data: coverageOf(linked.data) } : linked);
  return { issueKey: caller.issueKey, connection, coverage, ...(live ? { live } : {}) };
};

export const issueSummaryResolvers = { getIssueSummary };

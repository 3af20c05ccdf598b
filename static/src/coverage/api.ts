/** The coverage functions, called the one way the UI calls the backend (api.ts's run), from this chunk. */
import type { CoveragePagePayload, CoverageScopesPayload } from '../../../src/shared/definitions';
import { invoke, run } from '../api';

export const coverageApi = {
  getCoverageScopes: (p: CoverageScopesPayload = {}) => run(() => invoke('getCoverageScopes', p)),
  getCoveragePage: (p: CoveragePagePayload) => run(() => invoke('getCoveragePage', p)),
  listCoverageProjects: () => run(() => invoke('listCoverageProjects')),
};

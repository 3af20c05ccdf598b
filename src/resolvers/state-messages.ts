/**
 * What a person is told about the connection state: the state machine decides (no words), this picks
 * the catalog's entry for it (shared/words). The settings page says "here" where the panel says where
 * to go.
 */
import type { ConnectionView, ModuleKind, StateMessage } from '../shared/definitions';
import type { ConnectionState } from '../connection/state-machine';
import { words } from '../shared/words/backend';

/** Where a sentence is read: the module and the Jira project. */
export interface Where {
  module: ModuleKind;
  jiraProjectKey: string | null;
}

/** The state as the UI gets it: with what to tell the person when it is not READY. */
export function connectionView(state: ConnectionState, where: Where): ConnectionView {
  return state.kind === 'READY' ? state : { ...state, message: stateMessage(state, where) };
}

/** What a person is told about a state that is not READY. */
export function stateMessage(state: Exclude<ConnectionState, { kind: 'READY' }>, { module, jiraProjectKey }: Where): StateMessage {
  const said = words.state;
  if (state.kind === 'NO_CONFIG') return state.removedByAdmin ? said.removedByAdmin : said.noConfig;
  const project = jiraProjectKey;
  switch (state.reason) {
    case 'TOKEN_REJECTED':
      return { title: said.tokenRejectedTitle, text: module === 'GLOBAL_PAGE' ? said.tokenRejectedHere : said.tokenRejected };
    case 'PROJECT_NOT_MAPPED':
      return said.notMapped({ project });
    case 'MAPPING_LOST':
      return said.mappingLost({ project });
    case 'NO_PROJECT_ACCESS':
      return said.noProjectAccess({ project });
    case 'RATE_LIMITED':
      return said.rateLimited({ seconds: state.retryAfterSeconds });
    case 'TESTKASE_UNAVAILABLE':
      return said.unavailable;
  }
}

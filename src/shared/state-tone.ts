/**
 * The one tone of each connection state that is not READY, for the issue panel (Custom UI) and the
 * issue context glance (UI Kit) alike, so a state never reads as a warning in one and as information in
 * the other. Zod-free and import-free at run time.
 */
import type { ConnectionView } from './definitions';

export type StateTone = 'info' | 'warning' | 'error';

/** Not connected yet is an invitation (information); a rejected token an error; the rest (a suspension too) need someone's step. */
export function stateTone(connection: Exclude<ConnectionView, { kind: 'READY' }>): StateTone {
  if (connection.kind === 'NO_CONFIG') return connection.removedByAdmin ? 'warning' : 'info';
  // Suspended by a Jira admin: nothing is wrong with the token, someone must resume it.
  if (connection.kind === 'SUSPENDED') return 'warning';
  return connection.reason === 'TOKEN_REJECTED' ? 'error' : 'warning';
}

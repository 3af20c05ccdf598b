/**
 * NO_CONFIG → PAT_SAVED → READY (and SUSPENDED, set and lifted by a Jira admin), as a pure function of what is known about the user's token, the
 * Jira project's mapping and the first request the render made with the token. All I/O happens in
 * open-connection.ts; this file only decides. See docs/state-machine.md for the diagram.
 */
import type { JiraMapping, Project } from '../testkase/contract';
import type { MappedProject, PatSavedReason } from '../shared/definitions';

/** The decision; the UI gets it with the words for it (ConfigState in shared/definitions.ts). */
export type ConnectionState =
  /** `removedByAdmin`: a Jira admin removed the user's token and they have not saved one since. */
  | { kind: 'NO_CONFIG'; removedByAdmin?: true }
  /** `timedOut`: TESTKASE_UNAVAILABLE because TestKase did not answer in time (slow, not unreachable). */
  | { kind: 'PAT_SAVED'; reason: PatSavedReason; retryAfterSeconds?: number; timedOut?: true }
  | { kind: 'READY'; project: MappedProject | null; canWrite: boolean }
  /**
   * A Jira admin suspended the connection: the token (if the user still has one) stays stored and is
   * not used; TestKase is not asked anything until an admin resumes it. `by` is the admin's Jira name
   * when it was known at the time.
   */
  | { kind: 'SUSPENDED'; since: string; by: string | null; tokenStored: boolean };

/** What a Jira admin decided about the connection, whatever the user has saved. */
type AdminHold = { kind: 'NONE' } | { kind: 'SUSPENDED'; since: string; by: string | null };

/** Whether the user has a token saved, or had one until a Jira admin removed it. */
type TokenOutcome = { kind: 'ABSENT' } | { kind: 'REMOVED_BY_ADMIN' } | { kind: 'PRESENT' };

/** What TestKase said about the token (or the cache remembered of it). */
export type ValidationOutcome =
  | { kind: 'VALID'; projects: Project[] }
  | { kind: 'REJECTED' }
  | { kind: 'UNAVAILABLE'; timedOut?: true }
  | { kind: 'RATE_LIMITED'; retryAfterSeconds?: number };

export type MappingOutcome =
  /** Not in a Jira project (the global page): no mapping to check. */
  | { kind: 'NOT_APPLICABLE' }
  | { kind: 'MAPPED'; mapping: JiraMapping }
  | { kind: 'NOT_MAPPED'; previouslyMapped: boolean }
  | { kind: 'REJECTED' }
  | { kind: 'UNAVAILABLE'; timedOut?: true }
  | { kind: 'RATE_LIMITED'; retryAfterSeconds?: number };

/**
 * The render's first request against the project (the linked test cases). A cached
 * validation can be minutes old: a 401 here means the token was revoked since.
 */
export type UseOutcome = { kind: 'NOT_USED' } | { kind: 'ACCEPTED' } | { kind: 'REJECTED' };

export interface StateInput {
  /** Absent means NONE (nothing decided by an admin). */
  hold?: AdminHold;
  token: TokenOutcome;
  validation: ValidationOutcome;
  mapping: MappingOutcome;
  use: UseOutcome;
}

const saved = (reason: PatSavedReason, retryAfterSeconds?: number): ConnectionState =>
  retryAfterSeconds === undefined ? { kind: 'PAT_SAVED', reason } : { kind: 'PAT_SAVED', reason, retryAfterSeconds };

const unavailable = (timedOut: true | undefined): ConnectionState =>
  timedOut ? { kind: 'PAT_SAVED', reason: 'TESTKASE_UNAVAILABLE', timedOut } : saved('TESTKASE_UNAVAILABLE');

export function computeState({ hold = { kind: 'NONE' }, token, validation, mapping, use }: StateInput): ConnectionState {
  // A suspension outranks everything, with or without a token: it holds until an admin resumes it.
  if (hold.kind === 'SUSPENDED') return { kind: 'SUSPENDED', since: hold.since, by: hold.by, tokenStored: token.kind === 'PRESENT' };
  if (token.kind === 'ABSENT') return { kind: 'NO_CONFIG' };
  if (token.kind === 'REMOVED_BY_ADMIN') return { kind: 'NO_CONFIG', removedByAdmin: true };

  // A rejected token outranks everything: nothing else can work until it is replaced.
  if (validation.kind === 'REJECTED' || mapping.kind === 'REJECTED' || use.kind === 'REJECTED') return saved('TOKEN_REJECTED');
  if (validation.kind === 'RATE_LIMITED') return saved('RATE_LIMITED', validation.retryAfterSeconds);
  if (validation.kind === 'UNAVAILABLE') return unavailable(validation.timedOut);

  switch (mapping.kind) {
    case 'NOT_APPLICABLE':
      return { kind: 'READY', project: null, canWrite: false };
    case 'RATE_LIMITED':
      return saved('RATE_LIMITED', mapping.retryAfterSeconds);
    case 'UNAVAILABLE':
      return unavailable(mapping.timedOut);
    case 'NOT_MAPPED':
      return saved(mapping.previouslyMapped ? 'MAPPING_LOST' : 'PROJECT_NOT_MAPPED');
    case 'MAPPED': {
      const project = validation.projects.find((p) => p.id === mapping.mapping.projectId);
      if (!project) return saved('NO_PROJECT_ACCESS');
      return {
        kind: 'READY',
        project: { id: project.id, name: project.name || mapping.mapping.projectName, role: project.role },
        canWrite: project.role !== 'GUEST',
      };
    }
  }
}

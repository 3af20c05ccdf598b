import { describe, expect, it } from 'vitest';
import { computeState, type MappingOutcome, type UseOutcome, type ValidationOutcome } from '../../../src/connection/state-machine';
import type { Project } from '../../../src/testkase/contract';

const projects: Project[] = [
  { id: 'PRJ-1', name: 'Demo Web Shop', role: 'USER' },
  { id: 'PRJ-3', name: 'Read Only', role: 'GUEST' },
  { id: 'PRJ-4', name: 'Admin One', role: 'PROJECT_ADMIN' },
];
const mapped = (projectId: string): MappingOutcome => ({
  kind: 'MAPPED',
  mapping: { jiraProjectKey: 'DEMO', projectId, projectName: `mapped ${projectId}` },
});

const validations: ValidationOutcome[] = [
  { kind: 'VALID', projects },
  { kind: 'REJECTED' },
  { kind: 'UNAVAILABLE' },
  { kind: 'RATE_LIMITED', retryAfterSeconds: 7 },
];
const uses: UseOutcome[] = [{ kind: 'NOT_USED' }, { kind: 'ACCEPTED' }, { kind: 'REJECTED' }];
const present = { kind: 'PRESENT' } as const;
const notUsed = { kind: 'NOT_USED' } as const;

const mappings: MappingOutcome[] = [
  { kind: 'NOT_APPLICABLE' },
  mapped('PRJ-1'),
  mapped('PRJ-3'),
  mapped('PRJ-4'),
  mapped('PRJ-9'),
  { kind: 'NOT_MAPPED', previouslyMapped: false },
  { kind: 'NOT_MAPPED', previouslyMapped: true },
  { kind: 'REJECTED' },
  { kind: 'UNAVAILABLE' },
  { kind: 'RATE_LIMITED', retryAfterSeconds: 3 },
];

/** The expected state, written as a table independent of the implementation's order of checks. */
function expected(v: ValidationOutcome, m: MappingOutcome, u: UseOutcome): unknown {
  if (v.kind === 'REJECTED' || m.kind === 'REJECTED' || u.kind === 'REJECTED') return { kind: 'PAT_SAVED', reason: 'TOKEN_REJECTED' };
  if (v.kind === 'RATE_LIMITED') return { kind: 'PAT_SAVED', reason: 'RATE_LIMITED', retryAfterSeconds: 7 };
  if (v.kind === 'UNAVAILABLE') return { kind: 'PAT_SAVED', reason: 'TESTKASE_UNAVAILABLE' };
  const table: Record<string, unknown> = {
    NOT_APPLICABLE: { kind: 'READY', project: null, canWrite: false },
    'MAPPED:PRJ-1': { kind: 'READY', project: { id: 'PRJ-1', name: 'Demo Web Shop', role: 'USER' }, canWrite: true },
    'MAPPED:PRJ-3': { kind: 'READY', project: { id: 'PRJ-3', name: 'Read Only', role: 'GUEST' }, canWrite: false },
    'MAPPED:PRJ-4': { kind: 'READY', project: { id: 'PRJ-4', name: 'Admin One', role: 'PROJECT_ADMIN' }, canWrite: true },
    'MAPPED:PRJ-9': { kind: 'PAT_SAVED', reason: 'NO_PROJECT_ACCESS' },
    'NOT_MAPPED:false': { kind: 'PAT_SAVED', reason: 'PROJECT_NOT_MAPPED' },
    'NOT_MAPPED:true': { kind: 'PAT_SAVED', reason: 'MAPPING_LOST' },
    UNAVAILABLE: { kind: 'PAT_SAVED', reason: 'TESTKASE_UNAVAILABLE' },
    RATE_LIMITED: { kind: 'PAT_SAVED', reason: 'RATE_LIMITED', retryAfterSeconds: 3 },
  };
  const key =
    m.kind === 'MAPPED' ? `MAPPED:${m.mapping.projectId}` : m.kind === 'NOT_MAPPED' ? `NOT_MAPPED:${m.previouslyMapped}` : m.kind;
  return table[key];
}

const tokens = [{ kind: 'ABSENT' }, { kind: 'REMOVED_BY_ADMIN' }, { kind: 'PRESENT' }] as const;

describe('computeState', () => {
  it('is SUSPENDED while a Jira admin holds the connection, with or without a token, whatever TestKase said', () => {
    const hold = { kind: 'SUSPENDED', since: '2026-12-01T09:30:00.000Z', by: 'Diana Evans' } as const;
    let combinations = 0;
    for (const token of tokens)
      for (const validation of validations)
        for (const mapping of mappings)
          for (const use of uses) {
            combinations += 1;
            expect(computeState({ hold, token, validation, mapping, use })).toEqual({
              kind: 'SUSPENDED',
              since: '2026-12-01T09:30:00.000Z',
              by: 'Diana Evans',
              tokenStored: token.kind === 'PRESENT',
            });
          }
    expect(combinations).toBe(3 * 4 * 10 * 3);
    // The admin's name may not have been known: the state says so rather than inventing one.
    expect(computeState({ hold: { ...hold, by: null }, token: present, validation: validations[0]!, mapping: mappings[0]!, use: notUsed })).toMatchObject({ kind: 'SUSPENDED', by: null });
  });

  it('without a hold (NONE, or no hold given) decides exactly as before', () => {
    for (const token of tokens)
      for (const validation of validations)
        for (const mapping of mappings)
          for (const use of uses) {
            const input = { token, validation, mapping, use };
            expect(computeState({ ...input, hold: { kind: 'NONE' } })).toEqual(computeState(input));
          }
  });

  it('is NO_CONFIG without a token, whatever else is known', () => {
    for (const validation of validations)
      for (const mapping of mappings)
        for (const use of uses) expect(computeState({ token: { kind: 'ABSENT' }, validation, mapping, use })).toEqual({ kind: 'NO_CONFIG' });
  });

  it('is NO_CONFIG saying a Jira admin removed it when that is why there is no token, whatever else is known', () => {
    for (const validation of validations)
      for (const mapping of mappings)
        for (const use of uses)
          expect(computeState({ token: { kind: 'REMOVED_BY_ADMIN' }, validation, mapping, use })).toEqual({ kind: 'NO_CONFIG', removedByAdmin: true });
  });

  describe('with a token: every validation × mapping × first-use combination', () => {
    for (const validation of validations)
      for (const mapping of mappings)
        for (const use of uses) {
          const label = `${validation.kind} × ${mapping.kind}${mapping.kind === 'MAPPED' ? `(${mapping.mapping.projectId})` : ''}${mapping.kind === 'NOT_MAPPED' ? `(previously ${mapping.previouslyMapped})` : ''} × ${use.kind}`;
          it(label, () => {
            const state = computeState({ token: present, validation, mapping, use });
            expect(state).toEqual(expected(validation, mapping, use));
          });
        }
  });

  it('makes Guests read-only and never lets them write', () => {
    const state = computeState({ token: present, validation: { kind: 'VALID', projects }, mapping: mapped('PRJ-3'), use: notUsed });
    expect(state).toMatchObject({ kind: 'READY', canWrite: false });
  });

  it('turns READY into TOKEN_REJECTED when the first request with a cached validation is refused', () => {
    const input = { token: present, validation: { kind: 'VALID', projects }, mapping: mapped('PRJ-1') } as const;
    expect(computeState({ ...input, use: { kind: 'ACCEPTED' } })).toMatchObject({ kind: 'READY' });
    expect(computeState({ ...input, use: { kind: 'REJECTED' } })).toEqual({ kind: 'PAT_SAVED', reason: 'TOKEN_REJECTED' });
  });

  it('omits retryAfterSeconds when TestKase did not say', () => {
    const state = computeState({ token: present, validation: { kind: 'RATE_LIMITED' }, mapping: { kind: 'UNAVAILABLE' }, use: notUsed });
    expect(state).toEqual({ kind: 'PAT_SAVED', reason: 'RATE_LIMITED' });
    expect('retryAfterSeconds' in state).toBe(false);
  });
});

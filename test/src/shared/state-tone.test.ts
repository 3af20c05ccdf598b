/** One tone per connection state, for the panel and the glance alike (issue 22.13: NO_CONFIG was a warning in one, information in the other). */
import { describe, expect, it } from 'vitest';
import { stateTone } from '../../../src/shared/state-tone';

const message = { title: 't', text: 'x' };

describe('stateTone', () => {
  it('is information for not connected yet, a warning after an admin removed the token, an error for a rejected token, a warning otherwise', () => {
    expect(stateTone({ kind: 'NO_CONFIG', message })).toBe('info');
    expect(stateTone({ kind: 'NO_CONFIG', removedByAdmin: true, message })).toBe('warning');
    expect(stateTone({ kind: 'PAT_SAVED', reason: 'TOKEN_REJECTED', message })).toBe('error');
    for (const reason of ['PROJECT_NOT_MAPPED', 'MAPPING_LOST', 'NO_PROJECT_ACCESS', 'TESTKASE_UNAVAILABLE', 'RATE_LIMITED'] as const) {
      expect(stateTone({ kind: 'PAT_SAVED', reason, message })).toBe('warning');
    }
  });
});

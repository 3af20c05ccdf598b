/** Whether a token's TestKase user is the Jira user: e-mails first (any case), else normalized names, else unknown. */
import { describe, expect, it } from 'vitest';
import { compareIdentity, normalizeName } from '../../../src/connection/acting-identity';

describe('compareIdentity', () => {
  it('compares e-mails without case when both are known, whatever the names', () => {
    expect(compareIdentity({ name: 'Alice Martin', email: 'Alice@ACME.example ' }, { name: 'A. Martin', email: 'alice@acme.example' })).toEqual({ kind: 'MATCH', by: 'EMAIL' });
    expect(compareIdentity({ name: 'Bob Nguyen', email: 'bob@acme.example' }, { name: 'Alice Martin', email: 'alice@acme.example' })).toEqual({ kind: 'MISMATCH', by: 'EMAIL' });
    // One name, two people: the e-mails decide.
    expect(compareIdentity({ name: 'Sam Lee', email: 'sam.lee@acme.example' }, { name: 'Sam Lee', email: 'slee@acme.example' })).toEqual({ kind: 'MISMATCH', by: 'EMAIL' });
  });

  it('compares normalized names when Jira hides the e-mail (or TestKase has none)', () => {
    expect(compareIdentity({ name: 'Gina Rossi', email: 'gina@acme.example' }, { name: '  gina   ROSSI ', email: null })).toEqual({ kind: 'MATCH', by: 'NAME' });
    expect(compareIdentity({ name: 'José Núñez', email: null }, { name: 'Jose Nunez', email: 'jose@acme.example' })).toEqual({ kind: 'MATCH', by: 'NAME' });
    expect(compareIdentity({ name: 'Bob Nguyen', email: 'bob@acme.example' }, { name: 'Gina Rossi', email: null })).toEqual({ kind: 'MISMATCH', by: 'NAME' });
  });

  it('is UNKNOWN when there is nothing to compare: no false warning', () => {
    expect(compareIdentity({ name: '', email: 'bob@acme.example' }, { name: 'Alice Martin', email: null })).toEqual({ kind: 'UNKNOWN' });
    expect(compareIdentity({ name: 'Bob Nguyen', email: null }, { name: null, email: null })).toEqual({ kind: 'UNKNOWN' });
    expect(compareIdentity({ name: 'Bob Nguyen', email: '  ' }, { name: ' ', email: 'alice@acme.example' })).toEqual({ kind: 'UNKNOWN' });
  });

  it('normalizes names: compatibility forms, accents, case and spacing', () => {
    expect(normalizeName('  Ｒｅｎé\u00a0 DUPONT ')).toBe('rene dupont');
  });
});

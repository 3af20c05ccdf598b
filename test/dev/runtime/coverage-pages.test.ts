/** The local host's gadget configurations: kept per gadget, objects only, at most 32 KB, as Jira keeps dashboard item properties. */
import { describe, expect, it } from 'vitest';
import { GadgetConfigurations } from '../../../dev/runtime/coverage-pages';

describe('the local dashboard’s gadget configurations', () => {
  it('keep what an edit view submits, per gadget, and refuse what Jira would not store', () => {
    const gadgets = new GadgetConfigurations();
    expect(gadgets.isConfigured('10001')).toBe(true);
    expect(gadgets.isConfigured('10002')).toBe(false);
    expect(gadgets.save('10002', { jiraProjectKey: 'DEMO', scope: { kind: 'SPRINT', id: 42 } })).toBeNull();
    expect(gadgets.get('10002')).toEqual({ jiraProjectKey: 'DEMO', scope: { kind: 'SPRINT', id: 42 } });
    expect(gadgets.get('10001')).toMatchObject({ scope: { kind: 'VERSION', id: '10010' } });
    for (const bad of [null, 'text', [1, 2], 42]) expect(gadgets.save('10002', bad)).toMatch(/needs an object/);
    expect(gadgets.save('10002', { blob: 'x'.repeat(GadgetConfigurations.MAX_BYTES) })).toMatch(/limited to 32768 bytes/);
    expect(gadgets.get('10002')).toEqual({ jiraProjectKey: 'DEMO', scope: { kind: 'SPRINT', id: 42 } });
    // A copy: changing what get() answered changes nothing stored.
    gadgets.get('10002').jiraProjectKey = 'OTHER';
    expect(gadgets.get('10002').jiraProjectKey).toBe('DEMO');
  });
});

/**
 * What the tester-workflow suites ask TestKase directly (not through the app), with a fresh token of
 * alice's (a Project Admin): to check what was recorded, or to set the scene.
 */
import type { Frame } from 'playwright-core';
import type { Rig } from './rig';

export function testkaseDirect(rig: () => Rig) {
  const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const token = rig().runtime.sim.admin.createToken({ user: 'alice', name: 'check', days: 7 }).token;
    const res = await fetch(`${rig().runtime.sim.apiBaseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    return ((await res.json()) as { data: T }).data;
  };
  return { api };
}

/** Selects every row shown and opens the bulk "Record a result" form for them. */
export async function openBulkRecord(frame: Frame, count: number) {
  await frame.getByLabel(/Select all \d+ shown/).check();
  const bulk = frame.getByRole('region', { name: 'Selected test cases' });
  await bulk.getByRole('button', { name: `Record a result for ${count}` }).click();
  return { bulk, form: frame.getByRole('form', { name: `Record a result for ${count}` }) };
}

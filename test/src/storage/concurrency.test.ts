/**
 * One user's own calls racing each other, with 20 ms per storage call (every `@forge/kvs` call is a
 * network call in Forge), through the real resolver handler. Each interleaving class runs many times
 * with the second call started at a different offset, so the calls overlap at every storage step.
 *
 * After every run: no secret without a configuration that shows it (an orphan is invisible to Forge
 * and would never be cleaned up), and the final state is one a serial order of the same calls gives.
 */
import { createHash } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenPreview } from '../../../src/testkase/token';
import { keys } from '../../../src/storage/keys';
import type { AppState, Result } from '../../../src/shared/definitions';
import { backendForFile } from '../../support/backend';

const LATENCY_MS = 20;
const RUNS = 30; // per class
const PARALLEL = 6; // runs at once (different users), to keep the suite short
/** Offsets (ms) of the second call: from well before the first call's storage writes to well after. */
const offsetFor = (run: number) => (run * 7) % 180 - 30;

const b = backendForFile();
beforeAll(() => {
  b().kvs.latencyMs = LATENCY_MS;
});
afterAll(() => {
  b().kvs.latencyMs = 0;
});

let users = 0;
const nextUser = () => `acc-race-${++users}`;
const userPrefix = (accountId: string) => `u:${createHash('sha256').update(accountId).digest('hex').slice(0, 40)}:`;
const secretsOf = (accountId: string) => b().kvs.secretKeys(userPrefix(accountId));
const metaOf = (accountId: string) => b().kvs.snapshot().data[keys.connection(accountId)];

/** The derived index entry names the stored secret's version, or is absent when no secret is stored. */
async function metadataAgrees(accountId: string): Promise<boolean> {
  const secret = await kvs.getSecret<{ version?: string }>(`${userPrefix(accountId)}pat`);
  const meta = metaOf(accountId) as { version?: string } | undefined;
  return (secret?.version ?? null) === (meta?.version ?? null);
}

interface Minted {
  id: string;
  token: string;
  preview: string;
}
function mint(name: string): Minted {
  const t = b().sim.admin.createToken({ user: 'alice', name, days: 30 });
  return { id: t.id, token: t.token, preview: tokenPreview(t.token) };
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));
/** Starts `first` now and `second` `offset` ms later (or the other way round for a negative offset). */
async function race<A, B>(offset: number, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  return Promise.all([delay(-offset).then(first), delay(offset).then(second)]);
}

const stateOf = (r: Result<AppState>): AppState => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
};

/** What the user sees now, and which token the backend actually uses for TestKase requests. */
async function observe(accountId: string, candidates: Minted[]): Promise<{ shown: string; usedTokenIds: string[] }> {
  const state = stateOf(await b().call(accountId, 'getState', undefined, 'global'));
  const shown = state.connection.kind === 'NO_CONFIG' ? 'none' : (candidates.find((c) => c.preview === state.token?.preview)?.id ?? `unknown:${state.token?.preview}`);
  const ids = new Set(candidates.map((c) => c.id));
  // The panel render asks TestKase for the linked cases with the stored token. Other runs share the
  // simulator's request log, so only this run's tokens and requests from now on count.
  const since = performance.timeOrigin + performance.now();
  await b().call(accountId, 'getState', undefined, { issue: 'DEMO-1' });
  const usedTokenIds = [...new Set(b().sim.admin.requests().filter((r) => r.startMs >= since).map((r) => String(r.tokenId)).filter((id) => ids.has(id)))];
  return { shown, usedTokenIds };
}

/** Runs `RUNS` races, `PARALLEL` at a time; each returns the problems it found (empty when fine). */
async function runClass(name: string, run: (offset: number) => Promise<string[]>): Promise<{ problems: Map<string, number>; runs: number }> {
  const problems = new Map<string, number>();
  for (let start = 0; start < RUNS; start += PARALLEL) {
    const batch = Array.from({ length: Math.min(PARALLEL, RUNS - start) }, (_, i) => run(offsetFor(start + i)));
    for (const found of await Promise.all(batch)) for (const p of new Set(found)) problems.set(p, (problems.get(p) ?? 0) + 1);
  }
  const summary = problems.size === 0 ? 'no problem' : [...problems].map(([p, n]) => `${p} ${n}/${RUNS}`).join('; ');
  console.log(`concurrency (${LATENCY_MS} ms per storage call) — ${name}: ${summary}`);
  return { problems, runs: RUNS };
}

describe(`one user's own parallel calls at ${LATENCY_MS} ms per storage call`, () => {
  it('savePat ‖ savePat, then deletePat: one of the two tokens is in force, and the delete leaves no secret', async () => {
    const { problems } = await runClass('save‖save then delete', async (offset) => {
      const me = nextUser();
      const [a, c] = [mint('A'), mint('B')];
      const found: string[] = [];
      const [ra, rc] = await race(offset, () => b().call(me, 'savePat', { token: a.token }, 'global'), () => b().call(me, 'savePat', { token: c.token }, 'global'));
      if (!ra.ok || !rc.ok) found.push('a save failed');
      const seen = await observe(me, [a, c]);
      if (seen.shown !== a.id && seen.shown !== c.id) found.push(`shows ${seen.shown} after both saves`);
      if (seen.usedTokenIds.join() !== seen.shown) found.push('uses another token than the one shown');
      if (secretsOf(me).length !== 1) found.push(`${secretsOf(me).length} secrets after both saves`);
      if (!(await metadataAgrees(me))) found.push('metadata describes another token than the stored one');
      if (!stateOf(await b().call(me, 'deletePat', undefined, 'global')).connection.kind.startsWith('NO_CONFIG')) found.push('delete did not answer NO_CONFIG');
      if (secretsOf(me).length > 0) found.push('orphan secret after the delete');
      if (metaOf(me) !== undefined) found.push('metadata left after the delete');
      return found;
    });
    expect(Object.fromEntries(problems)).toEqual({});
  });

  it('savePat ‖ deletePat (with or without a token saved before): the old token never survives; the end state is save-then-delete or delete-then-save', async () => {
    let n = 0;
    const { problems } = await runClass('save‖delete', async (offset) => {
      const me = nextUser();
      const [old, next] = [mint('old'), mint('new')];
      if (n++ % 2 === 0) stateOf(await b().call(me, 'savePat', { token: old.token }, 'global'));
      const found: string[] = [];
      const [saved, deleted] = await race(offset, () => b().call(me, 'savePat', { token: next.token }, 'global'), () => b().call(me, 'deletePat', undefined, 'global'));
      if (!saved.ok || !deleted.ok) found.push('a call failed');
      const seen = await observe(me, [old, next]);
      const secrets = secretsOf(me).length;
      if (seen.shown === 'none') {
        // save, then delete
        if (secrets > 0) found.push('orphan secret (NO_CONFIG shown, a secret stored)');
        if (metaOf(me) !== undefined) found.push('metadata without a configuration');
      } else if (seen.shown === next.id) {
        // delete, then save
        if (secrets !== 1) found.push(`${secrets} secrets with the new token in force`);
        if (seen.usedTokenIds.join() !== next.id) found.push('uses another token than the one shown');
      } else {
        found.push(`shows ${seen.shown}`);
      }
      if (!(await metadataAgrees(me))) found.push('metadata describes another token than the stored one');
      return found;
    });
    expect(Object.fromEntries(problems)).toEqual({});
  });

  it('savePat ‖ getState: the read sees the old or the new token, and once the save answered ok the new one stays', async () => {
    const { problems } = await runClass('save‖read', async (offset) => {
      const me = nextUser();
      const [old, next] = [mint('old'), mint('new')];
      stateOf(await b().call(me, 'savePat', { token: old.token }, 'global'));
      stateOf(await b().call(me, 'getState')); // warm: caches and the remembered mapping exist
      const found: string[] = [];
      const [saved, read] = await race(offset, () => b().call(me, 'savePat', { token: next.token }, 'global'), () => b().call(me, 'getState'));
      if (!saved.ok) found.push('the save failed');
      if (!read.ok) found.push('the read failed');
      else if (![old.preview, next.preview].includes(read.data.token?.preview ?? 'none')) found.push(`the concurrent read showed ${read.data.connection.kind}`);
      const seen = await observe(me, [old, next]);
      if (seen.shown === 'none') found.push('NO_CONFIG after the save answered ok');
      else if (seen.shown !== next.id) found.push(`shows ${seen.shown} after the save answered ok`);
      else if (seen.usedTokenIds.join() !== next.id) found.push('uses another token than the one shown');
      if (secretsOf(me).length !== (seen.shown === 'none' ? 0 : 1)) found.push(`${secretsOf(me).length} secrets, ${seen.shown === 'none' ? 'orphaned' : 'for one configuration'}`);
      if (!(await metadataAgrees(me))) found.push('metadata describes another token than the stored one');
      return found;
    });
    expect(Object.fromEntries(problems)).toEqual({});
  });
});

/**
 * Storage durability across a real process kill: a backend process saving a replacement PAT is
 * SIGKILLed before each of its storage writes in turn. After a restart the user's configuration is
 * the old one or the new one, never half (what is shown is the stored token's), and the user has
 * exactly one secret: the fixed secret key is overwritten in one write, so none can be orphaned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kvs } from '@forge/kvs';
import { installForgeFetch, KvsEmulator } from '../../../dev/kvs';
import { startSimulator, type Simulator } from '../../../dev/testkase-sim';
import { tokenPreview } from '../../../src/testkase/token';
import { userPrefix } from '../../../src/storage/keys';
import type { AppState, Result } from '../../../src/shared/definitions';

const ACCOUNT = 'acc-durable';
let sim: Simulator;
let dir: string;
let oldToken: string;
let newToken: string;

/** Runs the save in a child process; kills it when it announces write number `killAt` (1-based). */
function saveInChild(file: string, token: string, killAt: number | null): Promise<{ writes: number; finished: boolean; described: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/save-child.ts'], {
      env: { ...process.env, KVS_FILE: file, ACCOUNT_ID: ACCOUNT, PAT: token, TESTKASE_BASE_URL: sim.apiBaseUrl, PAUSE_MS: killAt === null ? '0' : '200' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let writes = 0;
    let finished = false;
    const described: string[] = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('WRITE')) {
          writes += 1;
          described.push(line.slice('WRITE '.length));
          if (writes === killAt) child.kill('SIGKILL');
        }
        if (line === 'DONE true') finished = true;
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ writes, finished, described }));
  });
}

/** A restarted backend reading the file: what the user sees, which secrets exist, and which token is stored. */
async function afterRestart(file: string): Promise<{ preview: string | null; secrets: string[]; storedToken: string | null }> {
  const emu = new KvsEmulator({ file });
  const restore = installForgeFetch(emu);
  try {
    const { handler } = await import('../../../src/index');
    const r = (await handler(
      { call: { functionKey: 'getState', payload: undefined }, context: { cloudId: 'c', localId: 'l', moduleKey: 'testkase-global-page', extension: { type: 'jira:globalPage' } } },
      { principal: { accountId: ACCOUNT } },
    )) as Result<AppState>;
    if (!r.ok) throw new Error(r.error.message);
    const stored = await kvs.getSecret<{ token?: string }>(`${userPrefix(ACCOUNT)}pat`);
    return { preview: r.data.token?.preview ?? null, secrets: emu.secretKeys(), storedToken: stored?.token ?? null };
  } finally {
    restore();
  }
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, dataDir: null, quiet: true });
  process.env.TESTKASE_BASE_URL = sim.apiBaseUrl;
  dir = mkdtempSync(join(tmpdir(), 'durable-'));
  oldToken = sim.admin.createToken({ user: 'alice', name: 'old', days: 30 }).token;
  newToken = sim.admin.createToken({ user: 'bob', name: 'new', days: 30 }).token;
});
afterAll(async () => {
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a backend killed in the middle of replacing a PAT', () => {
  it('leaves the old or the new configuration after any write, never half, and exactly one secret', async () => {
    const base = join(dir, 'base.json');
    expect(await saveInChild(base, oldToken, null)).toMatchObject({ finished: true });
    const clean = join(dir, 'clean.json');
    copyFileSync(base, clean);
    copyFileSync(`${base}.key`, `${clean}.key`);
    const { writes, finished, described } = await saveInChild(clean, newToken, null);
    expect(finished).toBe(true);
    expect(writes).toBeGreaterThanOrEqual(3);
    expect(described[0]).toBe('set secret'); // the commit point comes first: nothing of the new token exists before it

    const outcomes: string[] = [];
    for (let k = 1; k <= writes; k++) {
      const file = join(dir, `kill-${k}.json`);
      copyFileSync(base, file);
      copyFileSync(`${base}.key`, `${file}.key`);
      const run = await saveInChild(file, newToken, k);
      expect(run).toMatchObject({ writes: k, finished: false });
      const seen = await afterRestart(file);
      expect([tokenPreview(oldToken), tokenPreview(newToken)]).toContain(seen.preview);
      expect(seen.preview).toBe(tokenPreview(seen.storedToken ?? '')); // never half: shown = stored
      expect(seen.secrets).toEqual([`${userPrefix(ACCOUNT)}pat`]);
      outcomes.push(seen.preview === tokenPreview(newToken) ? 'new' : 'old');
    }
    console.log(`durability: killed before each of ${writes} writes → ${described.map((w, i) => `${w}: ${outcomes[i]}`).join(', ')}`);
    // Early kills keep the old token, late ones the new: both outcomes happen, in that order.
    expect(outcomes[0]).toBe('old');
    expect(outcomes.at(-1)).toBe('new');
    expect(outcomes.join(',')).toMatch(/^(old,)+(new,?)+$/);
  });
});

/**
 * The storage layout's rules, through the real resolver handler: reading never writes or deletes,
 * and metadata is trusted only for the version it names.
 */
import { kvs } from '@forge/kvs';
import { afterEach, describe, expect, it } from 'vitest';
import type { KvsWrite } from '../../../dev/kvs';
import { keys, userPrefix } from '../../../src/storage/keys';
import { tokenPreview } from '../../../src/testkase/token';
import { backendForFile, expectOk } from '../../support/backend';

const b = backendForFile();
afterEach(() => {
  b().kvs.beforeWrite = undefined;
});

let n = 0;
const nextUser = () => `acc-layout-${++n}`;
const metaKey = (accountId: string) => keys.connection(accountId);

/** Runs `body` and returns every storage write it made. */
async function writesDuring(body: () => Promise<unknown>): Promise<KvsWrite[]> {
  const writes: KvsWrite[] = [];
  b().kvs.beforeWrite = (w) => void writes.push(w);
  try {
    await body();
  } finally {
    b().kvs.beforeWrite = undefined;
  }
  return writes;
}

describe('reading a configuration', () => {
  it('writes and deletes nothing on a warm render', async () => {
    const me = nextUser();
    expectOk(await b().call(me, 'savePat', { token: await b().token('alice') }, 'global'));
    expectOk(await b().call(me, 'getState')); // cold: caches the mapping
    const before = b().kvs.snapshot();
    expect(await writesDuring(() => b().call(me, 'getState'))).toEqual([]);
    expect(b().kvs.snapshot()).toEqual(before);
    // The settings page checks the token with TestKase each time it opens: it records that check, nothing else.
    const checked = await writesDuring(() => b().call(me, 'getState', undefined, 'global'));
    const named = (key: string) => (key.startsWith('conn:') ? 'connection' : key.slice(key.lastIndexOf(':') + 1));
    expect(checked.map((w) => `${w.op} ${named(w.key)}`).sort()).toEqual(['set connection', 'set validation']);
  });

  it('shows what the secret carries when the metadata names another version, and leaves the metadata to the writers', async () => {
    const me = nextUser();
    const token = await b().token('alice');
    expectOk(await b().call(me, 'savePat', { token }, 'global'));
    expectOk(await b().call(me, 'getState')); // the panel's first render caches the mapping
    const meta = b().kvs.snapshot().data[metaKey(me)] as Record<string, unknown>;
    // As a save killed between its commit (the secret) and its metadata write leaves it.
    await kvs.set(metaKey(me), { ...meta, version: 'an-older-save', tokenName: 'Old token', preview: 'tk_pat_old…' });
    let shown;
    const writes = await writesDuring(async () => (shown = expectOk(await b().call(me, 'getState'))));
    expect(shown!.token).toMatchObject({ preview: tokenPreview(token), tokenName: 'Jira Plugin' });
    expect(writes).toEqual([]);
    expect(b().kvs.snapshot().data[metaKey(me)]).toMatchObject({ version: 'an-older-save' });
    // The next writer (a save) makes the metadata describe the stored token again.
    expectOk(await b().call(me, 'savePat', { token }, 'global'));
    const secret = await kvs.getSecret<{ version: string }>(`${userPrefix(me)}pat`);
    expect(b().kvs.snapshot().data[metaKey(me)]).toMatchObject({ version: secret!.version, tokenName: 'Jira Plugin' });
  });

  it('a revalidation records when and who in the metadata of the version it checked', async () => {
    const me = nextUser();
    expectOk(await b().call(me, 'savePat', { token: await b().token('alice') }, 'global'));
    const savedAt = (b().kvs.snapshot().data[metaKey(me)] as { lastValidatedAt: string }).lastValidatedAt;
    b().advance(11 * 60_000); // past the validation cache
    await new Promise((r) => setTimeout(r, 5)); // lastValidatedAt uses the wall clock
    const state = expectOk(await b().call(me, 'getState', undefined, 'global'));
    expect(state.token!.lastValidatedAt! > savedAt).toBe(true);
    expect(b().kvs.snapshot().data[metaKey(me)]).toMatchObject({ lastValidatedAt: state.token!.lastValidatedAt });
  });
});

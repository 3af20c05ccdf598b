import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { kvs, WhereConditions } from '@forge/kvs';
import { installForgeFetch, KvsEmulator } from '../../../dev/kvs';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function use(emulator: KvsEmulator): KvsEmulator {
  restore = installForgeFetch(emulator);
  return emulator;
}

describe('KVS emulation behind the unmodified @forge/kvs package', () => {
  it('sets, gets and deletes values and secrets in separate spaces', async () => {
    const emu = use(new KvsEmulator());
    await kvs.set('meta:1', { preview: 'tk_pat_abcd…yz' });
    await kvs.setSecret('pat:1', 'secret-value');
    expect(await kvs.get('meta:1')).toEqual({ preview: 'tk_pat_abcd…yz' });
    expect(await kvs.getSecret('pat:1')).toBe('secret-value');
    expect(await kvs.get('pat:1')).toBeUndefined(); // a secret is not readable as a value
    expect(emu.keys('secret')).toEqual(['pat:1']);
    await kvs.deleteSecret('pat:1');
    await kvs.delete('meta:1');
    expect(await kvs.getSecret('pat:1')).toBeUndefined();
    expect(emu.keys('data')).toEqual([]);
  });

  it('answers a missing key with KEY_NOT_FOUND, which the package turns into undefined', async () => {
    const emu = use(new KvsEmulator());
    expect(emu.handle('/api/v1/get', { key: 'nope' })).toEqual({
      status: 404,
      body: { code: 'KEY_NOT_FOUND', message: "The key 'nope' was not found" },
    });
    expect(await kvs.get('nope')).toBeUndefined();
    await expect(kvs.delete('nope')).resolves.toBeUndefined();
  });

  it('expires values set with a ttl', async () => {
    let now = 1_000_000;
    use(new KvsEmulator({ now: () => now }));
    await kvs.set('cache:a', 1, { ttl: { value: 30, unit: 'SECONDS' } });
    now += 29_000;
    expect(await kvs.get('cache:a')).toBe(1);
    now += 2_000;
    expect(await kvs.get('cache:a')).toBeUndefined();
  });

  it('queries keys by prefix with a cursor', async () => {
    use(new KvsEmulator());
    for (const k of ['u:1:a', 'u:1:b', 'u:1:c', 'u:2:a']) await kvs.set(k, k);
    const first = await kvs.query().where('key', WhereConditions.beginsWith('u:1:')).limit(2).getMany();
    expect(first.results.map((r) => r.key)).toEqual(['u:1:a', 'u:1:b']);
    const second = await kvs.query().where('key', WhereConditions.beginsWith('u:1:')).limit(2).cursor(first.nextCursor!).getMany();
    expect(second.results.map((r) => r.key)).toEqual(['u:1:c']);
  });

  it('persists across instances with secrets encrypted at rest and a 0600 key file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvs-'));
    const file = join(dir, 'kvs.json');
    use(new KvsEmulator({ file }));
    await kvs.setSecret('pat:acc', 'tk_pat_plaintext_must_not_be_on_disk');
    await kvs.set('meta:acc', { preview: 'x' });
    restore?.();
    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk).not.toContain('plaintext_must_not_be_on_disk');
    expect(statSync(`${file}.key`).mode & 0o777).toBe(0o600);
    use(new KvsEmulator({ file }));
    expect(await kvs.getSecret('pat:acc')).toBe('tk_pat_plaintext_must_not_be_on_disk');
    expect(await kvs.get('meta:acc')).toEqual({ preview: 'x' });
  });

  it('holds the file while deferSaves is held and writes it once when released; answers are unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvs-'));
    const file = join(dir, 'kvs.json');
    const emu = use(new KvsEmulator({ file }));
    await kvs.set('meta:before', 1);
    const release = emu.deferSaves();
    await kvs.set('meta:held', 2);
    await kvs.setSecret('pat:held', 'tk_pat_held');
    expect(await kvs.get('meta:held')).toBe(2);
    expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { data: object }).data)).toEqual(['meta:before']);
    release();
    release(); // a second call does nothing
    const reopened = new KvsEmulator({ file });
    expect(reopened.keys('data')).toEqual(['meta:before', 'meta:held']);
    expect(reopened.keys('secret')).toEqual(['pat:held']);
  });

  it('lets a test abort a write before it is applied (a simulated crash)', async () => {
    const emu = use(new KvsEmulator());
    await kvs.set('a', 1);
    emu.beforeWrite = () => {
      throw new Error('crash');
    };
    await expect(kvs.set('a', 2)).rejects.toThrow('crash');
    emu.beforeWrite = undefined;
    expect(await kvs.get('a')).toBe(1);
  });

  it('applies a call in the middle of its simulated round trip, so concurrent calls interleave', async () => {
    const emu = use(new KvsEmulator({ latencyMs: 100 }));
    const slowSet = kvs.set('k', 1); // lands after ~50 ms
    emu.latencyMs = 0;
    // Issued after the set but without latency: it is answered before the set is applied.
    expect(await kvs.get('k')).toBeUndefined();
    await slowSet;
    expect(await kvs.get('k')).toBe(1);
  });

  it('lists secret keys for tests, optionally under a prefix', async () => {
    const emu = use(new KvsEmulator());
    await kvs.setSecret('u:1:pat', 'a');
    await kvs.setSecret('u:2:pat', 'b');
    await kvs.set('u:1:meta', {});
    expect(emu.secretKeys().sort()).toEqual(['u:1:pat', 'u:2:pat']);
    expect(emu.secretKeys('u:1:')).toEqual(['u:1:pat']);
  });
});

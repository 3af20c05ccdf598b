/**
 * The KVS emulation enforces Forge's published limits and charges Forge's units, through the
 * unmodified @forge/kvs package: what the app sees is what Forge would make it see.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { installForgeFetch, KVS_LIMITS, KvsEmulator } from '../../../dev/kvs';
import { meterUnits } from '../../../dev/kvs/meter';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function use(emulator: KvsEmulator): KvsEmulator {
  restore = installForgeFetch(emulator);
  return emulator;
}

/** A JSON string value of exactly `bytes` bytes once serialized (the quotes count). */
const valueOfBytes = (bytes: number) => 'x'.repeat(bytes - 2);

async function refusal(p: Promise<unknown>): Promise<ForgeKvsAPIError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ForgeKvsAPIError);
  return e as ForgeKvsAPIError;
}

describe('Forge’s size and shape limits', () => {
  it('stores a value of exactly 240 KiB and refuses one byte more with MAX_SIZE, changing nothing', async () => {
    use(new KvsEmulator());
    await kvs.set('big', valueOfBytes(KVS_LIMITS.maxValueBytes));
    expect((await kvs.get<string>('big'))!.length).toBe(KVS_LIMITS.maxValueBytes - 2);
    const e = await refusal(kvs.set('big', valueOfBytes(KVS_LIMITS.maxValueBytes + 1)));
    expect(e.code).toBe('MAX_SIZE');
    expect(e.responseDetails.status).toBe(400);
    expect((await kvs.get<string>('big'))!.length).toBe(KVS_LIMITS.maxValueBytes - 2);
  });

  it('counts the limit in UTF-8 bytes of the JSON, not characters', async () => {
    use(new KvsEmulator());
    // 90,000 CJK characters are 270,000 bytes in UTF-8: over 240 KiB though well under 245,760 characters.
    expect((await refusal(kvs.set('cjk', { comment: '試'.repeat(90_000) }))).code).toBe('MAX_SIZE');
    expect((await refusal(kvs.setSecret('s', 'x'.repeat(KVS_LIMITS.maxSecretBytes)))).code).toBe('MAX_SIZE');
  });

  it('refuses keys outside Forge’s format and length, and values deeper than 31 levels', async () => {
    use(new KvsEmulator());
    expect((await refusal(kvs.set('a/b', 1))).code).toBe('INVALID_KEY');
    expect((await refusal(kvs.set('k'.repeat(501), 1))).code).toBe('KEY_TOO_LONG');
    let deep: unknown = 1;
    for (let i = 0; i < 32; i++) deep = { d: deep };
    expect((await refusal(kvs.set('deep', deep))).code).toBe('MAX_DEPTH');
  });
});

describe('units: 10 KB each, rounded up, at least one', () => {
  it('charges a write by its size and a read by what it answers; a missing key costs one read', async () => {
    const emu = use(new KvsEmulator());
    const { units: write } = await meterUnits(emu, () => kvs.set('v', valueOfBytes(65_000)));
    expect(write).toMatchObject({ readUnits: 0, writeUnits: 7 }); // ~65 KB → 70 KB → 7, as Forge's own example
    const { units: read } = await meterUnits(emu, () => kvs.get('v'));
    expect(read).toMatchObject({ readUnits: 7, writeUnits: 0 });
    const { units: missing } = await meterUnits(emu, () => kvs.get('nope'));
    expect(missing.readUnits).toBe(1);
    const { units: small } = await meterUnits(emu, () => Promise.all([kvs.set('a', 1), kvs.delete('a')]));
    expect(small.writeUnits).toBe(2);
  });

  it('charges a query by the size of its answer', async () => {
    const emu = use(new KvsEmulator());
    emu.seed(Array.from({ length: 100 }, (_, i) => [`p:${String(i).padStart(3, '0')}`, valueOfBytes(1_000)] as [string, unknown]));
    const { units } = await meterUnits(emu, () => kvs.query().where('key', WhereConditions.beginsWith('p:')).limit(100).getMany());
    // 100 values of 1,000 bytes and their keys: just over 100 KB → 11 units.
    expect(units.readUnits).toBe(11);
  });

  it('charges a batch as one request sized by its payload, and a transaction as one write', async () => {
    const emu = use(new KvsEmulator());
    const items = Array.from({ length: 25 }, (_, i) => ({ key: `b:${i}`, value: valueOfBytes(300) }));
    const set = await meterUnits(emu, () => kvs.batchSet(items));
    expect(set.result).toMatchObject({ failedKeys: [] });
    expect(set.units).toMatchObject({ writeUnits: 1, readUnits: 0 });
    const got = await meterUnits(emu, () => kvs.batchGet(items.map((i) => ({ key: i.key }))));
    expect(got.result.successfulKeys).toHaveLength(25);
    expect(got.units.readUnits).toBe(1);
    const tx = await meterUnits(emu, () => kvs.transact().set('t:1', 1).set('t:2', 2).delete('b:0').execute());
    expect(tx.units.writeUnits).toBe(1);
  });
});

describe('batches and transactions as Forge documents them', () => {
  it('batchGet answers missing keys in failedKeys, and refuses more than 25 keys or a key twice', async () => {
    use(new KvsEmulator());
    await kvs.set('x', 1);
    const got = await kvs.batchGet([{ key: 'x' }, { key: 'y' }]);
    expect(got.successfulKeys.map((k) => [k.key, k.value])).toEqual([['x', 1]]);
    expect(got.failedKeys).toEqual([{ key: 'y', error: { code: 'KEY_NOT_FOUND', message: expect.any(String) } }]);
    await refusal(kvs.batchGet(Array.from({ length: 26 }, (_, i) => ({ key: `k${i}` }))));
    await refusal(kvs.batchSet([{ key: 'd', value: 1 }, { key: 'd', value: 2 }]));
  });

  it('batchSet stores what it can: a value over the limit fails on its own', async () => {
    use(new KvsEmulator());
    const r = await kvs.batchSet<unknown>([{ key: 'ok', value: 1 }, { key: 'huge', value: valueOfBytes(KVS_LIMITS.maxValueBytes + 10) }]);
    expect(r.successfulKeys).toEqual([{ key: 'ok' }]);
    expect(r.failedKeys).toEqual([{ key: 'huge', error: { code: 'MAX_SIZE', message: expect.any(String) } }]);
  });

  it('a transaction applies all or nothing, at most 25 operations, each key once', async () => {
    const emu = use(new KvsEmulator());
    await kvs.set('keep', 'old');
    await kvs.transact().set('keep', 'new').set('other', 1).execute();
    expect([await kvs.get('keep'), await kvs.get('other')]).toEqual(['new', 1]);
    // One value over the limit: nothing of the transaction is applied.
    await refusal(kvs.transact().set('keep', 'newer').set('huge', valueOfBytes(KVS_LIMITS.maxValueBytes + 1)).execute());
    expect(await kvs.get('keep')).toBe('new');
    await refusal(kvs.transact().set('a', 1).delete('a').execute());
    let tooMany = kvs.transact();
    for (let i = 0; i < 26; i++) tooMany = tooMany.set(`n${i}`, i);
    await refusal(tooMany.execute());
    expect(emu.keys('data').filter((k) => k.startsWith('n'))).toEqual([]);
  });

  it('sets only a key that does not exist with FAIL_IF_EXISTS, and swaps atomically with returnValue PREVIOUS', async () => {
    use(new KvsEmulator());
    await kvs.set('lock', 'mine', { keyPolicy: 'FAIL_IF_EXISTS' });
    await refusal(kvs.set('lock', 'yours', { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(await kvs.get('lock')).toBe('mine');
    const previous = await kvs.set<string>('lock', 'swapped', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(previous).toMatchObject({ key: 'lock', value: 'mine' });
    expect(await kvs.set('fresh', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
    const secret = await kvs.setSecret<{ v: number }>('s', { v: 2 }, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(secret).toBeUndefined();
    expect(await kvs.setSecret<{ v: number }>('s', { v: 3 }, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toMatchObject({ value: { v: 2 } });
  });
});

describe('the installation’s quota (4,000 read and 4,000 write units a minute)', () => {
  it('is counted always and, when enforced, refused with Forge’s 429 RATE_LIMIT_EXCEEDED until the minute has passed', async () => {
    let now = 1_000_000;
    const emu = use(new KvsEmulator({ now: () => now, enforceQuota: true }));
    await kvs.set('v', valueOfBytes(199_000)); // 20 write units; each read of it answers ~199 KB: 20 read units
    for (let i = 0; i < 200; i++) await kvs.get('v'); // 200 × 20 = 4,000 read units: all a minute allows
    expect(emu.unitsThisMinute().read).toBe(4_000);
    const e = await refusal(kvs.get('v'));
    expect(e.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(e.responseDetails.status).toBe(429);
    expect(emu.usage.refused).toBe(1);
    now += 60_001;
    expect(await kvs.get<string>('v')).toHaveLength(198_998);
  });
});

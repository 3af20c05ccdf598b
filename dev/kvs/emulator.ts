/**
 * An in-process emulation of the Forge KVS REST protocol as `@forge/kvs` speaks it through
 * `global.__forge_fetch__`: POST /api/v1/get|set|delete, /api/v1/secret/get|set|delete, /api/v1/query,
 * /api/v1/batch/get|set|delete and /api/v1/transaction. Used by the backend tests and the local
 * runtime so the real, unmodified package runs against it.
 *
 * It enforces Forge's published limits (limits.ts) the way Forge refuses them — a value over 240 KiB
 * is a 400 MAX_SIZE, a key outside Forge's format a 400 INVALID_KEY, a batch or transaction over 25
 * keys a 400 — and charges every request in Forge's read and write units (10 KB each, rounded up,
 * at least one), kept in `usage` for tests and, when `enforceQuota` is set, refused with Forge's
 * 429 RATE_LIMIT_EXCEEDED once an installation's 4,000 units a minute are used.
 *
 * Optional persistence: a JSON file written atomically (temp file + rename) with secret values
 * encrypted at rest (AES-256-GCM) under a key kept in a sibling file with mode 0600, after every
 * write (`deferSaves` holds it for a bulk load and writes once at the end).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { KVS_LIMITS, unitsFor, utf8Bytes } from './limits';

const Ttl = z.object({ value: z.number().int().positive(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
/** The set options @forge/kvs sends (interfaces/types.d.ts: SetOptions, PolicySetOptions, OverrideAndReturnSetOptions). */
const SetOptions = z
  .object({
    ttl: Ttl.optional(),
    keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
    returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
    returnMetadataFields: z.array(z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'])).optional(),
  })
  .passthrough();
const KeyBody = z.object({ key: z.string() });
const SetBody = KeyBody.extend({ value: z.unknown(), options: SetOptions.optional() });
// Only what this app uses: key-prefix queries (`WhereConditions.beginsWith`) with a cursor.
const QueryBody = z.object({
  limit: z.number().int().positive().max(KVS_LIMITS.queryMaxLimit).optional(),
  after: z.string().optional(),
  where: z
    .array(z.object({ property: z.literal('key'), condition: z.literal('BEGINS_WITH'), values: z.tuple([z.string()]) }))
    .optional(),
});
/** Batches of plain keys (an `entityName` would address the Custom Entity Store, which this app does not use). */
const BatchGetBody = z.array(z.object({ key: z.string(), entityName: z.undefined().optional() }));
const BatchSetBody = z.array(z.object({ key: z.string(), value: z.unknown(), options: z.object({ ttl: Ttl.optional() }).optional(), entityName: z.undefined().optional() }));
const BatchDeleteBody = z.array(z.object({ key: z.string(), entityName: z.undefined().optional() }));
/** A KVS transaction: sets and deletes of plain keys; checks exist only for entities. */
const TransactionBody = z.object({
  set: z.array(z.object({ key: z.string(), value: z.unknown(), options: z.object({ ttl: Ttl.optional() }).optional(), entityName: z.undefined().optional() })).optional(),
  delete: z.array(z.object({ key: z.string(), entityName: z.undefined().optional() })).optional(),
  check: z.array(z.unknown()).max(0, 'checks apply to custom entities only').optional(),
});

const UNIT_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;
const MINUTE_MS = 60_000;

interface Entry {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expiresAt: number | null;
}

type Space = 'data' | 'secret';
/** The key-level routes: `/api/v1/get`, `/api/v1/secret/get`, likewise set and delete. */
const KEY_OPERATION = /^\/api\/v1\/(secret\/)?(get|set|delete)$/;

export interface KvsResponse {
  status: number;
  body: unknown;
}

/** A write observed by the emulator: lets tests assert what was stored where, and simulate crashes. */
export interface KvsWrite {
  op: 'set' | 'delete';
  space: Space;
  key: string;
  /** What the key held just before this write (undefined: nothing): lets a test see what a write replaced. */
  previous?: unknown;
}

/** What the requests so far were charged, in Forge's units (see limits.ts). */
export interface KvsUsage {
  requests: number;
  readUnits: number;
  writeUnits: number;
  /** Per route (`/api/v1/query`, `/api/v1/batch/get`…). */
  byPath: Record<string, { requests: number; readUnits: number; writeUnits: number }>;
  /** Requests refused with 429 RATE_LIMIT_EXCEEDED (only with `enforceQuota`). */
  refused: number;
}

export interface KvsEmulatorOptions {
  /** Persist to this JSON file; omit for in-memory. */
  file?: string;
  /** Injected clock for TTL tests (and the quota's minute). */
  now?: () => number;
  /** Called before each write is applied; throwing aborts the write (used to simulate a crash). */
  beforeWrite?: (write: KvsWrite) => void;
  /**
   * Simulated network time of every call, in ms (default 0). In Forge each `@forge/kvs` call is a
   * network call; with latency, concurrent calls interleave the way they do there.
   */
  latencyMs?: number;
  /** Extra random 0…jitterMs per call, so repeated runs explore different interleavings. */
  jitterMs?: number;
  /** Refuse requests over the installation's units a minute with 429 RATE_LIMIT_EXCEEDED, as Forge does. */
  enforceQuota?: boolean;
}

const ENC_PREFIX = 'enc:v1:';

class KvsRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const emptyUsage = (): KvsUsage => ({ requests: 0, readUnits: 0, writeUnits: 0, byPath: {}, refused: 0 });

export class KvsEmulator {
  private readonly stores: Record<Space, Map<string, Entry>> = { data: new Map(), secret: new Map() };
  private readonly now: () => number;
  private readonly file: string | undefined;
  private readonly key: Buffer | undefined;
  /** Units charged in the last minute, for the quota: [time, read, write]. */
  private window: Array<[number, number, number]> = [];
  beforeWrite: ((write: KvsWrite) => void) | undefined;
  /** See KvsEmulatorOptions; settable while running (a test can turn latency on for one phase). */
  latencyMs: number;
  jitterMs: number;
  enforceQuota: boolean;
  /** Cumulative charges since the emulator started (or `resetUsage`). */
  usage: KvsUsage = emptyUsage();
  /** Open `deferSaves` holds, and whether a write happened under them. */
  private held = 0;
  private unsaved = false;

  constructor(options: KvsEmulatorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.file = options.file;
    this.beforeWrite = options.beforeWrite;
    this.latencyMs = options.latencyMs ?? 0;
    this.jitterMs = options.jitterMs ?? 0;
    this.enforceQuota = options.enforceQuota ?? false;
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.key = loadOrCreateKey(`${this.file}.key`);
      this.load();
    }
  }

  /**
   * Holds the file's writes until the returned function is called, which writes it once (if anything
   * changed). A bulk load through the app (the local runtime's QA seeding: thousands of saves) would
   * otherwise rewrite the whole file, every secret encrypted again, on each write. Answers are
   * unchanged; only the file lags, so a crash meanwhile loses what the hold covered.
   */
  deferSaves(): () => void {
    this.held += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held -= 1;
      if (this.held === 0 && this.unsaved) this.save();
    };
  }

  resetUsage(): void {
    this.usage = emptyUsage();
    this.window = [];
  }

  /** Units charged within the last minute (what the quota counts). */
  unitsThisMinute(): { read: number; write: number } {
    const since = this.now() - MINUTE_MS;
    this.window = this.window.filter(([at]) => at > since);
    return this.window.reduce((sum, [, read, write]) => ({ read: sum.read + read, write: sum.write + write }), { read: 0, write: 0 });
  }

  /** Answers one KVS request the way the Forge KVS service does, and charges it. */
  handle(path: string, rawBody: unknown): KvsResponse {
    try {
      const requestBytes = rawBody === undefined ? 0 : utf8Bytes(JSON.stringify(rawBody));
      if (requestBytes > KVS_LIMITS.maxRequestBytes) throw new KvsRefusal(400, 'MAX_SIZE', `The request is larger than ${KVS_LIMITS.maxRequestBytes} bytes`);
      const answered = this.route(path, rawBody, requestBytes);
      return this.charge(path, answered);
    } catch (e) {
      if (e instanceof KvsRefusal) return error(e.status, e.code, e.message);
      if (e instanceof z.ZodError) return error(400, 'INVALID_REQUEST', e.issues.map((i) => i.message).join('; '));
      throw e;
    }
  }

  /**
   * Answers one request after the simulated network time: half of it before the operation is
   * applied (the request travelling), half after (the answer travelling back), so a call's effect
   * lands in the middle of its round trip, as it does against a remote store.
   */
  async handleAfterLatency(path: string, rawBody: unknown): Promise<KvsResponse> {
    const total = this.latencyMs + (this.jitterMs > 0 ? Math.random() * this.jitterMs : 0);
    if (total <= 0) return this.handle(path, rawBody);
    await sleep(total / 2);
    const response = this.handle(path, rawBody);
    await sleep(total / 2);
    return response;
  }

  /**
   * Test-only: the secret keys currently stored, optionally under a prefix. Forge cannot list
   * secrets, which is exactly why a test must be able to: an orphaned secret is invisible otherwise.
   */
  secretKeys(prefix = ''): string[] {
    return this.keys('secret').filter((k) => k.startsWith(prefix));
  }

  /** Keys currently stored (live, not expired) in a space: for tests. */
  keys(space: Space): string[] {
    return [...this.stores[space].keys()].filter((k) => this.live(space, k) !== undefined);
  }

  /** A copy of the live non-secret values: for tests. */
  snapshot(): { data: Record<string, unknown>; secretKeys: string[] } {
    const data: Record<string, unknown> = {};
    for (const k of this.keys('data')) data[k] = structuredClone(this.stores.data.get(k)!.value);
    return { data, secretKeys: this.keys('secret') };
  }

  /**
   * Test-only: stores many values at once without charging them or writing the file per value (seeding
   * a large index). Each value is still checked against Forge's limits.
   */
  seed(entries: Iterable<[string, unknown]>): void {
    const now = this.now();
    for (const [key, value] of entries) {
      checkKey(key);
      checkValue(value);
      this.stores.data.set(key, { value, createdAt: now, updatedAt: now, expiresAt: null });
    }
    this.sortedData = null;
    this.save();
  }

  // ---------- routing and charging ----------

  /** What a request answers, and what it costs before the answer is counted. */
  private route(path: string, rawBody: unknown, requestBytes: number): { response: KvsResponse; writeUnits: number } {
    if (path === '/api/v1/query') return { response: this.query(rawBody), writeUnits: 0 };
    if (path === '/api/v1/batch/get') return { response: this.batchGet(rawBody), writeUnits: 0 };
    // A batch or a transaction is one request: one write, sized by its payload.
    if (path === '/api/v1/batch/set') return { response: this.batchSet(rawBody), writeUnits: unitsFor(requestBytes) };
    if (path === '/api/v1/batch/delete') return { response: this.batchDelete(rawBody), writeUnits: unitsFor(requestBytes) };
    if (path === '/api/v1/transaction') return { response: this.transaction(rawBody), writeUnits: unitsFor(requestBytes) };
    const entry = KEY_OPERATION.exec(path);
    if (!entry) throw new KvsRefusal(404, 'NOT_FOUND', `The local KVS emulation does not implement ${path}`);
    const space: Space = entry[1] ? 'secret' : 'data';
    const operation = entry[2] as 'get' | 'set' | 'delete';
    if (operation === 'get') return { response: this.get(space, rawBody), writeUnits: 0 };
    if (operation === 'delete') return { response: this.delete(space, rawBody), writeUnits: 1 };
    return { response: this.set(space, rawBody), writeUnits: unitsFor(requestBytes) };
  }

  /**
   * Charges a request: reads by the size of what it answered (a missing key still costs one read),
   * writes by the size of what it sent. Refused requests (4xx for a bad request) cost nothing but
   * a missing key's read; over the quota, the request is refused with 429 and nothing is applied.
   */
  private charge(path: string, { response, writeUnits }: { response: KvsResponse; writeUnits: number }): KvsResponse {
    const isRead = path.endsWith('/get') || path === '/api/v1/query';
    const answered = response.status < 300 || (isRead && response.status === 404);
    const answerBytes = response.body === undefined ? 0 : utf8Bytes(JSON.stringify(response.body));
    // A set that returns a value (returnValue) reads it too; a batch's acknowledgement is not a read.
    const returnsValue = KEY_OPERATION.test(path) && path.endsWith('/set') && answerBytes > 0;
    const readUnits = answered && (isRead || returnsValue) ? unitsFor(answerBytes) : 0;
    const writes = response.status < 300 ? writeUnits : 0;
    const route = (this.usage.byPath[path] ??= { requests: 0, readUnits: 0, writeUnits: 0 });
    this.usage.requests += 1;
    route.requests += 1;
    this.usage.readUnits += readUnits;
    this.usage.writeUnits += writes;
    route.readUnits += readUnits;
    route.writeUnits += writes;
    this.window.push([this.now(), readUnits, writes]);
    return response;
  }

  /** With `enforceQuota`, whether this request would take the installation over a minute's units. */
  private overQuota(readUnits: number, writeUnits: number): boolean {
    if (!this.enforceQuota) return false;
    const used = this.unitsThisMinute();
    return used.read + readUnits > KVS_LIMITS.readUnitsPerMinute || used.write + writeUnits > KVS_LIMITS.writeUnitsPerMinute;
  }

  private refuseOverQuota(readUnits: number, writeUnits: number): void {
    if (!this.overQuota(readUnits, writeUnits)) return;
    this.usage.refused += 1;
    throw new KvsRefusal(429, 'RATE_LIMIT_EXCEEDED', 'The installation used its storage units for this minute. Retry later.');
  }

  private live(space: Space, key: string): Entry | undefined {
    const entry = this.stores[space].get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= this.now()) {
      this.stores[space].delete(key);
      if (space === 'data') this.sortedData = null;
      return undefined;
    }
    return entry;
  }

  private answerOf(key: string, entry: Entry, fields?: readonly string[]) {
    const all = !fields;
    return {
      key,
      value: entry.value,
      ...(all || fields.includes('CREATED_AT') ? { createdAt: entry.createdAt } : {}),
      ...(all || fields.includes('UPDATED_AT') ? { updatedAt: entry.updatedAt } : {}),
      ...(entry.expiresAt !== null && (all || fields.includes('EXPIRE_TIME')) ? { expireTime: new Date(entry.expiresAt).toISOString() } : {}),
    };
  }

  private get(space: Space, rawBody: unknown): KvsResponse {
    const { key } = KeyBody.parse(rawBody);
    checkKey(key);
    const entry = this.live(space, key);
    if (!entry) {
      this.refuseOverQuota(1, 0);
      return error(404, 'KEY_NOT_FOUND', `The key '${key}' was not found`);
    }
    const body = this.answerOf(key, entry);
    this.refuseOverQuota(unitsFor(utf8Bytes(JSON.stringify(body))), 0);
    return { status: 200, body };
  }

  private set(space: Space, rawBody: unknown): KvsResponse {
    const body = SetBody.parse(rawBody);
    if (body.value === undefined) return error(400, 'INVALID_REQUEST', 'A value is required');
    checkKey(body.key);
    checkValue(body.value, space);
    const options = body.options ?? {};
    const previous = this.live(space, body.key);
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
      // Forge publishes no code for this refusal; the app never relies on it (it re-reads the key).
      throw new KvsRefusal(409, 'KEY_ALREADY_EXISTS', `The key '${body.key}' already exists`);
    }
    this.refuseOverQuota(0, unitsFor(utf8Bytes(JSON.stringify(rawBody))));
    this.beforeWrite?.({ op: 'set', space, key: body.key, previous: previous ? structuredClone(previous.value) : undefined });
    const latest = this.write(space, body.key, body.value, options.ttl, previous);
    this.save();
    if (options.keyPolicy === 'OVERRIDE' && options.returnValue) {
      const returned = options.returnValue === 'PREVIOUS' ? previous : latest;
      if (!returned) return { status: 204, body: undefined };
      return { status: 200, body: this.answerOf(body.key, returned, options.returnMetadataFields ?? []) };
    }
    return { status: 204, body: undefined };
  }

  private write(space: Space, key: string, value: unknown, ttl: z.infer<typeof Ttl> | undefined, previous: Entry | undefined): Entry {
    if (space === 'data' && !this.stores.data.has(key)) this.sortedData = null;
    const now = this.now();
    const entry: Entry = {
      value: structuredClone(value),
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      expiresAt: ttl ? now + ttl.value * UNIT_MS[ttl.unit] : null,
    };
    this.stores[space].set(key, entry);
    return entry;
  }

  private delete(space: Space, rawBody: unknown): KvsResponse {
    const { key } = KeyBody.parse(rawBody);
    checkKey(key);
    this.refuseOverQuota(0, 1);
    const previous = this.live(space, key);
    this.beforeWrite?.({ op: 'delete', space, key, previous: previous ? structuredClone(previous.value) : undefined });
    if (!previous) return error(404, 'KEY_NOT_FOUND', `The key '${key}' was not found`);
    this.stores[space].delete(key);
    if (space === 'data') this.sortedData = null;
    this.save();
    return { status: 204, body: undefined };
  }

  /** The data keys in order, kept between writes that add or remove a key (a query is then a binary search). */
  private sortedData: string[] | null = null;

  private sortedKeys(): string[] {
    this.sortedData ??= [...this.stores.data.keys()].sort();
    return this.sortedData;
  }

  private query(rawBody: unknown): KvsResponse {
    const body = QueryBody.parse(rawBody);
    const prefix = body.where?.[0]?.values[0] ?? '';
    const limit = body.limit ?? 10;
    const sorted = this.sortedKeys();
    // The first key after the cursor (or at the prefix), then live keys under the prefix, in order.
    const from = body.after && body.after >= prefix ? body.after : prefix;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (body.after && body.after >= prefix ? sorted[mid]! <= from : sorted[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    const slice: string[] = [];
    let more = false;
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      if (this.live('data', sorted[i]!) === undefined) continue;
      if (slice.length === limit) {
        more = true;
        break;
      }
      slice.push(sorted[i]!);
    }
    const last = slice.at(-1);
    const answer = {
      data: slice.map((key) => ({ key, value: this.stores.data.get(key)!.value })),
      ...(more && last ? { cursor: last } : {}),
    };
    this.refuseOverQuota(unitsFor(utf8Bytes(JSON.stringify(answer))), 0);
    return { status: 200, body: answer };
  }

  // ---------- batches and transactions: one request each ----------

  private batchGet(rawBody: unknown): KvsResponse {
    const items = BatchGetBody.parse(rawBody);
    checkBatch(items.map((i) => i.key));
    const successfulKeys = [];
    const failedKeys = [];
    for (const { key } of items) {
      const entry = this.live('data', key);
      if (entry) successfulKeys.push(this.answerOf(key, entry));
      else failedKeys.push({ key, error: { code: 'KEY_NOT_FOUND', message: `The key '${key}' was not found` } });
    }
    const answer = { successfulKeys, failedKeys };
    this.refuseOverQuota(unitsFor(utf8Bytes(JSON.stringify(answer))), 0);
    return { status: 200, body: answer };
  }

  private batchSet(rawBody: unknown): KvsResponse {
    const items = BatchSetBody.parse(rawBody);
    checkBatch(items.map((i) => i.key));
    this.refuseOverQuota(0, unitsFor(utf8Bytes(JSON.stringify(rawBody))));
    // Each item succeeds or fails on its own (a value over the limit fails alone).
    const successfulKeys = [];
    const failedKeys = [];
    for (const item of items) {
      try {
        if (item.value === undefined) throw new KvsRefusal(400, 'INVALID_REQUEST', 'A value is required');
        checkValue(item.value);
        const previous = this.live('data', item.key);
        this.beforeWrite?.({ op: 'set', space: 'data', key: item.key, previous: previous ? structuredClone(previous.value) : undefined });
        this.write('data', item.key, item.value, item.options?.ttl, previous);
        successfulKeys.push({ key: item.key });
      } catch (e) {
        if (!(e instanceof KvsRefusal)) throw e;
        failedKeys.push({ key: item.key, error: { code: e.code, message: e.message } });
      }
    }
    this.save();
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchDelete(rawBody: unknown): KvsResponse {
    const items = BatchDeleteBody.parse(rawBody);
    checkBatch(items.map((i) => i.key));
    this.refuseOverQuota(0, unitsFor(utf8Bytes(JSON.stringify(rawBody))));
    const successfulKeys = [];
    for (const { key } of items) {
      const previous = this.live('data', key);
      this.beforeWrite?.({ op: 'delete', space: 'data', key, previous: previous ? structuredClone(previous.value) : undefined });
      if (this.stores.data.delete(key)) this.sortedData = null;
      successfulKeys.push({ key });
    }
    this.save();
    return { status: 200, body: { successfulKeys, failedKeys: [] } };
  }

  /** All or nothing: every operation is checked first, then all are applied together. */
  private transaction(rawBody: unknown): KvsResponse {
    const body = TransactionBody.parse(rawBody);
    const sets = body.set ?? [];
    const deletes = body.delete ?? [];
    const keys = [...sets.map((s) => s.key), ...deletes.map((d) => d.key)];
    if (keys.length === 0) throw new KvsRefusal(400, 'INVALID_REQUEST', 'A transaction needs at least one operation');
    if (keys.length > KVS_LIMITS.transactionMaxOperations) {
      throw new KvsRefusal(400, 'INVALID_REQUEST', `A transaction can contain at most ${KVS_LIMITS.transactionMaxOperations} operations`);
    }
    if (new Set(keys).size !== keys.length) throw new KvsRefusal(400, 'INVALID_REQUEST', 'Each key can only be used once in a transaction');
    for (const key of keys) checkKey(key);
    for (const s of sets) {
      if (s.value === undefined) throw new KvsRefusal(400, 'INVALID_REQUEST', 'A value is required');
      checkValue(s.value);
    }
    this.refuseOverQuota(0, unitsFor(utf8Bytes(JSON.stringify(rawBody))));
    // A crash simulated before any write aborts the whole transaction (checked before applying).
    const previous = new Map(keys.map((k) => [k, this.live('data', k)]));
    for (const s of sets) this.beforeWrite?.({ op: 'set', space: 'data', key: s.key, previous: structuredClone(previous.get(s.key)?.value) });
    for (const d of deletes) this.beforeWrite?.({ op: 'delete', space: 'data', key: d.key, previous: structuredClone(previous.get(d.key)?.value) });
    for (const s of sets) this.write('data', s.key, s.value, s.options?.ttl, previous.get(s.key));
    for (const d of deletes) if (this.stores.data.delete(d.key)) this.sortedData = null;
    this.save();
    return { status: 204, body: undefined };
  }

  // ---------- persistence ----------

  private load(): void {
    if (!this.file || !existsSync(this.file)) return;
    const parsed = PersistedFile.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    for (const [key, entry] of Object.entries(parsed.data)) this.stores.data.set(key, entry);
    this.sortedData = null;
    for (const [key, entry] of Object.entries(parsed.secret)) {
      this.stores.secret.set(key, { ...entry, value: JSON.parse(decrypt(this.key!, String(entry.value))) });
    }
  }

  private save(): void {
    if (!this.file) return;
    if (this.held > 0) {
      this.unsaved = true;
      return;
    }
    this.unsaved = false;
    const out: { data: Record<string, Entry>; secret: Record<string, Entry> } = { data: {}, secret: {} };
    for (const [key, entry] of this.stores.data) out.data[key] = entry;
    for (const [key, entry] of this.stores.secret) {
      out.secret[key] = { ...entry, value: encrypt(this.key!, JSON.stringify(entry.value)) };
    }
    // Atomic: a crash leaves either the old file or the new one, never half of one.
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(out), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}

/** Forge's key rules: 1–500 characters of its key format (handling-errors-kvs: KEY_TOO_SHORT, KEY_TOO_LONG, INVALID_KEY). */
function checkKey(key: string): void {
  if (key.length < 1) throw new KvsRefusal(400, 'KEY_TOO_SHORT', 'The provided key needs to be more than one character.');
  if (key.length > KVS_LIMITS.maxKeyLength) throw new KvsRefusal(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum ${KVS_LIMITS.maxKeyLength} characters.`);
  if (!KVS_LIMITS.keyFormat.test(key)) throw new KvsRefusal(400, 'INVALID_KEY', 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/');
}

/**
 * Forge's value rules: at most 240 KiB of JSON (UTF-8) — a secret 128 KiB — and 31 levels deep
 * (MAX_SIZE, MAX_DEPTH).
 */
function checkValue(value: unknown, space: Space = 'data'): void {
  const bytes = utf8Bytes(JSON.stringify(value));
  const max = space === 'secret' ? KVS_LIMITS.maxSecretBytes : KVS_LIMITS.maxValueBytes;
  if (bytes > max) {
    throw new KvsRefusal(400, 'MAX_SIZE', `The provided value has exceeded the maximum size limit (${bytes} bytes; at most ${max}).`);
  }
  if (depthOf(value) > KVS_LIMITS.maxDepth) throw new KvsRefusal(400, 'MAX_DEPTH', `The provided value has exceeded the maximum object depth (${KVS_LIMITS.maxDepth}) limit.`);
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

function checkBatch(keys: readonly string[]): void {
  if (keys.length === 0) throw new KvsRefusal(400, 'INVALID_REQUEST', 'A batch operation needs at least one key');
  if (keys.length > KVS_LIMITS.batchMaxKeys) throw new KvsRefusal(400, 'INVALID_REQUEST', `A batch operation can contain at most ${KVS_LIMITS.batchMaxKeys} keys`);
  if (new Set(keys).size !== keys.length) throw new KvsRefusal(400, 'INVALID_REQUEST', 'A batch operation cannot name the same key twice');
  for (const key of keys) checkKey(key);
}

const PersistedEntry = z.object({
  value: z.unknown(),
  createdAt: z.number(),
  updatedAt: z.number(),
  expiresAt: z.number().nullable(),
});
const PersistedFile = z.object({
  data: z.record(z.string(), PersistedEntry),
  secret: z.record(z.string(), PersistedEntry),
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function error(status: number, code: string, message: string): KvsResponse {
  return { status, body: { code, message } };
}

function loadOrCreateKey(path: string): Buffer {
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`The KVS key file ${path} is not a 256-bit key`);
    return key;
  }
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64'), { mode: 0o600 });
  chmodSync(path, 0o600);
  return key;
}

function encrypt(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ENC_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

function decrypt(key: Buffer, stored: string): string {
  if (!stored.startsWith(ENC_PREFIX)) throw new Error('A stored secret is not in the expected encrypted format');
  const raw = Buffer.from(stored.slice(ENC_PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

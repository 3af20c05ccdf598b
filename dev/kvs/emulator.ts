/**
 * An in-process emulation of the Forge KVS REST protocol as `@forge/kvs` speaks it through
 * `global.__forge_fetch__` (POST /api/v1/get|set|delete, /api/v1/secret/get|set|delete, /api/v1/query).
 * Used by the backend tests and the local runtime so the real, unmodified package runs against it.
 *
 * Optional persistence: a JSON file written atomically (temp file + rename) with secret values
 * encrypted at rest (AES-256-GCM) under a key kept in a sibling file with mode 0600.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const Ttl = z.object({ value: z.number().int().positive(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
const KeyBody = z.object({ key: z.string().min(1).max(500) });
const SetBody = KeyBody.extend({ value: z.unknown(), options: z.object({ ttl: Ttl.optional() }).passthrough().optional() });
// Only what this app uses: key-prefix queries (`WhereConditions.beginsWith`) with a cursor.
const QueryBody = z.object({
  limit: z.number().int().positive().max(100).optional(),
  after: z.string().optional(),
  where: z
    .array(z.object({ property: z.literal('key'), condition: z.literal('BEGINS_WITH'), values: z.tuple([z.string()]) }))
    .optional(),
});

const UNIT_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

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
}

export interface KvsEmulatorOptions {
  /** Persist to this JSON file; omit for in-memory. */
  file?: string;
  /** Injected clock for TTL tests. */
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
}

const ENC_PREFIX = 'enc:v1:';

export class KvsEmulator {
  private readonly stores: Record<Space, Map<string, Entry>> = { data: new Map(), secret: new Map() };
  private readonly now: () => number;
  private readonly file: string | undefined;
  private readonly key: Buffer | undefined;
  beforeWrite: ((write: KvsWrite) => void) | undefined;
  /** See KvsEmulatorOptions; settable while running (a test can turn latency on for one phase). */
  latencyMs: number;
  jitterMs: number;

  constructor(options: KvsEmulatorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.file = options.file;
    this.beforeWrite = options.beforeWrite;
    this.latencyMs = options.latencyMs ?? 0;
    this.jitterMs = options.jitterMs ?? 0;
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.key = loadOrCreateKey(`${this.file}.key`);
      this.load();
    }
  }

  /** Answers one KVS request the way the Forge KVS service does. */
  handle(path: string, rawBody: unknown): KvsResponse {
    try {
      if (path === '/api/v1/query') return this.query(rawBody);
      const entry = KEY_OPERATION.exec(path);
      if (!entry) return error(404, 'NOT_FOUND', `The local KVS emulation does not implement ${path}`);
      const space: Space = entry[1] ? 'secret' : 'data';
      const operation = entry[2] as 'get' | 'set' | 'delete';
      return this[operation](space, rawBody);
    } catch (e) {
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

  private live(space: Space, key: string): Entry | undefined {
    const entry = this.stores[space].get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= this.now()) {
      this.stores[space].delete(key);
      return undefined;
    }
    return entry;
  }

  private get(space: Space, rawBody: unknown): KvsResponse {
    const { key } = KeyBody.parse(rawBody);
    const entry = this.live(space, key);
    if (!entry) return error(404, 'KEY_NOT_FOUND', `The key '${key}' was not found`);
    return {
      status: 200,
      body: {
        key,
        value: entry.value,
        createdAt: entry.createdAt,
        updatedAt: entry.updatedAt,
        ...(entry.expiresAt !== null ? { expireTime: new Date(entry.expiresAt).toISOString() } : {}),
      },
    };
  }

  private set(space: Space, rawBody: unknown): KvsResponse {
    const body = SetBody.parse(rawBody);
    if (body.value === undefined) return error(400, 'INVALID_REQUEST', 'A value is required');
    this.beforeWrite?.({ op: 'set', space, key: body.key });
    const now = this.now();
    const previous = this.live(space, body.key);
    const ttl = body.options?.ttl;
    this.stores[space].set(body.key, {
      value: structuredClone(body.value),
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      expiresAt: ttl ? now + ttl.value * UNIT_MS[ttl.unit] : null,
    });
    this.save();
    return { status: 204, body: undefined };
  }

  private delete(space: Space, rawBody: unknown): KvsResponse {
    const { key } = KeyBody.parse(rawBody);
    this.beforeWrite?.({ op: 'delete', space, key });
    if (!this.live(space, key)) return error(404, 'KEY_NOT_FOUND', `The key '${key}' was not found`);
    this.stores[space].delete(key);
    this.save();
    return { status: 204, body: undefined };
  }

  private query(rawBody: unknown): KvsResponse {
    const body = QueryBody.parse(rawBody);
    const prefix = body.where?.[0]?.values[0] ?? '';
    const all = this.keys('data').filter((k) => k.startsWith(prefix)).sort();
    const start = body.after ? all.findIndex((k) => k > body.after!) : 0;
    const limit = body.limit ?? 10;
    const slice = start < 0 ? [] : all.slice(start, start + limit);
    const last = slice.at(-1);
    const more = start >= 0 && start + limit < all.length;
    return {
      status: 200,
      body: {
        data: slice.map((key) => ({ key, value: this.stores.data.get(key)!.value })),
        ...(more && last ? { cursor: last } : {}),
      },
    };
  }

  // ---------- persistence ----------

  private load(): void {
    if (!this.file || !existsSync(this.file)) return;
    const parsed = PersistedFile.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    for (const [key, entry] of Object.entries(parsed.data)) this.stores.data.set(key, entry);
    for (const [key, entry] of Object.entries(parsed.secret)) {
      this.stores.secret.set(key, { ...entry, value: JSON.parse(decrypt(this.key!, String(entry.value))) });
    }
  }

  private save(): void {
    if (!this.file) return;
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

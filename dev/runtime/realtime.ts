/**
 * Forge Realtime (Preview), emulated across the local host's browser windows with the shapes
 * Atlassian publishes: the frame side answers @forge/bridge's `subscribeRealtimeChannel` and
 * `publishRealtimeChannel` bridge commands (typed against its realtime.d.ts: SubscriptionOptions,
 * PublishOptions, PublishResult), the resolver side answers what @forge/realtime sends through the
 * platform proxy (`__forge_fetch__({ type: 'realtime' }, '/', GraphQL)`: publishRealtimeChannel and
 * signRealtimeToken, with their selection sets).
 *
 * What it enforces, as Atlassian's docs describe Realtime (docs/performance.md, "Live updates"):
 * - every channel is the installation's (one site) and, by default, the subscribing module's context
 *   (its module on its issue); `contextOverrides` widen it to the issue or the project, for every
 *   module there; `isGlobal` channels have no context;
 * - a publish from a resolver carries the invoking frame's context (the invocation's realtime context
 *   token, issued here when the host runs the invocation);
 * - tokens: signRealtimeToken signs `{ channel, claims, permissions, exp }`; a subscription made with a
 *   token hears only events published with a token of the same channel and claims, one made without
 *   hears only tokenless events; a token without `subscribe` (or `publish`) cannot do that;
 * - 50 operations per second per installation, counting subscribe, publish and token signing;
 *   beyond it the operation is refused as RATE_LIMIT_EXCEEDED (the frame's subscribe rejects, a
 *   publish answers errors, a resolver's call gets HTTP 429 — what @forge/realtime turns into
 *   RATE_LIMIT_EXCEEDED).
 * Not emulated: the Jira.Board context (the local host has no boards).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { PublishOptions, PublishResult, SubscriptionOptions } from '@forge/bridge';
import { CLOUD_ID } from './fixtures';
import type { FrameSession, FrameSessions } from './frames';
import { answer, json, type HostEnv } from './host-http';

/** Atlassian's published limit: operations (subscribe, publish, token signing) per second per installation. */
const REALTIME_OPS_PER_SECOND = 50;
/** How long a signed token lives (Atlassian does not publish it; the answer's expiresAt says it). */
const TOKEN_LIFE_MS = 60 * 60_000;
/** How far back `replaySeconds` can reach here. */
const REPLAY_KEEP_MS = 5 * 60_000;
const MAX_BODY = 64 * 1024;

/** The installation the local runtime's functions run in (dev/forge/functions.ts says the same). */
const LOCAL_INSTALLATION_ID = `local-installation-${CLOUD_ID}`;

/** Where a subscriber or a publisher is: the installation, its module, its issue and project. */
export interface RealtimeContext {
  installationId: string;
  moduleKey: string;
  issueId: string | null;
  projectId: string | null;
}

type Permission = 'subscribe' | 'publish';
interface TokenBody {
  channel: { name: string };
  claims: unknown;
  permissions: Permission[];
  exp: number;
  iat: number;
  installationId: string;
}

interface Subscription {
  id: string;
  stream: string;
  scope: string;
  claims: string | null;
  deliver: (payload: string, subscription: string) => void;
}

interface SentEvent {
  scope: string;
  claims: string | null;
  payload: string;
  at: number;
}

export type Refusal = { refused: string };

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
/** Claims compared as their JSON with sorted keys (the same claims in another order are the same). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value ?? null);
}

export class RealtimeHub {
  private readonly secret = randomBytes(32);
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly recent: SentEvent[] = [];
  private readonly ops = new Map<string, number[]>();
  /** Every operation and its outcome, for tests and the bench. */
  readonly log: Array<{ op: 'subscribe' | 'publish' | 'sign'; from: 'frame' | 'resolver'; ok: boolean; at: number }> = [];

  constructor(private readonly options: { opsPerSecond?: number; latencyMs?: number; now?: () => number } = {}) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Each operation is a network round trip in Forge. */
  async afterLatency(): Promise<void> {
    const ms = this.options.latencyMs ?? 0;
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }

  /** One operation of the installation's budget; false when the budget of the last second is spent. */
  private spend(installationId: string): boolean {
    const now = this.now();
    const recent = (this.ops.get(installationId) ?? []).filter((t) => t > now - 1000);
    const limit = this.options.opsPerSecond ?? REALTIME_OPS_PER_SECOND;
    const ok = recent.length < limit;
    if (ok) recent.push(now);
    this.ops.set(installationId, recent);
    return ok;
  }

  // ---------- tokens ----------

  private hmac(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('base64url');
  }

  private sealed(body: object): string {
    const head = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(body))}`;
    return `${head}.${this.hmac(head)}`;
  }

  private opened<T>(token: string): T | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const expected = Buffer.from(this.hmac(`${parts[0]}.${parts[1]}`));
    const got = Buffer.from(parts[2]!);
    if (expected.length !== got.length || !timingSafeEqual(expected, got)) return null;
    try {
      return JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as T;
    } catch {
      return null;
    }
  }

  /** signRealtimeToken: a JWT of the channel, the claims and the permissions (both when none are asked for). */
  sign(installationId: string, channelName: string, claims: unknown, permissions?: Permission[]): { jwt: string; expiresAt: string } | Refusal {
    const ok = this.spend(installationId);
    this.log.push({ op: 'sign', from: 'resolver', ok, at: this.now() });
    if (!ok) return { refused: 'RATE_LIMIT_EXCEEDED' };
    const now = this.now();
    const body: TokenBody = { channel: { name: channelName }, claims, permissions: permissions?.length ? permissions : ['subscribe', 'publish'], iat: Math.floor(now / 1000), exp: Math.floor((now + TOKEN_LIFE_MS) / 1000), installationId };
    return { jwt: this.sealed(body), expiresAt: new Date(body.exp * 1000).toISOString() };
  }

  /** The claims a token gives for `permission` on `channel`, null for no token, or why it cannot be used. */
  private claimsFor(installationId: string, channelName: string, token: string | undefined, permission: Permission): string | null | Refusal {
    if (token === undefined) return null;
    const body = this.opened<TokenBody>(token);
    if (!body || body.installationId !== installationId) return { refused: 'INVALID_TOKEN' };
    if (body.exp * 1000 <= this.now()) return { refused: 'TOKEN_EXPIRED' };
    if (body.channel?.name !== channelName) return { refused: 'CHANNEL_NAME_MISMATCH' };
    if (!body.permissions.includes(permission)) return { refused: 'MISSING_PERMISSION' };
    return canonical(body.claims);
  }

  // ---------- the invocation's context (what Forge passes a resolver called from a UI) ----------

  /** The realtime context token of an invocation from a frame whose resolver context is `context`. */
  contextToken(context: Record<string, unknown>): string {
    const extension = (context.extension ?? {}) as { issue?: { id?: unknown }; project?: { id?: unknown } };
    const ctx: RealtimeContext = {
      installationId: LOCAL_INSTALLATION_ID,
      moduleKey: typeof context.moduleKey === 'string' ? context.moduleKey : '',
      issueId: typeof extension.issue?.id === 'string' ? extension.issue.id : null,
      projectId: typeof extension.project?.id === 'string' ? extension.project.id : null,
    };
    return this.sealed({ realtimeContext: ctx });
  }

  private contextOf(token: string | undefined): RealtimeContext | null {
    return token ? (this.opened<{ realtimeContext?: RealtimeContext }>(token)?.realtimeContext ?? null) : null;
  }

  /** The channel as Forge scopes it: the installation, then the context the overrides leave (none when global). */
  private scope(ctx: RealtimeContext, channelName: string, overrides: readonly string[] | undefined, isGlobal: boolean): string | Refusal {
    if (isGlobal) return `${ctx.installationId}|global|${channelName}`;
    const parts: string[] = [];
    if (!overrides || overrides.length === 0) parts.push(`module:${ctx.moduleKey}`, `issue:${ctx.issueId ?? '-'}`, `project:${ctx.projectId ?? '-'}`);
    for (const o of [...new Set(overrides ?? [])].sort()) {
      if (o === 'issue' && ctx.issueId) parts.push(`issue:${ctx.issueId}`);
      else if (o === 'project' && ctx.projectId) parts.push(`project:${ctx.projectId}`);
      else return { refused: `The local host cannot scope a channel to the "${o}" context of this module` };
    }
    return `${ctx.installationId}|${parts.join('|')}|${channelName}`;
  }

  // ---------- subscribe and publish ----------

  subscribe(ctx: RealtimeContext, stream: string, channelName: string, options: SubscriptionOptions, isGlobal: boolean, deliver: (payload: string, subscription: string) => void): { id: string } | Refusal {
    const ok = this.spend(ctx.installationId);
    this.log.push({ op: 'subscribe', from: 'frame', ok, at: this.now() });
    if (!ok) return { refused: 'RATE_LIMIT_EXCEEDED' };
    const scope = this.scope(ctx, channelName, options.contextOverrides, isGlobal);
    if (typeof scope !== 'string') return scope;
    const claims = this.claimsFor(ctx.installationId, channelName, options.token, 'subscribe');
    if (claims !== null && typeof claims !== 'string') return claims;
    const sub: Subscription = { id: randomBytes(12).toString('hex'), stream, scope, claims, deliver };
    this.subscriptions.set(sub.id, sub);
    const replayMs = Math.min(Math.max(0, options.replaySeconds ?? 0) * 1000, REPLAY_KEEP_MS);
    if (replayMs > 0) {
      const since = this.now() - replayMs;
      for (const e of this.recent) if (e.at >= since && e.scope === scope && e.claims === claims) deliver(e.payload, sub.id);
    }
    return { id: sub.id };
  }

  unsubscribe(id: string, stream: string): void {
    if (this.subscriptions.get(id)?.stream === stream) this.subscriptions.delete(id);
  }

  /** A frame's stream ended: its subscriptions end with it. */
  endStream(stream: string): void {
    for (const [id, s] of this.subscriptions) if (s.stream === stream) this.subscriptions.delete(id);
  }

  private deliver(scope: string, claims: string | null, payload: string): { eventId: string; eventTimestamp: string } | null {
    const at = this.now();
    this.recent.push({ scope, claims, payload, at });
    while (this.recent.length > 0 && this.recent[0]!.at < at - REPLAY_KEEP_MS) this.recent.shift();
    let heard = 0;
    for (const s of this.subscriptions.values()) {
      if (s.scope !== scope || s.claims !== claims) continue;
      heard += 1;
      s.deliver(payload, s.id);
    }
    // As Forge's docs say: no subscriber, no event id.
    return heard > 0 ? { eventId: randomBytes(8).toString('hex'), eventTimestamp: new Date(at).toISOString() } : null;
  }

  /** The frame's `realtime.publish` / `publishGlobal`. */
  publishFromFrame(ctx: RealtimeContext, channelName: string, payload: string, options: PublishOptions, isGlobal: boolean): PublishResult {
    const ok = this.spend(ctx.installationId);
    this.log.push({ op: 'publish', from: 'frame', ok, at: this.now() });
    if (!ok) return { eventId: null, eventTimestamp: null, errors: ['RATE_LIMIT_EXCEEDED'] };
    const scope = this.scope(ctx, channelName, options.contextOverrides, isGlobal);
    if (typeof scope !== 'string') return { eventId: null, eventTimestamp: null, errors: [scope.refused] };
    const claims = this.claimsFor(ctx.installationId, channelName, options.token, 'publish');
    if (claims !== null && typeof claims !== 'string') return { eventId: null, eventTimestamp: null, errors: [claims.refused] };
    const sent = this.deliver(scope, claims, payload);
    return sent ?? { eventId: null, eventTimestamp: null };
  }

  /** A resolver's publish (@forge/realtime), in the context of the frame that invoked it. */
  publishFromResolver(contextToken: string | undefined, installationId: string, channelName: string, payload: string, contextOverrides: readonly string[] | undefined, isGlobal: boolean, token: string | undefined): { eventId: string | null; eventTimestamp: string | null } | Refusal {
    const ctx = this.contextOf(contextToken);
    if (!ctx || ctx.installationId !== installationId) return { refused: 'Publish only works from an invocation that started in a UI context' };
    const ok = this.spend(installationId);
    this.log.push({ op: 'publish', from: 'resolver', ok, at: this.now() });
    if (!ok) return { refused: 'RATE_LIMIT_EXCEEDED' };
    const scope = this.scope(ctx, channelName, contextOverrides, isGlobal);
    if (typeof scope !== 'string') return scope;
    const claims = this.claimsFor(installationId, channelName, token, 'publish');
    if (claims !== null && typeof claims !== 'string') return claims;
    return this.deliver(scope, claims, payload) ?? { eventId: null, eventTimestamp: null };
  }
}

// ---------- the resolver side: @forge/realtime's GraphQL through the platform proxy ----------

/** The selection sets @forge/realtime asks for (out/publish.js, out/signRealtimeToken.js): exactly these fields. */
export interface PublishAnswer {
  data: { ecosystem: { publishRealtimeChannel: { eventId: string | null; eventTimestamp: string | null } } };
}
export interface SignAnswer {
  data: { ecosystem: { signRealtimeToken: { errors: Array<{ message: string; extensions: { errorType: string; statusCode: number } }> | null; forgeRealtimeToken: { jwt: string; expiresAt: string } | null; success: boolean } } };
}
interface GraphQlErrors {
  errors: Array<{ message: string }>;
}

const PublishVariables = z.object({
  installationId: z.string(),
  name: z.string().min(1),
  payload: z.string(),
  context: z.string().optional(),
  isGlobal: z.boolean(),
  token: z.string().optional(),
});
const SignVariables = z.object({
  channelName: z.string().min(1),
  claims: z.unknown(),
  permissions: z.array(z.enum(['subscribe', 'publish'])).optional(),
});
const GraphQlBody = z.object({ query: z.string(), variables: z.record(z.string(), z.unknown()) });

/**
 * A platform call `{ type: 'realtime' }` of an invocation: the GraphQL @forge/realtime sends, answered
 * as Forge's gateway would (an over-limit call is HTTP 429, "Too Many Requests").
 */
export async function answerResolverRealtime(hub: RealtimeHub, installationId: string, contextToken: string | undefined, bodyText: string): Promise<{ status: number; body: PublishAnswer | SignAnswer | GraphQlErrors }> {
  await hub.afterLatency();
  const parsed = GraphQlBody.safeParse(safeJson(bodyText));
  if (!parsed.success) return { status: 400, body: { errors: [{ message: 'The realtime request is not GraphQL' }] } };
  const { query, variables } = parsed.data;
  if (/mutation\s+publishRealtimeChannel\b/.test(query)) {
    const v = PublishVariables.safeParse(variables);
    if (!v.success) return { status: 400, body: { errors: [{ message: `Invalid publish variables: ${v.error.issues[0]?.message ?? ''}` }] } };
    const overrides = v.data.context ? (safeJson(v.data.context) as { contextOverrides?: unknown } | null)?.contextOverrides : undefined;
    const r = hub.publishFromResolver(contextToken, v.data.installationId, v.data.name, v.data.payload, Array.isArray(overrides) ? overrides.map(String) : undefined, v.data.isGlobal, v.data.token);
    if ('refused' in r) return r.refused === 'RATE_LIMIT_EXCEEDED' ? { status: 429, body: { errors: [{ message: r.refused }] } } : { status: 200, body: { errors: [{ message: r.refused }] } };
    return { status: 200, body: { data: { ecosystem: { publishRealtimeChannel: r } } } };
  }
  if (/mutation\s+signRealtimeToken\b/.test(query)) {
    const v = SignVariables.safeParse(variables);
    if (!v.success) return { status: 400, body: { errors: [{ message: `Invalid token variables: ${v.error.issues[0]?.message ?? ''}` }] } };
    const r = hub.sign(installationId, v.data.channelName, v.data.claims, v.data.permissions);
    if ('refused' in r) return { status: 429, body: { errors: [{ message: r.refused }] } };
    return { status: 200, body: { data: { ecosystem: { signRealtimeToken: { errors: null, forgeRealtimeToken: r, success: true } } } } };
  }
  return { status: 400, body: { errors: [{ message: 'The local host emulates publishRealtimeChannel and signRealtimeToken only' }] } };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// ---------- the frame side: the bridge's commands, over HTTP and an event stream ----------

/** The bridge's context overrides (its enums' values: @forge/bridge cannot be loaded outside a frame). */
type ProductContext = NonNullable<SubscriptionOptions['contextOverrides']>[number];
const PRODUCT_CONTEXTS = ['board', 'issue', 'project', 'content', 'space', 'repository', 'pullRequest'] as const satisfies readonly `${ProductContext}`[];
// Every value of the bridge's enums is listed: a new one fails to compile here.
const allListed: [Exclude<`${ProductContext}`, (typeof PRODUCT_CONTEXTS)[number]>] extends [never] ? true : false = true;
void allListed;
const ProductContextValue = z.custom<ProductContext>((v) => typeof v === 'string' && (PRODUCT_CONTEXTS as readonly string[]).includes(v));
const SubscriptionOptionsSchema = z.object({ replaySeconds: z.number().nonnegative().optional(), token: z.string().optional(), contextOverrides: z.array(ProductContextValue).optional() }) satisfies z.ZodType<SubscriptionOptions>;
const PublishOptionsSchema = z.object({ token: z.string().optional(), contextOverrides: z.array(ProductContextValue).optional() }) satisfies z.ZodType<PublishOptions>;
const SubscribeBody = z.object({ stream: z.string(), channelName: z.string().min(1), options: SubscriptionOptionsSchema.optional(), isGlobal: z.boolean().optional() });
const UnsubscribeBody = z.object({ stream: z.string(), subscription: z.string() });
const PublishBody = z.object({ channelName: z.string().min(1), eventPayload: z.union([z.string(), z.record(z.string(), z.unknown())]), options: PublishOptionsSchema.optional(), isGlobal: z.boolean().optional() });

function frameRealtimeContext(session: FrameSession): RealtimeContext {
  return { installationId: LOCAL_INSTALLATION_ID, moduleKey: session.moduleKey, issueId: session.issue?.id ?? null, projectId: session.issue?.project.id ?? null };
}

const BASE = '/resource/:session{[0-9a-f]{32}}/__forge/realtime';

/**
 * The frame's endpoints: `events` (a server-sent event stream, opened at the first subscribe), then
 * `subscribe`, `unsubscribe` and `publish` naming that stream. Registered before the host's other
 * frame routes; each looks its session up itself.
 */
export function registerRealtimeEndpoints(app: Hono<HostEnv>, deps: { hub: RealtimeHub; sessions: FrameSessions }): void {
  const { hub, sessions } = deps;
  const streams = new Map<string, { session: string; send: (event: string, data: unknown) => void }>();
  const sessionOf = (id: string | undefined) => sessions.get(id ?? '');
  const body = async (req: { text(): Promise<string> }) => {
    const text = await req.text();
    return text.length > MAX_BODY ? null : safeJson(text);
  };

  app.get(`${BASE}/events`, (c) => {
    const session = sessionOf(c.req.param('session'));
    if (!session) return json(404, { ok: false, error: 'Unknown frame' });
    const id = randomBytes(12).toString('hex');
    const encoder = new TextEncoder();
    let ping: NodeJS.Timeout | undefined;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (event: string, data: unknown) => {
          try {
            controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
          } catch {
            // the stream closed meanwhile
          }
        };
        streams.set(id, { session: session.id, send });
        send('ready', { stream: id });
        ping = setInterval(() => send('ping', {}), 15_000);
      },
      cancel() {
        clearInterval(ping);
        streams.delete(id);
        hub.endStream(id);
      },
    });
    return answer(200, 'text/event-stream; charset=utf-8', stream, { 'cache-control': 'no-store' });
  });

  app.post(`${BASE}/subscribe`, async (c) => {
    const session = sessionOf(c.req.param('session'));
    const parsed = SubscribeBody.safeParse(await body(c.req));
    if (!session || !parsed.success) return json(400, { ok: false, error: 'Invalid subscribe request' });
    const stream = streams.get(parsed.data.stream);
    if (!stream || stream.session !== session.id) return json(400, { ok: false, error: 'No event stream of this frame' });
    await hub.afterLatency();
    const r = hub.subscribe(frameRealtimeContext(session), parsed.data.stream, parsed.data.channelName, parsed.data.options ?? {}, parsed.data.isGlobal ?? false, (payload, subscription) => stream.send('event', { subscription, payload }));
    if ('refused' in r) return json(r.refused === 'RATE_LIMIT_EXCEEDED' ? 429 : 400, { ok: false, error: r.refused });
    return json(200, { ok: true, subscription: r.id });
  });

  app.post(`${BASE}/unsubscribe`, async (c) => {
    const parsed = UnsubscribeBody.safeParse(await body(c.req));
    if (!sessionOf(c.req.param('session')) || !parsed.success) return json(400, { ok: false, error: 'Invalid unsubscribe request' });
    hub.unsubscribe(parsed.data.subscription, parsed.data.stream);
    return json(200, { ok: true });
  });

  app.post(`${BASE}/publish`, async (c) => {
    const session = sessionOf(c.req.param('session'));
    const parsed = PublishBody.safeParse(await body(c.req));
    if (!session || !parsed.success) return json(400, { ok: false, error: 'Invalid publish request' });
    await hub.afterLatency();
    const { channelName, eventPayload, options, isGlobal } = parsed.data;
    const payload = typeof eventPayload === 'string' ? eventPayload : JSON.stringify(eventPayload);
    const result: PublishResult = hub.publishFromFrame(frameRealtimeContext(session), channelName, payload, options ?? {}, isGlobal ?? false);
    return json(200, { ok: true, result });
  });
}

/** HTTP pieces shared by the simulator's API, admin and web routes: JSON errors, bounded JSON bodies, 405s. */
import type { HttpBindings } from '@hono/node-server';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { H } from 'hono/types';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { REQUEST_BODY_MAX_BYTES } from '../../src/testkase/sizes';
import type { RequestLogEntry } from './admin';
import type { SimToken, SimUser } from './state';
import { SimError } from './store';

/** What a route sees: Node's request and response, the request's log entry and, once authenticated, its caller. */
export type SimEnv = { Bindings: HttpBindings; Variables: { entry: RequestLogEntry; caller: { user: SimUser; token: SimToken } } };
export type SimContext = Context<SimEnv>;

/** TestKase's request body limit (A20), the one the client splits its batches by. */
const MAX_BODY_BYTES = REQUEST_BODY_MAX_BYTES;

/** Every error the simulator answers: `{ error: { code, message } }`, never cached. */
export function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return jsonAnswer(status, { error: { code, message } }, headers);
}

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

/**
 * Bodies over MAX_BODY_BYTES answer 413, whether their length is declared or streamed. The rest of
 * the body is not read: the connection ends with the answer, so a client does not reuse it.
 */
export const limitBody: MiddlewareHandler<SimEnv> = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => jsonError(413, 'PAYLOAD_TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`, { connection: 'close' }),
});

/** The JSON body (undefined when empty); 415 for another content type, 400 for text that is not JSON. */
export async function readJsonBody(c: SimContext): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  if (!(c.req.header('content-type') ?? '').includes('application/json')) throw new SimError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  try {
    return JSON.parse(text);
  } catch {
    throw new SimError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
}

/** zod parse that fails as a 400 naming the first wrong field. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.join('.') : what;
  throw new SimError(400, 'BAD_REQUEST', `Invalid ${where}: ${issue.message}`);
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Handlers = Partial<Record<HttpMethod, H<SimEnv>[]>>;

/** One path, a chain of handlers per method; any other method answers 405 with the allowed ones in `Allow`. */
export function resource(app: Hono<SimEnv>, path: string, handlers: Handlers, guard?: MiddlewareHandler<SimEnv>): void {
  const allow = Object.keys(handlers).join(', ');
  const before = guard ? [guard] : [];
  for (const [method, chain] of Object.entries(handlers)) app.on(method, [path], ...before, ...chain);
  app.on('ALL', [path], ...before, (c) => jsonError(405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}; use ${allow}.`, { allow }));
}

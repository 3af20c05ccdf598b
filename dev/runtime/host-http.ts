/** The local host's HTTP vocabulary: what a route sees (Hono on Node, the frame's session) and its plain answers. */
import type { HttpBindings } from '@hono/node-server';
import type { FrameSession } from './frames';

export type HostEnv = { Bindings: HttpBindings; Variables: { session: FrameSession } };

export const TEXT = 'text/plain; charset=utf-8';
export const HTML = 'text/html; charset=utf-8';
export const JS = 'text/javascript; charset=utf-8';
export const CSS = 'text/css; charset=utf-8';
export const SVG = 'image/svg+xml';

/** Every answer says what it is and may not be sniffed as anything else. */
export function answer(status: number, type: string, body: BodyInit | null, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': type, 'x-content-type-options': 'nosniff', ...headers } });
}

export function json(status: number, body: unknown): Response {
  return answer(status, 'application/json; charset=utf-8', JSON.stringify(body), { 'cache-control': 'no-store' });
}

/** A JSON request body (undefined when empty); throws a plain message when it is not JSON. */
export async function jsonBody(request: { text(): Promise<string> }): Promise<unknown> {
  const text = await request.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new BadBody('The request body is not JSON');
  }
}

export class BadBody extends Error {}

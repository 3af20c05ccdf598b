/**
 * Hono on Node, as both local servers (the Jira host and the TestKase simulator) run it.
 *
 * Node's globals stay as they are: by default @hono/node-server swaps global Request and Response
 * for its own classes in the whole process, which in tests also runs the app's fetch code. The cost
 * is that a handler receives its lightweight request object, which the global Request cannot
 * re-wrap (hono/body-limit does, for bodies streamed without a length); `standardRequest` gives
 * such requests a standard one first.
 */
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import type { Hono, MiddlewareHandler } from 'hono';
import { createServer, type Server } from 'node:http';
import { isLoopbackHost } from './loopback';

export function createHonoServer<E extends { Bindings: HttpBindings }>(app: Hono<E>, options: { requestTimeout?: number } = {}): Server {
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  // The listener answers through `res`; its promise settles when the answer is written.
  const server = createServer(options, (req, res) => void listener(req, res));
  server.on('clientError', (_err, socket) => socket.destroy());
  return server;
}

/** Requests that may carry a body get a standard Request (see above). */
export const standardRequest: MiddlewareHandler = async (c, next) => {
  const raw = c.req.raw;
  if (raw.method !== 'GET' && raw.method !== 'HEAD') {
    const init: RequestInit & { duplex: 'half' } = { method: raw.method, headers: raw.headers, body: raw.body, signal: raw.signal, duplex: 'half' };
    c.req.raw = new Request(raw.url, init);
  }
  await next();
};

/** Answers `refuse()` to any request whose Host is not this server's loopback name (see loopback.ts). */
export function loopbackOnly(port: () => number, refuse: () => Response): MiddlewareHandler {
  return async (c, next) => (isLoopbackHost(c.req.header('host'), port()) ? next() : refuse());
}

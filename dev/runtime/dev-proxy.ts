/**
 * `npm run dev`: what `forge tunnel`'s CustomUITunnelServer does for the frame's origin. Every
 * request of the frame host outside a frame's own URL space (/src/…, /@vite/client,
 * /node_modules/.vite/…) goes to the Vite dev server, and so does its hot-reload websocket.
 */
import type { Hono } from 'hono';
import { proxy } from 'hono/proxy';
import type { IncomingMessage, Server } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { answer, TEXT, type HostEnv } from './host-http';

export function registerDevProxy(app: Hono<HostEnv>, devServer: string, isFrameHost: (host: string | undefined) => boolean): void {
  app.all('*', async (c, next) => {
    if (!isFrameHost(c.req.header('host'))) return next();
    const url = new URL(c.req.url);
    try {
      return await proxy(`${devServer}${url.pathname}${url.search}`, { raw: c.req.raw });
    } catch (e) {
      return answer(502, TEXT, `The UI dev server did not answer: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}

/** The hot-reload websocket, tunnelled byte for byte (HTTP routing ends at the upgrade). */
export function proxyUpgrades(server: Server, devServer: string | undefined, isFrameHost: (host: string | undefined) => boolean): void {
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!devServer || !isFrameHost(req.headers.host)) return socket.destroy(); // the frame host is loopback by construction
    const target = new URL(devServer);
    const upstream = connect(Number(target.port), target.hostname, () => {
      const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : (v ?? '')}`);
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
}

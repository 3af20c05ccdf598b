/**
 * The app's Custom UI resource, served as Forge serves it:
 * - `/resource/<session>/index.html`: the built index.html (or, in `npm run dev`, the dev server's)
 *   with `<base href="/resource/app/">` and the frame's bridge script first in <head>, under the
 *   frame's Content-Security-Policy from @forge/csp;
 * - `/resource/<session>/<file>`: the resource's other files under the same policy;
 * - `/resource/app/<file>`: the same files at one URL for every frame (what <base> points the
 *   bundle at), so a second panel load comes from the browser cache as Forge's CDN allows; Vite's
 *   hashed assets are immutable.
 * Files are read by Hono's serve-static, which refuses encoded names, `.`/`..` segments and
 * backslashes, so no path leaves the resource folder.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FRAME_BASE } from './bridge-endpoints';
import { computeResourceCsp } from './csp';
import type { FrameSession, FrameSite } from './frames';
import { answer, HTML, TEXT, type HostEnv } from './host-http';

/** Where every frame loads the resource's files from (see the <base> injected into index.html). */
const SHARED_ASSETS = '/resource/app/';
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export interface ResourceDeps {
  /** Folder holding the built resource (static/dist). */
  resourceDir: string;
  /** `npm run dev`: the Vite dev server index.html comes from. */
  devServer?: string;
  permissions: Record<string, unknown>;
  site: FrameSite;
  say: (line: string) => void;
}

const notFound = () => answer(404, TEXT, 'Not found');

/** index.html and the other files of each frame. */
export function registerFrameFiles(app: Hono<HostEnv>, deps: ResourceDeps): void {
  const root = resolve(deps.resourceDir);
  const indexFile = join(root, 'index.html');
  const csp = frameCsp(deps);

  const index: MiddlewareHandler<HostEnv> = async (c) => {
    const session = c.get('session');
    const html = deps.devServer ? await devIndex(deps.devServer) : existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
    if (html === null) return answer(503, TEXT, `The UI is not built: run "npm run build" (expected ${indexFile}).`);
    if (html instanceof Response) return html;
    // The session-free base makes the bundle's relative asset URLs shared by every frame, so they are
    // cached across panel loads as Forge's CDN caches them; only index.html and the bridge are per frame.
    const base = deps.devServer ? '' : `<base href="${SHARED_ASSETS}">\n`;
    const tag = `${base}<script src="/resource/${session.id}/__bridge.js"></script>`;
    const injected = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}\n${tag}`) : `${tag}\n${html}`;
    // The policy covers the page as served when it comes from the dev server (its own inline code included).
    return answer(200, HTML, injected, { 'content-security-policy': csp(deps.devServer ? injected : html, session), 'cache-control': 'no-store' });
  };
  app.get(`${FRAME_BASE}/`, index);
  app.get(`${FRAME_BASE}/index.html`, index);

  // Forge serves every file of the resource with the same policy.
  const underFramePolicy: MiddlewareHandler<HostEnv> = async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    c.header('content-security-policy', csp(existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : '', c.get('session')));
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'no-cache');
  };
  const files = serveStatic<HostEnv>({ root, rewriteRequestPath: (path, c) => path.slice(`/resource/${c.get('session').id}`.length) });
  app.get(`${FRAME_BASE}/*`, underFramePolicy, files, notFound);
}

/** The resource's files, not its index.html, at one URL for every frame. */
export function registerSharedFiles(app: Hono<HostEnv>, deps: Pick<ResourceDeps, 'resourceDir'>): void {
  const rel = (path: string) => path.slice(SHARED_ASSETS.length);
  const cacheable: MiddlewareHandler<HostEnv> = async (c, next) => {
    const file = rel(c.req.path);
    if (file === '' || file === 'index.html' || file.endsWith('/')) return notFound();
    await next();
    if (c.res.status !== 200) return;
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
  const files = serveStatic<HostEnv>({ root: resolve(deps.resourceDir), rewriteRequestPath: (path) => `/${rel(path)}` });
  app.get(`${SHARED_ASSETS}*`, cacheable, files, notFound);
}

/** The frame's policy, from @forge/csp for the resource's index.html (computed once per index.html). */
function frameCsp(deps: ResourceDeps): (indexHtml: string, session: FrameSession) => string {
  let cache: { html: string; directives: string[] } | undefined;
  return (indexHtml, session) => {
    if (!cache || cache.html !== indexHtml) {
      const { directives } = computeResourceCsp({
        indexHtml,
        permissions: deps.permissions,
        hostname: deps.site.origin(),
        reportUri: 'REPORT_URI',
        tunnel: deps.devServer !== undefined,
        log: deps.say,
      });
      cache = { html: indexHtml, directives };
    }
    const reportUri = `report-uri ${deps.site.origin()}/resource/${session.id}/__forge/csp-report`;
    return cache.directives.map((d) => (d === 'report-uri REPORT_URI' ? reportUri : d)).join('; ');
  };
}

/** index.html as the dev server renders it, or the answer to give when it does not answer. */
async function devIndex(devServer: string): Promise<string | Response> {
  try {
    const answered = await fetch(`${devServer}/index.html`);
    const html = await answered.text();
    if (!answered.ok) throw new Error(`HTTP ${answered.status}`);
    return html;
  } catch (e) {
    return answer(503, TEXT, `The UI dev server at ${devServer} did not answer (${e instanceof Error ? e.message : String(e)}): is npm run dev running?`);
  }
}

/**
 * The app's resources, served as Forge serves them — the Custom UI resource, and each UI Kit resource
 * as @forge/bundler built it (its index.html and bundle, run in the module's hidden frame):
 * - `/resource/<session>/index.html`: the built index.html (or, in `npm run dev`, the dev server's)
 *   with `<base href="/resource/app/">` and the frame's bridge script first in <head>, under the
 *   frame's Content-Security-Policy from @forge/csp;
 * - `/resource/<session>/<file>`: the resource's other files under the same policy;
 * - `/resource/app/<file>`: the same files at one URL for every frame (what <base> points the
 *   bundle at), so a second panel load comes from the browser cache as Forge's CDN allows; Vite's
 *   hashed assets are immutable.
 * - `/resource/ui-kit/<key>/<file>`: the same for a UI Kit resource.
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
/** The same for a UI Kit resource, by key. */
const uiKitAssets = (key: string) => `/resource/ui-kit/${key}/`;
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export interface ResourceDeps {
  /** Folder holding the built resource (static/dist). */
  resourceDir: string;
  /** Folder holding one built folder per UI Kit resource, by key (.forge/native-ui). */
  nativeUiDir: string;
  /** `npm run dev`: the Vite dev server index.html comes from. */
  devServer?: string;
  permissions: Record<string, unknown>;
  site: FrameSite;
  say: (line: string) => void;
}

const notFound = () => answer(404, TEXT, 'Not found');

/** A frame's resource: where its files are, where every frame loads them from, how to build it. */
interface FrameResource {
  root: string;
  shared: string;
  /** Only the Custom UI resource comes from the dev server in `npm run dev`. */
  devServer?: string;
  notBuilt: string;
}

/** index.html and the other files of each frame, from the resource of the frame's module. */
export function registerFrameFiles(app: Hono<HostEnv>, deps: ResourceDeps): void {
  const main: FrameResource = {
    root: resolve(deps.resourceDir),
    shared: SHARED_ASSETS,
    ...(deps.devServer ? { devServer: deps.devServer } : {}),
    notBuilt: 'The UI is not built: run "npm run build"',
  };
  const resourceOf = (session: FrameSession): FrameResource => {
    const key = deps.site.manifest.nativeResources[session.moduleKey];
    if (!key) return main;
    return { root: resolve(deps.nativeUiDir, key), shared: uiKitAssets(key), notBuilt: `The UI Kit resource ${key} is not built: run "npm run build:native"` };
  };
  const indexHtml = (r: FrameResource) => {
    const file = join(r.root, 'index.html');
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  };
  const csp = frameCsp(deps);

  const index: MiddlewareHandler<HostEnv> = async (c) => {
    const session = c.get('session');
    const resource = resourceOf(session);
    const html = resource.devServer ? await devIndex(resource.devServer) : indexHtml(resource);
    if (html === null) return answer(503, TEXT, `${resource.notBuilt} (expected ${join(resource.root, 'index.html')}).`);
    if (html instanceof Response) return html;
    // The session-free base makes the bundle's relative asset URLs shared by every frame, so they are
    // cached across panel loads as Forge's CDN caches them; only index.html and the bridge are per frame.
    const base = resource.devServer ? '' : `<base href="${resource.shared}">\n`;
    const tag = `${base}<script src="/resource/${session.id}/__bridge.js"></script>`;
    const injected = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}\n${tag}`) : `${tag}\n${html}`;
    // The policy covers the page as served when it comes from the dev server (its own inline code included).
    return answer(200, HTML, injected, { 'content-security-policy': csp(resource.devServer ? injected : html, session), 'cache-control': 'no-store' });
  };
  app.get(`${FRAME_BASE}/`, index);
  app.get(`${FRAME_BASE}/index.html`, index);

  // Forge serves every file of the resource with the same policy.
  const underFramePolicy: MiddlewareHandler<HostEnv> = async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    c.header('content-security-policy', csp(indexHtml(resourceOf(c.get('session'))) ?? '', c.get('session')));
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'no-cache');
  };
  const filesOf = new Map<string, MiddlewareHandler<HostEnv>>();
  const files: MiddlewareHandler<HostEnv> = (c, next) => {
    const { root } = resourceOf(c.get('session'));
    let serve = filesOf.get(root);
    if (!serve) {
      serve = serveStatic<HostEnv>({ root, rewriteRequestPath: (path, ctx) => path.slice(`/resource/${ctx.get('session').id}`.length) });
      filesOf.set(root, serve);
    }
    return serve(c, next);
  };
  app.get(`${FRAME_BASE}/*`, underFramePolicy, files, notFound);
}

/** Each resource's files, not its index.html, at one URL for every frame. */
export function registerSharedFiles(app: Hono<HostEnv>, deps: Pick<ResourceDeps, 'resourceDir' | 'nativeUiDir'> & { nativeResourceKeys: string[] }): void {
  const serve = (prefix: string, root: string) => {
    const rel = (path: string) => path.slice(prefix.length);
    const cacheable: MiddlewareHandler<HostEnv> = async (c, next) => {
      const file = rel(c.req.path);
      if (file === '' || file === 'index.html' || file.endsWith('/')) return notFound();
      await next();
      if (c.res.status !== 200) return;
      c.header('x-content-type-options', 'nosniff');
      c.header('cache-control', HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
    };
    const files = serveStatic<HostEnv>({ root, rewriteRequestPath: (path) => `/${rel(path)}` });
    app.get(`${prefix}*`, cacheable, files, notFound);
  };
  serve(SHARED_ASSETS, resolve(deps.resourceDir));
  for (const key of new Set(deps.nativeResourceKeys)) serve(uiKitAssets(key), resolve(deps.nativeUiDir, key));
}

/** The frame's policy, from @forge/csp for the resource's index.html (computed once per index.html). */
function frameCsp(deps: ResourceDeps): (indexHtml: string, session: FrameSession) => string {
  // One entry per resource's index.html (a rebuild or a dev server edit replaces its entry).
  const cache = new Map<string, string[]>();
  return (indexHtml, session) => {
    let directives = cache.get(indexHtml);
    if (!directives) {
      directives = computeResourceCsp({
        indexHtml,
        permissions: deps.permissions,
        hostname: deps.site.origin(),
        reportUri: 'REPORT_URI',
        tunnel: deps.devServer !== undefined,
        log: deps.say,
      }).directives;
      if (cache.size >= 8) cache.clear();
      cache.set(indexHtml, directives);
    }
    const reportUri = `report-uri ${deps.site.origin()}/resource/${session.id}/__forge/csp-report`;
    return directives.map((d) => (d === 'report-uri REPORT_URI' ? reportUri : d)).join('; ');
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

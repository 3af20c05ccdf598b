/**
 * Browser test rig: the local Forge runtime (the bundled backend in Forge's sandbox) on free ports
 * with a fresh data folder, driven in headless Chromium (from the npm package, or CHROMIUM_PATH)
 * through playwright-core: one browser for the whole run (sharedBrowser), contexts of its own per rig. Every page of a rig collects CSP violations
 * (the browser's `securitypolicyviolation` events in every frame, plus the reports the host
 * received) and console errors; `expectClean()` fails the test on any CSP violation.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { startRuntime, type Runtime } from '../../../dev/runtime';
import { startDev } from '../../../dev/runtime/dev';
import { launchChromium } from '../../../dev/chromium';
import { bundleExists, nativeUiBuilt } from '../../../dev/forge/paths';
import { measureWaits } from './waits';

export const REPO = join(import.meta.dirname, '../../..');
const SCREENSHOTS = join(REPO, 'test-results/screenshots');
/** The built Custom UI the rig serves: static/dist, or TESTKASE_RESOURCE_DIR (e.g. a build in a temp folder). */
export const RESOURCE_DIR = process.env.TESTKASE_RESOURCE_DIR || join(REPO, 'static/dist');
const SKIP = process.env.TESTKASE_SKIP_E2E === '1';

/**
 * How long any one browser wait may take — a locator's waitFor, an action waiting for its element, a
 * navigation — before the test fails (every context's default; Playwright's own is 30 s). There to
 * turn a hang into a failure, never a speed check: about three times the slowest wait measured with
 * `npm run test:timings` beside two CPU-bound processes (the 2-core machine also busy with other
 * work, load average 10-22): 6.6 s, the dev server's first page. Tests and hooks have Vitest's limits
 * (vitest.config.ts).
 */
export const E2E_WAIT_MS = process.env.TESTKASE_TIMINGS === '1' ? 600_000 : 20_000; // measuring: nothing clipped

/** `describe` for browser suites: skipped only with TESTKASE_SKIP_E2E=1. */
export const describeE2E: typeof describe.skip = SKIP ? describe.skip : describe;

/**
 * The browser of the whole run, started once by test/support/global-setup.ts and shared by every e2e
 * file (each connection is its own; contexts isolate what pages store). A file run outside that
 * setup launches its own. Closing the returned browser only disconnects this file.
 */
export async function sharedBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  return endpoint ? chromium.connect(endpoint) : launchChromium();
}

export function assertBrowserAvailable(): void {
  if (!bundleExists()) {
    throw new Error('The backend is not bundled (.forge/bundle): run "npm run bundle" first (npm test does it).');
  }
  if (!existsSync(join(RESOURCE_DIR, 'index.html'))) {
    throw new Error(`The UI is not built (${RESOURCE_DIR}): run "npm run build" first (npm test does it).`);
  }
  if (!nativeUiBuilt('issue-summary')) {
    throw new Error('The UI Kit resource is not built (.forge/native-ui): run "npm run build:native" first (npm test does it).');
  }
}

interface BrowserProblem {
  kind: 'csp' | 'console' | 'pageerror';
  frame: string;
  text: string;
}

export interface RigPage {
  page: Page;
  context: BrowserContext;
  problems: BrowserProblem[];
  /** The app's iframe (waits for it to load its bundle and bridge). */
  appFrame(): Promise<Frame>;
  /** Goes to the local Jira's issue page and returns the panel's frame (loaded, in whatever state). */
  openIssue(issue?: string): Promise<Frame>;
  /** As openIssue, then waits for the READY panel (its tab list). */
  openReadyPanel(issue?: string): Promise<Frame>;
  /** Fails on any CSP violation seen by the browser or reported to the host. */
  expectClean(options?: { allowConsoleErrors?: boolean }): void;
  /**
   * Resolves once an answer to the app's next call of `functionKey` has reached the page and the
   * app has had two animation frames to render it (to see that something did *not* appear).
   */
  answerReceived(functionKey: string): Promise<void>;
}

/** The local Jira's users (diana is the Jira admin). */
export type RigUser = 'alice' | 'bob' | 'gina' | 'diana';

export interface Rig {
  runtime: Runtime;
  browser: Browser;
  dataDir: string;
  newPage(options?: { user?: RigUser; theme?: 'light' | 'dark'; width?: number }): Promise<RigPage>;
  /** Runs the simulator CLI against this rig's simulator, as a developer would. */
  simCli(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

const run = promisify(execFile);

/**
 * `log` receives the runtime's log lines, e.g. to check them for leaks. `devUiRoot` runs `npm run dev`'s
 * mode instead (the UI from a Vite dev server over that folder, the existing backend bundle).
 */
interface RigOptions {
  log?: (line: string) => void;
  devUiRoot?: string;
}

export async function startRig(options: RigOptions = {}): Promise<Rig> {
  assertBrowserAvailable();
  const dataDir = mkdtempSync(join(tmpdir(), 'tk-e2e-'));
  const common = { port: 0, simPort: 0, dataDir, quiet: true, ...(options.log ? { log: options.log } : {}) };
  let runtime: Runtime;
  let stopServers: () => Promise<void>;
  if (options.devUiRoot) {
    const dev = await startDev({ ...common, uiRoot: options.devUiRoot, uiPort: 0, watchBackend: false });
    runtime = dev.runtime;
    stopServers = () => dev.stop();
  } else {
    runtime = await startRuntime({ ...common, resourceDir: RESOURCE_DIR });
    stopServers = () => runtime.stop();
  }
  let browser: Browser;
  try {
    browser = await sharedBrowser();
  } catch (e) {
    await stopServers();
    throw e;
  }
  const contexts: BrowserContext[] = [];

  return {
    runtime,
    browser,
    dataDir,
    async newPage({ user = 'alice', theme, width = 1280 } = {}) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, baseURL: runtime.url });
      contexts.push(context);
      const problems: BrowserProblem[] = [];
      await context.exposeBinding('__tkCspViolation', ({ frame }, detail: { directive: string; blockedURI: string; sample: string }) => {
        problems.push({ kind: 'csp', frame: frame.url(), text: `${detail.directive} blocked ${detail.blockedURI || 'inline'} ${detail.sample}`.trim() });
      });
      // Injected by the browser driver, so it runs in every frame before the page's own scripts, whatever the CSP.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __tkCspViolation?: (d: unknown) => void }).__tkCspViolation;
          report?.({ directive: e.effectiveDirective, blockedURI: e.blockedURI, sample: e.sample });
        });
      });
      const cookies: Array<{ name: string; value: string; url: string }> = [{ name: 'tk_user', value: user, url: runtime.url }];
      if (theme) cookies.push({ name: 'tk_theme', value: theme, url: runtime.url });
      await context.addCookies(cookies);
      context.setDefaultTimeout(E2E_WAIT_MS);
      const page = await context.newPage();
      measureWaits(page);
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push({ kind: 'console', frame: page.url(), text: msg.text() });
      });
      page.on('pageerror', (error) => problems.push({ kind: 'pageerror', frame: page.url(), text: error.message }));
      const violationsBefore = runtime.events.cspViolations.length;
      const appFrame = async () => {
        const handle = await page.waitForSelector('iframe.forge-frame');
        const frame = await handle.contentFrame();
        if (!frame) throw new Error('the app iframe has no frame');
        await frame.waitForLoadState('load');
        await frame.waitForFunction(() => typeof (globalThis as { __bridge?: unknown }).__bridge === 'object');
        return frame;
      };
      const openIssue = async (issue = 'DEMO-1') => {
        await page.goto(`/browse/${issue}`);
        return appFrame();
      };

      return {
        page,
        context,
        problems,
        appFrame,
        openIssue,
        async openReadyPanel(issue = 'DEMO-1') {
          const frame = await openIssue(issue);
          await frame.getByRole('tablist').waitFor();
          return frame;
        },
        async answerReceived(functionKey) {
          const response = await page.waitForResponse((r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes(`"functionKey":"${functionKey}"`));
          await response.finished();
          for (const frame of page.frames()) {
            await frame.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))).catch(() => undefined);
          }
        },
        expectClean({ allowConsoleErrors = false } = {}) {
          const reported = runtime.events.cspViolations.slice(violationsBefore).map((v) => ({ kind: 'csp' as const, frame: v.moduleKey ?? '?', text: `${v.directive} blocked ${v.blockedURI || 'inline'} (${v.via})` }));
          const bad = [...problems.filter((p) => p.kind === 'csp' || !allowConsoleErrors), ...reported];
          if (bad.length > 0) {
            throw new Error(`The browser reported problems:\n${bad.map((p) => `  [${p.kind}] ${p.frame}: ${p.text}`).join('\n')}`);
          }
        },
      };
    },
    async simCli(...args) {
      const { stdout } = await run('npm', ['run', '--silent', 'sim', '--', ...args], {
        cwd: REPO,
        env: { ...process.env, TESTKASE_SIM_URL: runtime.sim.url },
        timeout: E2E_WAIT_MS,
      });
      return stdout.trim();
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await stopServers();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One rig for the enclosing describe block: started in a beforeAll (with a page for each of `users`)
 * and stopped in an afterAll. Returns accessors to use inside hooks and tests: `rig()` and, for each
 * user, a function returning that user's page.
 */
export function suiteRig<U extends RigUser = never>(options: RigOptions & { users?: readonly U[] } = {}): { rig: () => Rig } & Record<U, () => RigPage> {
  const { users = [], ...rigOptions } = options;
  let rig: Rig | undefined;
  const pages = new Map<RigUser, RigPage>();
  beforeAll(async () => {
    rig = await startRig(rigOptions);
    for (const user of users) pages.set(user, await rig.newPage({ user }));
  });
  afterAll(async () => {
    await rig?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the suite rig is not started (use it inside hooks and tests)');
    return value;
  };
  const accessors = Object.fromEntries(users.map((user) => [user, () => started(pages.get(user))])) as Record<U, () => RigPage>;
  return { ...accessors, rig: () => started(rig) };
}

/**
 * Mints a token for `user` in the simulator (as from its API Keys page), saves it through the global
 * page and waits until the page says it is connected. Returns what was minted.
 */
/** Waits for `check` (polled every 50 ms): also from hooks, where vitest's expect.poll may not run. */
async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function connectWithNewToken(rig: Rig, rp: RigPage, user: Exclude<RigUser, 'diana'>): Promise<{ id: string; token: string }> {
  const minted = rig.runtime.sim.admin.createToken({ user, name: 'Jira Plugin', days: 90 });
  const identityChecks = () => rig.runtime.events.invokes.filter((i) => i.functionKey === 'checkIdentity').length;
  const before = identityChecks();
  const frame = await saveTokenThroughUi(rig, rp, minted.token);
  await frame.getByText(/Connected to TestKase as/).waitFor();
  // After a save the settings page asks whose token it is (checkIdentity): wait for that answer too, or it
  // lands among the next step's invokes (an issue page's "one invoke" then counted two under load).
  await until(() => identityChecks() > before, 'the settings page’s identity check');
  return minted;
}

/** Full-page PNG in test-results/screenshots/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name.replace(/[^a-z0-9_-]+/gi, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Saves a token on the global page as a user would (pressing Replace first when one is saved) and
 * waits for the outcome: connected, rejected or unreachable. Returns the app frame.
 */
export async function saveTokenThroughUi(rig: Rig, rp: RigPage, token: string): Promise<Frame> {
  await rp.page.goto(rig.runtime.globalPageUrl);
  const frame = await rp.appFrame();
  const replace = frame.getByRole('button', { name: 'Replace', exact: true });
  const input = frame.getByLabel('Personal Access Token');
  await Promise.race([replace.waitFor(), input.waitFor()]);
  if (await replace.count()) await replace.click();
  await input.fill(token);
  await frame.getByRole('button', { name: 'Save' }).click();
  await frame.getByText(/Connected to TestKase as|rejected this token|could not be reached/).first().waitFor();
  return frame;
}

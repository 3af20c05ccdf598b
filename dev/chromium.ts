/**
 * The browser that the e2e tests and the benchmark drive: the Chromium that @sparticuz/chromium
 * ships inside its npm package (unpacked to the temp folder on first use), so `npm install` is all a
 * machine needs; or a system Chromium when CHROMIUM_PATH names one.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

/** Headless, and quiet on a machine with no network: no background requests, updates or sync. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

async function chromiumExecutable(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH names ${configured}, which does not exist.`);
    return configured;
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

/**
 * The packaged browser renders with the fonts packaged with it (fontconfig pointed at them), so text
 * and layout look the same on every machine; a system browser uses the system's fonts.
 */
function browserEnv(executable: string): Record<string, string> {
  const fonts = join(tmpdir(), 'fonts');
  const packaged = !process.env.CHROMIUM_PATH && existsSync(join(fonts, 'fonts.conf'));
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  return packaged && executable.startsWith(tmpdir()) ? { ...env, FONTCONFIG_PATH: fonts } : env;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = await chromiumExecutable();
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, env: browserEnv(executablePath) });
}

/** The same browser as a server that several processes connect to (the e2e suites share one: test/support/global-setup.ts). */
export async function launchChromiumServer(): Promise<BrowserServer> {
  const executablePath = await chromiumExecutable();
  return chromium.launchServer({ executablePath, args: CHROMIUM_ARGS, env: browserEnv(executablePath) });
}

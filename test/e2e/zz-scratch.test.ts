import { afterAll, beforeAll, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { saveTokenThroughUi, startRig, type Rig } from './support/rig';
let rig: Rig;
beforeAll(async () => { rig = await startRig(); }, 90_000);
afterAll(async () => { await rig?.stop(); });
const OUT = '/tmp/shots'; mkdirSync(OUT, { recursive: true });
it('shots', async () => {
  const spec = JSON.parse(process.env.SHOTS ?? '{}') as { width?: number; theme?: 'light'|'dark'; user?: 'alice'|'bob'|'gina'; steps?: string };
  const rp = await rig.newPage({ user: spec.user ?? 'bob', theme: spec.theme ?? 'light' });
  const minted = rig.runtime.sim.admin.createToken({ user: spec.user ?? 'bob', name: 'Jira Plugin', days: 90 });
  await (await saveTokenThroughUi(rig, rp, minted.token)).getByText(/Connected to TestKase as/).waitFor();
  await rp.page.setViewportSize({ width: spec.width ?? 400, height: 800 });
  await rp.page.goto('/browse/DEMO-1');
  const frame = await rp.appFrame();
  await frame.getByRole('tablist').waitFor({ timeout: 15000 });
  const shoot = async (name: string) => {
    const el = await rp.page.$('iframe.forge-frame');
    const box = (await el!.boundingBox())!;
    const full = await rp.page.evaluate(() => document.documentElement.scrollHeight);
    await rp.page.setViewportSize({ width: spec.width ?? 400, height: Math.ceil(full) });
    const b2 = (await el!.boundingBox())!;
    for (let y = b2.y, i = 0; y < b2.y + b2.height; y += 700, i++) {
      await rp.page.screenshot({ path: `${OUT}/${name}-${i}.png`, clip: { x: 0, y, width: spec.width ?? 400, height: Math.min(700, b2.y + b2.height - y) } });
    }
    void box;
  };
  // eslint-disable-next-line no-new-func
  const steps = new Function('frame', 'rp', 'shoot', 'rig', `return (async () => { ${spec.steps ?? "await shoot('panel')"} })()`);
  await steps(frame, rp, shoot, rig);
}, 120_000);

/**
 * A backend process that saves a PAT with file-backed KVS, announcing each storage write on stdout
 * and pausing before applying it, so the durability test can SIGKILL it between any two writes.
 * Env: KVS_FILE, ACCOUNT_ID, PAT, TESTKASE_BASE_URL, PAUSE_MS.
 */
import { installForgeFetch, KvsEmulator } from '../../dev/kvs';

const pause = new Int32Array(new SharedArrayBuffer(4));
const emu = new KvsEmulator({
  file: process.env.KVS_FILE!,
  beforeWrite: (w) => {
    process.stdout.write(`WRITE ${w.op} ${w.space}\n`); // synchronous for pipes on Linux
    Atomics.wait(pause, 0, 0, Number(process.env.PAUSE_MS ?? 0));
  },
});
installForgeFetch(emu);
const { handler } = await import('../../src/index');
const result = (await handler(
  { call: { functionKey: 'savePat', payload: { token: process.env.PAT } }, context: { cloudId: 'c', localId: 'l', moduleKey: 'testkase-global-page', extension: { type: 'jira:globalPage' } } },
  { principal: { accountId: process.env.ACCOUNT_ID! } },
)) as { ok: boolean };
process.stdout.write(`DONE ${result.ok}\n`);

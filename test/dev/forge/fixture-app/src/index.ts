/**
 * What a function sees of its sandbox, on request (`body.probe`): its environment and process flags,
 * Forge storage through @forge/kvs, egress through @forge/api's fetch, the invocation limits and a crash.
 */
import { fetch } from '@forge/api';
import { kvs } from '@forge/kvs';

interface Event {
  probe: 'env' | 'kvs' | 'egress' | 'sleep' | 'big' | 'sized' | 'crash' | 'throw' | 'log' | 'later-kvs' | 'late-result';
  url?: string;
  ms?: number;
  bytes?: number;
}

let escaped: Promise<unknown> | undefined;

export async function probe(event: Event, context: { principal?: { accountId: string } }): Promise<unknown> {
  switch (event.probe) {
    case 'env':
      return { env: Object.keys(process.env).sort(), execArgv: process.execArgv, variable: process.env.PROBE_VARIABLE ?? null, accountId: context.principal?.accountId ?? null };
    case 'kvs': {
      const key = `probe:${context.principal?.accountId ?? 'nobody'}`;
      await kvs.set(key, { at: 'sandbox' });
      await kvs.setSecret(`${key}:secret`, 'shh');
      return { value: await kvs.get(key), secret: await kvs.getSecret(`${key}:secret`) };
    }
    case 'egress':
      try {
        const res = await fetch(event.url ?? '');
        return { status: res.status };
      } catch (e) {
        return { blocked: e instanceof Error ? e.message : String(e) };
      }
    case 'sleep':
      await new Promise((r) => setTimeout(r, event.ms ?? 0));
      return { slept: event.ms };
    case 'big':
      return { data: 'x'.repeat(event.bytes ?? 0) };
    case 'sized': {
      // A string whose JSON is exactly `bytes` bytes in UTF-8: CJK characters (3 bytes, 1 UTF-16 unit each), then ASCII.
      const inner = (event.bytes ?? 2) - 2;
      return '測'.repeat(Math.floor(inner / 3)) + 'x'.repeat(inner % 3);
    }
    case 'crash':
      setTimeout(() => process.exit(3), 10);
      return new Promise(() => undefined);
    case 'throw':
      throw new Error('probe failure');
    case 'log':
      console.log('probe says hello');
      console.warn('probe warns', { detail: 1 });
      return { logged: true };
    case 'later-kvs':
      // A storage call made after the invocation that started it has returned.
      escaped = new Promise((r) => setTimeout(r, 100)).then(() => kvs.get('late').then(() => 'stored', (e: unknown) => (e instanceof Error ? e.message : String(e))));
      return { scheduled: true };
    case 'late-result':
      return { late: await escaped };
  }
}

/** Live updates' publishes are coalesced per issue (src/realtime/coalesce.ts): a burst is at most two, never zero for the last. */
import { describe, expect, it } from 'vitest';
import { coalescer } from '../../../src/realtime/coalesce';

describe('coalescing announcements', () => {
  it('turns a burst of 120 for one issue into two sends, the second after the last ask', async () => {
    const sent: string[] = [];
    let release!: () => void;
    const announce = coalescer(async (issue: string) => {
      sent.push(issue);
      if (sent.length === 1) await new Promise<void>((r) => (release = r));
    });
    const all = Array.from({ length: 120 }, () => announce('DEMO-1'));
    expect(sent).toEqual(['DEMO-1']);
    release();
    await Promise.all(all);
    expect(sent).toEqual(['DEMO-1', 'DEMO-1']);
  });

  it('keeps issues apart and survives a failed send', async () => {
    const sent: string[] = [];
    const announce = coalescer(async (issue: string) => {
      sent.push(issue);
      if (issue === 'DEMO-2') throw new Error('refused');
    });
    await Promise.all([announce('DEMO-1'), announce('DEMO-2')]);
    await announce('DEMO-2');
    expect(sent).toEqual(['DEMO-1', 'DEMO-2', 'DEMO-2']);
  });
});

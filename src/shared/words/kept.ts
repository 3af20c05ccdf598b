/**
 * The kept copy and live updates, in the issue panel and the glance: the time a shown copy is from,
 * its swap for the fresh answer, and what the person is told when TestKase is slow or down or when
 * live updates are off.
 * One part of the app's one catalog of words (src/shared/words/index.ts says how it is organised):
 * every entry is a whole sentence or label, a string or a function of named parameters that returns it.
 */
import { words as base } from './base';

export const keptWords = {
  kept: {
    /** Beside a kept copy until the fresh answer arrives: "As of 14:02" (or "As of Dec 7, 2026, 14:02"). */
    asOf: ({ time }: { time: string }) => `As of ${time}`,
    /** Read out while the fresh answer is on its way. */
    updating: 'Updating…',
    /** Retry, while it asks again. */
    retrying: 'Retrying…',
    /** The fresh answer replaced what was shown (a kept copy, or a colleague's change arrived live). */
    updatedJustNow: 'Updated just now',
    /** Heads the last known data when TestKase could not give the fresh one; the error's sentence follows. */
    lastKnown: ({ time }: { time: string }) => `Showing the last known data, as of ${time}`,
    /** Realtime refused or failed: the panel still works, without others' changes arriving by themselves. */
    liveOff: 'Live updates are off: Refresh shows what others changed.',
  },
};

export const words = { ...base, ...keptWords };

/**
 * TestKase's sizes, as the contract assumes them (docs/testkase-api.md, A20–A21): the largest request
 * body it accepts, and the longest text each of its fields holds. The client splits batches by the
 * first (batches.ts); the contract's schemas cut what TestKase sends to the second before the app
 * stores it or shows it (a 70,000-character user name would otherwise fill a 240 KiB storage value);
 * the simulator enforces both. Zod-free and import-free.
 */

/** A20: TestKase answers 413 to a request body over this many bytes (the JSON as sent, in UTF-8). */
export const REQUEST_BODY_MAX_BYTES = 64 * 1024;

/**
 * A21: the longest text TestKase keeps in each field, in characters (Unicode code points). Where the app
 * writes the field itself, the same limit as its own form (shared/limits.ts); elsewhere the usual bound
 * of such a field (an e-mail address is at most 254 characters, RFC 5321).
 */
export const TEXT_MAX = {
  userId: 64,
  userName: 255,
  email: 254,
  tokenName: 100,
  /** TestKase's own preview of a token (its API Keys list): a prefix and a few characters. */
  tokenPreview: 32,
  projectKey: 32,
  projectName: 255,
  /** A Jira key TestKase holds (links, defects): Jira's own are at most 50 + 1 + 9 characters. */
  issueKey: 64,
  title: 255,
  description: 10_000,
  preconditions: 10_000,
  stepText: 10_000,
  cycleName: 120,
  environment: 60,
  comment: 2_000,
  actualResult: 2_000,
  automationId: 64,
  executionId: 64,
  /** TestKase's words about one refused item of a bulk call (A18). */
  failureMessage: 300,
} as const;

/** What a cut text ends with, so a person sees that it goes on in TestKase. */
export const ELLIPSIS = '…';

/**
 * `text` of at most `max` code points: unchanged when it fits, else its first `max - 1` code points and
 * an ellipsis. Counted and cut by code points, so a character outside the BMP (an emoji: two UTF-16 units)
 * is kept whole or left out, never split into half a surrogate pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text; // UTF-16 units ≥ code points: it fits
  let count = 0;
  let end = 0;
  for (const char of text) {
    if (count === max - 1) {
      // Exactly `max` code points fit as they are.
      if (end + char.length === text.length) return text;
      return text.slice(0, end) + ELLIPSIS;
    }
    count += 1;
    end += char.length;
  }
  return text;
}

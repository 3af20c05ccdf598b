/**
 * What the fuzz tests share: hostile values to put in payloads, and what every answer to one must be —
 * a typed Result whose error (if any) is a short plain sentence, never a stack trace or a zod dump, with
 * no prototype pollution left behind.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Strings (short and 2–20 K long), the given known-bad or meaningful strings, numbers, null, arrays, objects. */
export function nastyValues(strings: [string, ...string[]], shortMaxLength: number) {
  return fc.oneof(
    fc.string({ maxLength: shortMaxLength }),
    fc.string({ minLength: 2_000, maxLength: 20_000 }),
    fc.constantFrom(...strings),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.object({ maxDepth: 2 }),
  );
}

export function expectTypedResult(result: { ok: boolean; error?: { code: string; message: string } }): void {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(result.error?.code).toMatch(/^[A-Z_]+$/);
    expect(result.error?.message).not.toMatch(/\n\s+at |Error:|ZodError|undefined/);
    expect(result.error!.message.length).toBeLessThan(400);
  }
  // Prototype pollution would show up on every object.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

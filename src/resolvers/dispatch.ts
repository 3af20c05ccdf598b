/**
 * The Forge handler around @forge/resolver's. @forge/resolver finds a function with
 * `functionKey in functions`, so `constructor`, `valueOf`, `__proto__`… reach Object.prototype
 * (`constructor` echoed the caller's whole context; others threw out of the handler). Here only the
 * app's own function keys get through; anything else, and anything that still throws, becomes a
 * typed error. Each call also runs in its own secret scope (see log.ts), and its result is scrubbed
 * of the tokens it handled before it leaves the backend; the TestKase requests it leaves behind stop
 * when it answers (testkase/call-lifetime.ts).
 */
import type { AppError, Result } from '../shared/definitions';
import { log, scrubKnownSecrets, withSecretScope } from '../log';
import { withCallLifetime } from '../testkase/call-lifetime';
import { needsConsent } from '../jira/answer';
import { words } from '../shared/words/backend';

/** @forge/resolver's handler type, whatever it is exactly: the wrapper has the same signature. */
type ForgeHandler<E> = (event: E, runtime?: Record<string, unknown>) => Promise<unknown>;

const UNKNOWN_FUNCTION: Result<never> = {
  ok: false,
  error: { code: 'UNKNOWN_FUNCTION', message: words.errors.unknownFunction },
};
const INTERNAL: AppError = { code: 'INTERNAL', message: words.errors.internal };

export function ownFunctionsOnly<E>(functions: object, inner: ForgeHandler<E>): ForgeHandler<E> {
  return async (event, runtime) => {
    const key: unknown = (event as { call?: { functionKey?: unknown } } | null | undefined)?.call?.functionKey;
    if (typeof key !== 'string' || !Object.hasOwn(functions, key)) return UNKNOWN_FUNCTION;
    return withCallLifetime(() => withSecretScope(async () => {
      try {
        return scrubbed(await inner(event, runtime));
      } catch (e) {
        if (needsConsent(e)) throw e; // Forge asks the user to allow access
        log.error(`resolver ${key} threw`, e);
        return { ok: false, error: INTERNAL };
      }
    }));
  };
}

/** A token the call handled must not leave in its result, even if TestKase echoed it into some field. */
function scrubbed(result: unknown): unknown {
  if (result === undefined) return result;
  const json = JSON.stringify(result);
  const clean = scrubKnownSecrets(json);
  if (clean === json) return result;
  log.warn('a resolver result contained a token; it was redacted');
  // Token characters ([A-Za-z0-9_-.]) need no JSON escaping, so the replacement keeps the JSON valid.
  return JSON.parse(clean);
}

/**
 * Every resolver call goes through one envelope: the caller comes from the trusted context, a Jira
 * admin function first checks with Jira that the caller is one, the payload is parsed with the schema
 * the function table names for its key, and any failure becomes `{ ok: false, error }` — no resolver
 * throws to the UI (except Forge's own request for the user's consent: see jira/answer.ts).
 */
import type { Handlers } from '@forge/resolver';
import type { Result } from '../shared/definitions';
import { FUNCTIONS, type AnswerOf, type Definitions, type FunctionKey, type ParsedPayloadOf } from '../shared/functions';
import { needsConsent } from '../jira/answer';
import { requireJiraAdmin } from './admin-access';
import { callerOf, type CallContext } from './context';
import { toAppError } from './errors';

/** A resolver function's body: the parsed payload and the trusted caller in, the answer out. */
export type Implementation<K extends FunctionKey> = (input: ParsedPayloadOf<K>, caller: CallContext) => Promise<AnswerOf<K>>;
export type Implementations = { [K in FunctionKey]: Implementation<K> };

/** Runs a body; any failure becomes `{ ok: false, error }`. */
async function guard<T>(body: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (e) {
    if (needsConsent(e)) throw e;
    return { ok: false, error: toAppError(e) };
  }
}

function handlerOf<K extends FunctionKey>(key: K, implementation: Implementation<K>) {
  return (request: { payload: unknown; context: Record<string, unknown> }): Promise<Result<AnswerOf<K>>> =>
    guard(async () => {
      const spec = FUNCTIONS[key];
      // Nothing of an admin function runs for anyone else, not even the parsing of what they sent.
      if (spec.access === 'JIRA_ADMIN') await requireJiraAdmin(callerOf(request.context));
      const input = spec.payload.parse(request.payload ?? {}) as ParsedPayloadOf<K>;
      return implementation(input, callerOf(request.context));
    });
}

/** The handlers `makeResolver<Definitions>` takes, one per row of the function table. */
export function handlersFor(implementations: Implementations): Handlers<Definitions> {
  const handlers: Partial<Record<FunctionKey, unknown>> = {};
  for (const key of Object.keys(FUNCTIONS) as FunctionKey[]) handlers[key] = handlerOf(key, implementations[key] as Implementation<typeof key>);
  return handlers as Handlers<Definitions>;
}

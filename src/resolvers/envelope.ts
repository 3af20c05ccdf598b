/**
 * Every resolver call goes through one envelope: the payload is parsed with the schema the function
 * table names for its key, the caller comes from the trusted context, and any failure becomes
 * `{ ok: false, error }` — no resolver throws to the UI.
 */
import type { Handlers } from '@forge/resolver';
import type { Result } from '../shared/definitions';
import { FUNCTIONS, type AnswerOf, type Definitions, type FunctionKey, type ParsedPayloadOf } from '../shared/functions';
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
    return { ok: false, error: toAppError(e) };
  }
}

function handlerOf<K extends FunctionKey>(key: K, implementation: Implementation<K>) {
  return (request: { payload: unknown; context: Record<string, unknown> }): Promise<Result<AnswerOf<K>>> =>
    guard(async () => {
      const input = FUNCTIONS[key].payload.parse(request.payload ?? {}) as ParsedPayloadOf<K>;
      return implementation(input, callerOf(request.context));
    });
}

/** The handlers `makeResolver<Definitions>` takes, one per row of the function table. */
export function handlersFor(implementations: Implementations): Handlers<Definitions> {
  const handlers: Partial<Record<FunctionKey, unknown>> = {};
  for (const key of Object.keys(FUNCTIONS) as FunctionKey[]) handlers[key] = handlerOf(key, implementations[key] as Implementation<typeof key>);
  return handlers as Handlers<Definitions>;
}

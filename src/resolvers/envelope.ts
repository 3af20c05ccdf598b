/**
 * Every resolver call goes through one envelope: the caller comes from the trusted context; a call
 * from a module the function table does not list for the function is refused (WRONG_MODULE, the one
 * place that decides it); a Jira admin function then checks with Jira that the caller is one; only
 * then is the payload parsed with the schema the table names for its key. Any failure becomes
 * `{ ok: false, error }` — no resolver throws to the UI (except Forge's own request for the user's
 * consent: see jira/answer.ts).
 */
import type { Handlers } from '@forge/resolver';
import type { Result } from '../shared/definitions';
import { CALLS, FUNCTION_KEYS, mayCall, type CallFacts } from '../shared/calls';
import { FUNCTIONS, type AnswerOf, type Definitions, type FunctionKey, type ParsedPayloadOf } from '../shared/functions';
import { words } from '../shared/words/backend';
import { needsConsent } from '../jira/answer';
import { requireJiraAdmin } from './admin-access';
import { callerOf, type CallerIn } from './context';
import { fail, toAppError } from './errors';
import { announceTestsChanged } from '../realtime/live';

/** The modules the function table lists for `K`. */
type ModulesOf<K extends FunctionKey> = (typeof CALLS)[K]['modules'][number];

/**
 * A resolver function's body: the parsed payload and the trusted caller in, the answer out. The
 * caller is typed by the modules the table lists for the function (the envelope let no other in):
 * an issue panel function's caller always has its issue, and needs no check of its own.
 */
export type Implementation<K extends FunctionKey> = (input: ParsedPayloadOf<K>, caller: CallerIn<ModulesOf<K>>) => Promise<AnswerOf<K>>;
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
      const caller = callerOf(request.context);
      const facts: CallFacts = CALLS[key];
      // Nothing of a function runs for a module it is not for, nor an admin function for anyone else,
      // not even the parsing of what they sent.
      if (!mayCall(key, caller.module)) throw fail('WRONG_MODULE', words.errors.onlyIn[facts.modules[0]]);
      if (facts.access === 'JIRA_ADMIN') await requireJiraAdmin();
      const input = FUNCTIONS[key].payload.parse(request.payload ?? {}) as ParsedPayloadOf<K>;
      const answer = await implementation(input, caller as CallerIn<ModulesOf<K>>);
      // A write the issue's viewers see: every open module of the issue hears of it (live updates).
      if (facts.changesTests && caller.issueKey) await announceTestsChanged(caller.issueKey);
      return answer;
    });
}

/** The handlers `makeResolver<Definitions>` takes, one per row of the function table. */
export function handlersFor(implementations: Implementations): Handlers<Definitions> {
  const handlers: Partial<Record<FunctionKey, unknown>> = {};
  for (const key of FUNCTION_KEYS) handlers[key] = handlerOf(key, implementations[key] as Implementation<typeof key>);
  return handlers as Handlers<Definitions>;
}

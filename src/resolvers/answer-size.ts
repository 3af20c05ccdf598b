/**
 * Forge's invoke limit, kept in one place for every function: an answer is measured as the JSON the
 * function returns, in UTF-8 bytes (what the platform counts; a CJK character is 1 UTF-16 unit but 3
 * bytes). Within the limit it leaves as it is. Over it, a function whose answer holds a list (the table
 * below says where) answers a shorter part of that list — as many whole items as fit, with `next` set so
 * the UI says "showing N of M" and asks for the rest. Anything else becomes TOO_LARGE with a sentence:
 * for a write, that it was done (a retry would do it again); for a read, that nothing changed.
 * Without this, Forge drops the answer and the UI gets only "There was an error invoking the function".
 */
import { FORGE_LIMITS } from '../platform/limits';
import type { AppError, ListPart } from '../shared/definitions';
import type { AnswerOf, FunctionKey } from '../shared/functions';
import { words } from '../shared/words/backend';
import { log } from '../log';

/**
 * Room under the limit for what the platform may count around the answer itself (its own invocation
 * response wraps the value as `{ body, success, status, metrics }`, about 50 bytes).
 */
const HEADROOM_BYTES = 1024;
export const ANSWER_BUDGET_BYTES = FORGE_LIMITS.invokeAnswerBytes - HEADROOM_BYTES;

type ListIn<A> = (answer: A) => (ListPart & { items: unknown[] }) | null;

interface AnswerShape<A> {
  /** read: nothing changes in TestKase or storage on the person's behalf; write: something may have. */
  effect: 'read' | 'write';
  /** Where the answer's list is, when it has one that may end early. */
  list?: ListIn<A>;
}

/**
 * The functions whose answers can grow with TestKase's data. A function not listed is treated as a
 * write with nothing to shorten: its refusal says it may have been done, so nobody repeats a write.
 */
const SHAPES: { [K in FunctionKey]?: AnswerShape<AnswerOf<K>> } = {
  getState: { effect: 'read', list: (a) => (a.linked?.ok ? a.linked.data : null) },
  listLinkedTests: { effect: 'read', list: (a) => a },
  searchTestCases: { effect: 'read', list: (a) => a },
  listTestCaseHistory: { effect: 'read', list: (a) => a },
  listCycles: { effect: 'read', list: (a) => a },
  listCycleExecutions: { effect: 'read', list: (a) => a },
  getTestCase: { effect: 'read' },
  getIssueSummary: { effect: 'read' },
  checkIdentity: { effect: 'read' },
  getBugIssueType: { effect: 'read' },
  adminListConnections: { effect: 'read' },
  adminAuditLog: { effect: 'read' },
};

const utf8Bytes = (json: string) => Buffer.byteLength(json, 'utf8');

/**
 * The answer as it may leave the function: `result` itself when `json` (its JSON) fits, else a shorter
 * part of its list, else TOO_LARGE.
 */
export function fitAnswer(key: FunctionKey, result: unknown, json: string): unknown {
  // A UTF-16 unit is at most 3 UTF-8 bytes: most answers need no count at all.
  if (json.length * 3 <= ANSWER_BUDGET_BYTES) return result;
  const size = utf8Bytes(json);
  if (size <= ANSWER_BUDGET_BYTES) return result;
  const shape = SHAPES[key] as AnswerShape<unknown> | undefined;
  const copy = JSON.parse(json) as { ok?: unknown; data?: unknown };
  const list = copy.ok === true && shape?.list ? shape.list(copy.data) : null;
  const whole = list?.items.length ?? 0;
  const fits = list ? shorten(copy, list) : 0;
  if (list && fits > 0) {
    log.warn(`the answer of ${key} (${size} bytes) is over Forge's limit of ${FORGE_LIMITS.invokeAnswerBytes} bytes: it sends ${fits} of its ${whole} items, the rest on request`);
    return copy;
  }
  log.warn(`the answer of ${key} (${size} bytes) is over Forge's limit of ${FORGE_LIMITS.invokeAnswerBytes} bytes and cannot be shortened: it answers TOO_LARGE`);
  const error: AppError = { code: 'TOO_LARGE', message: shape?.effect === 'read' ? words.errors.answerTooLarge : words.errors.answerTooLargeAfterWrite };
  return { ok: false, error };
}

/**
 * Cuts `list` (inside `answer`) to the most whole items that fit the budget and says where the rest
 * starts; answers how many it kept. Exact, with one serialisation per item: an array's JSON is its
 * items' JSON joined by commas, and `next` is measured at its largest value (digits never grow as it shrinks).
 */
function shorten(answer: unknown, list: ListPart & { items: unknown[] }): number {
  const items = list.items;
  const sizes = items.map((item) => utf8Bytes(JSON.stringify(item)));
  list.items = [];
  const from = list.from ?? 0;
  list.next = from + items.length;
  let used = utf8Bytes(JSON.stringify(answer));
  let kept = 0;
  for (const size of sizes) {
    const more = size + (kept > 0 ? 1 : 0);
    if (used + more > ANSWER_BUDGET_BYTES) break;
    used += more;
    kept += 1;
  }
  list.items = items.slice(0, kept);
  list.next = from + kept;
  return kept;
}

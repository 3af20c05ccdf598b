/**
 * Batch requests sized for TestKase: a call that carries many items (test cases added to a cycle,
 * results recorded in bulk) goes in batches TestKase accepts on both counts — at most its item limit
 * per call, and a body of at most REQUEST_BODY_MAX_BYTES (A20). Counting items alone is not enough:
 * 100 results with a 700-character comment are a 76 KB body, which TestKase refuses whole (413), so
 * not one of them would be recorded.
 */
import { z } from 'zod';
import { TestKaseError } from './errors';
import { REQUEST_BODY_MAX_BYTES } from './sizes';

/** One request of a split: its items, and its body as the endpoint sends it (validated, defaulted). */
export interface Batch<I, Body> {
  items: I[];
  body: Body;
}

/** An endpoint of the contract that takes a body. */
type WithBody = { readonly method: string; readonly path: string; readonly body?: z.ZodType };
type BodyIn<E extends WithBody> = z.input<NonNullable<E['body']>>;
type BodyOut<E extends WithBody> = z.output<NonNullable<E['body']>>;

/**
 * Splits `items` into the fewest consecutive batches, in order, whose bodies TestKase accepts: each
 * batch has at most `maxItems` items, and its body — `bodyOf(batch)` as the endpoint's schema
 * validates and defaults it, in UTF-8 JSON, exactly as the client sends it — at most `maxBytes`
 * (TestKase's limit). Nothing is sent here: send each `body` with the endpoint's client method, and
 * account for each batch's outcome on its own (a batch refused or unanswered leaves the others as they are).
 *
 * Fails as BAD_REQUEST before anything is sent when a body breaks the endpoint's schema, or when one
 * item alone makes a body over the limit.
 */
export function splitBatches<E extends WithBody, I>(
  endpoint: E,
  items: readonly I[],
  bodyOf: (batch: I[]) => BodyIn<E>,
  { maxItems, maxBytes = REQUEST_BODY_MAX_BYTES }: { maxItems: number; maxBytes?: number },
): Batch<I, BodyOut<E>>[] {
  const sized = (batch: I[]) => {
    const body = parsed(endpoint, bodyOf(batch));
    return { body, bytes: jsonBytes(body) };
  };
  const batches: Batch<I, BodyOut<E>>[] = [];
  let start = 0;
  while (start < items.length) {
    // A body only grows with its items: the longest batch that fits is found by halving (a few
    // serialisations a batch, not one per item).
    let fits = 0;
    let body: BodyOut<E> | undefined;
    let low = 1;
    let high = Math.min(maxItems, items.length - start);
    while (low <= high) {
      const mid = Math.floor((low + high) / 2);
      const candidate = sized(items.slice(start, start + mid));
      if (candidate.bytes <= maxBytes) {
        fits = mid;
        body = candidate.body;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (fits === 0 || body === undefined) {
      throw new TestKaseError('BAD_REQUEST', `${endpoint.method} ${endpoint.path}: item ${start + 1} alone makes a body over TestKase's limit of ${maxBytes} bytes; nothing was sent`);
    }
    batches.push({ items: items.slice(start, start + fits), body });
    start += fits;
  }
  return batches;
}

function parsed<E extends WithBody>(endpoint: E, body: unknown): BodyOut<E> {
  if (!endpoint.body) throw new TestKaseError('BAD_REQUEST', `${endpoint.method} ${endpoint.path} takes no body to split`);
  const r = endpoint.body.safeParse(body);
  if (r.success) return r.data as BodyOut<E>;
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new TestKaseError('BAD_REQUEST', `${endpoint.method} ${endpoint.path}: the request does not match the contract (${where}${issue?.message ?? 'invalid'}); nothing was sent`);
}

/** A value's size as a JSON request body, in UTF-8 bytes (what TestKase's body limit counts). */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

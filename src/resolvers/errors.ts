/**
 * Failures as people read them (the sentences are in the catalog, shared/words): typed AppErrors with one plain
 * sentence and the next step. No stack traces, no PAT, no raw TestKase bodies (a TestKase validation
 * message is passed on, shortened, as text).
 */
import { z } from 'zod';
import type { AppError, ErrorCode } from '../shared/definitions';
import type { ConnectionState } from '../connection/state-machine';
import type { Refusal } from '../connection/validate-token';
import { isTestKaseError } from '../testkase/errors';
import { isStorageFailure } from '../storage/failures';
import { log } from '../log';
import { words } from '../shared/words/backend';
import { stateMessage, type Where } from './state-messages';

export class AppFailure extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

export const fail = (code: ErrorCode, message: string, extra: Partial<AppError> = {}): AppFailure =>
  new AppFailure({ code, message, ...extra });

const retryAfter = (seconds: number | undefined) => (seconds !== undefined ? { retryAfterSeconds: seconds } : {});

/** Any failure of a resolver body. `write` decides whether a timeout may have changed something in TestKase. */
export function toAppError(error: unknown, write = false): AppError {
  if (error instanceof AppFailure) return error.appError;
  if (error instanceof z.ZodError) return fromZod(error);
  if (isStorageFailure(error)) {
    log.error('Forge storage failed', error);
    return { code: 'STORAGE', message: words.errors.storage };
  }
  if (!isTestKaseError(error)) {
    log.error('unexpected failure', error);
    return { code: 'INTERNAL', message: words.errors.internal };
  }
  switch (error.kind) {
    case 'UNAUTHORIZED':
      return { code: 'TOKEN_REJECTED', message: words.state.tokenRejected };
    case 'FORBIDDEN':
      return { code: 'FORBIDDEN', message: words.errors.forbidden };
    case 'NOT_FOUND':
      return { code: 'NOT_FOUND', message: words.errors.notFound };
    case 'RATE_LIMITED':
      return { code: 'RATE_LIMITED', message: words.errors.rateLimited({ seconds: error.details.retryAfterSeconds }), ...retryAfter(error.details.retryAfterSeconds) };
    case 'UNAVAILABLE':
      // A server error is an answer (nothing was saved); a timeout or a lost connection leaves it open.
      if (!write) return { code: 'UNAVAILABLE', message: words.errors.unreachable };
      return { code: 'UNAVAILABLE', message: error.details.status !== undefined ? words.errors.writeRefused : words.errors.writeTimedOut };
    case 'BAD_RESPONSE':
      log.error('TestKase response does not match the contract', error);
      return { code: 'BAD_RESPONSE', message: words.errors.badResponse };
    case 'BAD_REQUEST':
      return { code: 'VALIDATION', message: words.errors.rejectedInput({ detail: error.details.serverMessage?.slice(0, 200) }) };
  }
}

/** An operation needs READY (the envelope already let only the issue panel in); any other state becomes the matching error. */
export function fromConnectionState(state: Exclude<ConnectionState, { kind: 'READY' }>, where: Where): AppError {
  const text = stateMessage(state, where).text;
  if (state.kind === 'NO_CONFIG') return { code: 'NO_TOKEN', message: text };
  switch (state.reason) {
    case 'TOKEN_REJECTED':
      return { code: 'TOKEN_REJECTED', message: text };
    case 'PROJECT_NOT_MAPPED':
    case 'MAPPING_LOST':
      return { code: 'NOT_MAPPED', message: text };
    case 'NO_PROJECT_ACCESS':
      return { code: 'FORBIDDEN', message: text };
    case 'RATE_LIMITED':
      return { code: 'RATE_LIMITED', message: text, ...retryAfter(state.retryAfterSeconds) };
    case 'TESTKASE_UNAVAILABLE':
      return { code: 'UNAVAILABLE', message: words.errors.unreachable };
  }
}

/** Why a token could not be verified at save time, said so that it is clear nothing was stored or changed. */
export function unverifiedToken(refusal: Refusal): AppFailure {
  if (refusal.kind === 'REJECTED') return fail('TOKEN_REJECTED', words.tokenNotSaved.rejected);
  if (refusal.kind === 'RATE_LIMITED') return fail('RATE_LIMITED', words.tokenNotSaved.rateLimited({ seconds: refusal.retryAfterSeconds }), retryAfter(refusal.retryAfterSeconds));
  const { code } = toAppError(refusal.error);
  return fail(code, code === 'UNAVAILABLE' ? words.tokenNotSaved.unreachable : words.tokenNotSaved.unconfirmed);
}

/** A zod failure on a payload, as one sentence naming the field. */
function fromZod(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  // A custom message may end with its own full stop ("… _ - and ."): one sentence end is enough.
  const why = (issue ? describeIssue(issue) : words.invalid.notValid).replace(/\.+$/, '');
  return {
    code: 'VALIDATION',
    message: field ? words.invalid.field({ field, why }) : words.invalid.request({ why }),
    ...(field ? { field } : {}),
  };
}

/** zod's own wording ("Invalid input: expected string, received undefined") is for developers. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const why = words.invalid;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? why.required : why.mustBe({ type: issue.expected });
    case 'unrecognized_keys':
      // Only a few, shortened: the keys are the caller's, and a message is no place for a megabyte of them.
      return why.unknownKeys({ keys: issue.keys.slice(0, 3).map((k) => k.slice(0, 30)) });
    case 'too_big': {
      const max = Number(issue.maximum);
      return issue.origin === 'string' ? why.tooLongText({ max }) : issue.origin === 'array' ? why.tooManyItems({ max }) : why.tooLarge({ max });
    }
    case 'too_small':
      if (!issue.message.startsWith('Too small')) return issue.message;
      return issue.origin === 'string' ? why.empty : issue.origin === 'array' ? why.needsOne : why.tooSmall({ min: Number(issue.minimum) });
    case 'invalid_value':
      return why.oneOf({ values: issue.values.map(String) });
    default:
      return issue.message.startsWith('Invalid') ? why.format : issue.message;
  }
}

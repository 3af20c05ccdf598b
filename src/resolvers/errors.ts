/**
 * Failures as people read them (the sentences are in sentences.ts): typed AppErrors with one plain
 * sentence and the next step. No stack traces, no PAT, no raw TestKase bodies (a TestKase validation
 * message is passed on, shortened, as text).
 */
import { z } from 'zod';
import type { AppError, ErrorCode } from '../shared/definitions';
import type { ConnectionState } from '../connection/state-machine';
import { isTestKaseError } from '../testkase/errors';
import { isStorageFailure } from '../storage/failures';
import { log } from '../log';
import { sentences, stateMessage, waitForRateLimit, type Where } from './sentences';

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
    return { code: 'STORAGE', message: sentences.storage };
  }
  if (!isTestKaseError(error)) {
    log.error('unexpected failure', error);
    return { code: 'INTERNAL', message: sentences.internal };
  }
  switch (error.kind) {
    case 'UNAUTHORIZED':
      return { code: 'TOKEN_REJECTED', message: sentences.tokenRejected };
    case 'FORBIDDEN':
      return { code: 'FORBIDDEN', message: sentences.forbidden };
    case 'NOT_FOUND':
      return { code: 'NOT_FOUND', message: sentences.notFound };
    case 'RATE_LIMITED':
      return { code: 'RATE_LIMITED', message: waitForRateLimit(error.details.retryAfterSeconds), ...retryAfter(error.details.retryAfterSeconds) };
    case 'UNAVAILABLE':
      // A server error is an answer (nothing was saved); a timeout or a lost connection leaves it open.
      if (!write) return { code: 'UNAVAILABLE', message: sentences.unreachable };
      return { code: 'UNAVAILABLE', message: error.details.status !== undefined ? sentences.writeRefused : sentences.writeTimedOut };
    case 'BAD_RESPONSE':
      log.error('TestKase response does not match the contract', error);
      return { code: 'BAD_RESPONSE', message: sentences.badResponse };
    case 'BAD_REQUEST':
      return { code: 'VALIDATION', message: sentences.rejectedInput(error.details.serverMessage?.slice(0, 200)) };
  }
}

/** An operation needs READY with a project; any other state becomes the matching error. */
export function fromConfigState(state: ConnectionState, where: Where): AppError {
  if (state.kind === 'READY') return { code: 'NO_ISSUE_CONTEXT', message: sentences.issueOnly };
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
      return { code: 'UNAVAILABLE', message: sentences.unreachable };
  }
}

/** Why a token could not be verified at save time, said so that it is clear nothing was stored or changed. */
export function unverifiedToken(e: unknown): AppFailure {
  const error = toAppError(e);
  switch (error.code) {
    case 'TOKEN_REJECTED':
      return fail('TOKEN_REJECTED', sentences.tokenNotSaved.rejected);
    case 'RATE_LIMITED':
      return fail('RATE_LIMITED', sentences.tokenNotSaved.rateLimited(error.retryAfterSeconds), retryAfter(error.retryAfterSeconds));
    case 'UNAVAILABLE':
      return fail('UNAVAILABLE', sentences.tokenNotSaved.unreachable);
    default:
      return fail(error.code, sentences.tokenNotSaved.unconfirmed);
  }
}

/** A zod failure on a payload, as one sentence naming the field. */
function fromZod(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  // A custom message may end with its own full stop ("… _ - and ."): one sentence end is enough.
  const what = (issue ? describeIssue(issue) : 'it is not valid').replace(/\.+$/, '');
  return {
    code: 'VALIDATION',
    message: field ? `The ${field} is not valid: ${what}. Nothing was changed.` : `The request is not valid: ${what}. Nothing was changed.`,
    ...(field ? { field } : {}),
  };
}

/** zod's own wording ("Invalid input: expected string, received undefined") is for developers. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'it is required' : `it must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'unrecognized_keys':
      return `it has ${issue.keys.length === 1 ? 'a field' : 'fields'} this app does not accept (${issue.keys.slice(0, 3).map((k) => k.slice(0, 30)).join(', ')})`;
    case 'too_big':
      return issue.origin === 'string' ? `it is too long (at most ${issue.maximum} characters)` : issue.origin === 'array' ? `it has too many items (at most ${issue.maximum})` : `it is too large (at most ${issue.maximum})`;
    case 'too_small':
      if (!issue.message.startsWith('Too small')) return issue.message;
      return issue.origin === 'string' ? 'it is empty' : issue.origin === 'array' ? 'it needs at least one item' : `it is too small (at least ${issue.minimum})`;
    case 'invalid_value':
      return `it must be one of ${issue.values.map(String).join(', ')}`;
    default:
      return issue.message.startsWith('Invalid') ? 'it is not in the expected format' : issue.message;
  }
}

/**
 * Failures as people read them: one plain sentence with the next step. No stack traces, no PAT,
 * no raw TestKase bodies (a TestKase validation message is passed on, shortened, as text).
 */
import { z } from 'zod';
import type { AppError, ConfigState, ErrorCode, Result } from '../shared/definitions';
import { isTestKaseError } from '../testkase/errors';
import { log } from '../log';

export class AppFailure extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

export const fail = (code: ErrorCode, message: string, extra: Partial<AppError> = {}): AppFailure =>
  new AppFailure({ code, message, ...extra });

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

export const GLOBAL_PAGE_HINT = 'Open the TestKase page from the Jira Apps menu';
const TOKEN_REJECTED_MESSAGE = `TestKase rejected your Personal Access Token: it may have been revoked or have expired. ${GLOBAL_PAGE_HINT} and enter a new token.`;
const UNREACHABLE_MESSAGE = 'TestKase could not be reached. Nothing was changed; try again in a moment.';

/** `write` decides whether a timeout may have changed something in TestKase. */
export function fromTestKase(error: unknown, write: boolean): AppError {
  if (!isTestKaseError(error)) {
    log.error('unexpected failure', error);
    return { code: 'INTERNAL', message: 'Something went wrong in TestKase for Jira. Try again; if it keeps happening, tell your Jira admin.' };
  }
  const retry = error.details.retryAfterSeconds;
  switch (error.kind) {
    case 'UNAUTHORIZED':
      return { code: 'TOKEN_REJECTED', message: TOKEN_REJECTED_MESSAGE };
    case 'FORBIDDEN':
      return {
        code: 'FORBIDDEN',
        message: 'Your TestKase role does not allow this (Guests can only view). Ask a TestKase project admin if you need more access.',
      };
    case 'NOT_FOUND':
      return { code: 'NOT_FOUND', message: 'TestKase could not find that item; it may have been deleted. Refresh and try again.' };
    case 'RATE_LIMITED':
      return {
        code: 'RATE_LIMITED',
        message: `TestKase is receiving too many requests for your token. Wait ${retry ?? 'a few'} seconds and try again.`,
        ...(retry !== undefined ? { retryAfterSeconds: retry } : {}),
      };
    case 'UNAVAILABLE':
      return {
        code: 'UNAVAILABLE',
        message: write
          ? 'TestKase did not answer in time, so the change may or may not have been saved. Refresh to check before trying again.'
          : UNREACHABLE_MESSAGE,
      };
    case 'BAD_RESPONSE':
      log.error('TestKase response does not match the contract', error);
      return {
        code: 'BAD_RESPONSE',
        message: 'TestKase answered in a way this app does not understand. Try again later; if it persists, tell your Jira admin.',
      };
    case 'BAD_REQUEST': {
      const detail = error.details.serverMessage ? ` (${error.details.serverMessage.slice(0, 200)})` : '';
      return { code: 'VALIDATION', message: `TestKase did not accept this${detail}. Check the values and try again.` };
    }
  }
}

/** An operation needs READY; anything else becomes the matching error. */
export function fromConfigState(state: ConfigState, jiraProjectKey: string | null): AppError {
  if (state.kind === 'NO_CONFIG') {
    return { code: 'NO_TOKEN', message: `You have not connected TestKase yet. ${GLOBAL_PAGE_HINT} and save your Personal Access Token.` };
  }
  if (state.kind === 'READY') {
    return { code: 'INTERNAL', message: 'This needs a Jira issue; open it from an issue panel.' };
  }
  const project = jiraProjectKey ?? 'this Jira project';
  switch (state.reason) {
    case 'TOKEN_REJECTED':
      return { code: 'TOKEN_REJECTED', message: TOKEN_REJECTED_MESSAGE };
    case 'PROJECT_NOT_MAPPED':
    case 'MAPPING_LOST':
      return {
        code: 'NOT_MAPPED',
        message: `${project} is not connected to a TestKase project. Ask a TestKase project admin to connect it in TestKase Settings → Jira Integration.`,
      };
    case 'NO_PROJECT_ACCESS':
      return {
        code: 'FORBIDDEN',
        message: `Your TestKase user is not a member of the TestKase project connected to ${project}. Ask a TestKase admin to add you.`,
      };
    case 'RATE_LIMITED':
      return {
        code: 'RATE_LIMITED',
        message: `TestKase is receiving too many requests for your token. Wait ${state.retryAfterSeconds ?? 'a few'} seconds and try again.`,
        ...(state.retryAfterSeconds !== undefined ? { retryAfterSeconds: state.retryAfterSeconds } : {}),
      };
    case 'TESTKASE_UNAVAILABLE':
    case 'CHECKING':
      return { code: 'UNAVAILABLE', message: UNREACHABLE_MESSAGE };
  }
}

/** A zod failure on a payload, as one sentence naming the field. */
export function fromZod(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const what = issue ? describeIssue(issue) : 'it is not valid';
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

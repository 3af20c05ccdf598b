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
  const what = issue?.message ?? 'invalid input';
  return {
    code: 'VALIDATION',
    message: field ? `The ${field} is not valid: ${what}. Nothing was changed.` : `The request is not valid: ${what}. Nothing was changed.`,
    ...(field ? { field } : {}),
  };
}

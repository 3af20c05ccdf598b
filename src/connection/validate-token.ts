/**
 * Token validation with TestKase, one function for every moment that asks: saving a token (savePat),
 * opening the connection when no validation is cached (open-connection.ts), and the admin page's
 * check of every stored token (admin/check-all.ts). One request (whoAmI) says whose token it is, its
 * name and expiry; with `projects`, the user's projects are asked at the same time. A failure is
 * classified once: TestKase refused the token (401), asked to slow down (429), or did not answer
 * usefully — and what each caller then does (refuse to store, mark the state, count it) is its own.
 */
import type { Project, User } from '../testkase/contract';
import type { TestKaseClient } from '../testkase/client';
import { isTestKaseError } from '../testkase/errors';

/** What TestKase says about a token it accepted: what the app keeps with it. */
interface TokenFacts {
  testkaseUser: User;
  tokenName: string;
  expiresAt: string | null;
}

/** How TestKase refused or failed to answer a request made with the token. */
export type Refusal = { kind: 'REJECTED' } | { kind: 'RATE_LIMITED'; retryAfterSeconds?: number } | { kind: 'FAILED'; error: unknown };

export type TokenCheck<P> = { kind: 'VALID'; facts: TokenFacts; projects: P } | Refusal;

export function refusalOf(error: unknown): Refusal {
  if (isTestKaseError(error, 'UNAUTHORIZED')) return { kind: 'REJECTED' };
  if (isTestKaseError(error, 'RATE_LIMITED')) {
    const retry = error.details.retryAfterSeconds;
    return retry === undefined ? { kind: 'RATE_LIMITED' } : { kind: 'RATE_LIMITED', retryAfterSeconds: retry };
  }
  return { kind: 'FAILED', error };
}

export async function checkToken(client: TestKaseClient, ask: { projects: true }): Promise<TokenCheck<Project[]>>;
export async function checkToken(client: TestKaseClient, ask: { projects: false }): Promise<TokenCheck<null>>;
export async function checkToken(client: TestKaseClient, ask: { projects: boolean }): Promise<TokenCheck<Project[] | null>> {
  try {
    const [who, projects] = await Promise.all([client.whoAmI(), ask.projects ? client.userProjects() : null]);
    return { kind: 'VALID', facts: { testkaseUser: who.user, tokenName: who.token.name, expiresAt: who.token.expiresAt }, projects };
  } catch (e) {
    return refusalOf(e);
  }
}

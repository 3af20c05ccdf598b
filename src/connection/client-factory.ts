/** How a TestKase client is made for a token: tests and the benchmark observe or replace it (e.g. to count requests). */
import { resolveBaseUrl } from '../testkase/base-url';
import { TestKaseClient, type ClientConfig } from '../testkase/client';

/** Per-use settings (a Jira admin's check asks once, briefly, and handles 429 itself). */
export type ClientOptions = Pick<ClientConfig, 'timeoutMs' | 'budgetMs' | 'maxRetries'>;

export const clientFactory = {
  create: (token: string, options: ClientOptions = {}): TestKaseClient => new TestKaseClient({ baseUrl: resolveBaseUrl(), token, ...options }),
};

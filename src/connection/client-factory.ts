/** How a TestKase client is made for a token: tests and the benchmark observe or replace it (e.g. to count requests). */
import { resolveBaseUrl } from '../testkase/base-url';
import { TestKaseClient } from '../testkase/client';

export const clientFactory = {
  create: (token: string): TestKaseClient => new TestKaseClient({ baseUrl: resolveBaseUrl(), token }),
};

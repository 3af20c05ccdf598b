import { DEFAULT_BASE_URL } from './contract';

/**
 * The TestKase API base URL: HTTPS only, except loopback for the local runtime and tests.
 * Configured per environment with `forge variables set TESTKASE_BASE_URL …`.
 */
export function resolveBaseUrl(configured: string | undefined = process.env.TESTKASE_BASE_URL): string {
  const raw = configured?.trim() || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`TESTKASE_BASE_URL is not a URL: ${raw}`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(`TESTKASE_BASE_URL must use https (http is allowed only for loopback): ${url.origin}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error('TESTKASE_BASE_URL must not carry credentials, a query or a fragment');
  }
  return url.toString().replace(/\/+$/, '');
}

/** The floor's one function: the user's token from secret storage, one TestKase request, a small answer. */
import { fetch } from '@forge/api';
import { kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';

const resolver = new Resolver();

resolver.define('floor', async () => {
  const token = await kvs.getSecret<string>('floor-token');
  const res = await fetch(`${process.env.TESTKASE_BASE_URL}/projects/user-projects`, { headers: { Authorization: `Bearer ${token ?? ''}`, Accept: 'application/json' } });
  const body = (await res.json()) as { data?: unknown[] };
  return { ok: res.ok, projects: body.data?.length ?? 0 };
});

export const handler = resolver.getDefinitions();

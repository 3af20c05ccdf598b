/**
 * The issue panel's kept copy (src/shared/kept.ts keeps it): its READY first screen — the project, who
 * acts in TestKase, the linked test cases — as it was last shown, read before the first getState
 * answers. No token, no e-mail address. Small and React-free: the entry reads it.
 */
import type { ConnectionView, LinkedTests } from '../../../src/shared/definitions';
import { readKept, type Kept, type KeptKey } from '../../../src/shared/kept';

export interface KeptPanel {
  issueKey: string;
  connection: Extract<ConnectionView, { kind: 'READY' }>;
  actingAs: string | null;
  linked: LinkedTests;
}

/** Where the copy of this frame lives: null outside an issue, or when the context does not say whose. */
export function keptKeyOf(ctx: { cloudId?: string; accountId?: string; issueKey?: string }): KeptKey | null {
  return ctx.cloudId && ctx.accountId && ctx.issueKey ? { site: ctx.cloudId, account: ctx.accountId, issue: ctx.issueKey } : null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape this version of the panel renders; anything else (another version wrote it) is not shown. */
function isKeptPanel(data: unknown): data is KeptPanel {
  if (!isObject(data) || typeof data.issueKey !== 'string') return false;
  const { connection, linked } = data;
  if (!isObject(connection) || connection.kind !== 'READY' || typeof connection.canWrite !== 'boolean') return false;
  if (connection.project !== null && !(isObject(connection.project) && typeof connection.project.name === 'string')) return false;
  if (data.actingAs !== null && typeof data.actingAs !== 'string') return false;
  if (!isObject(linked) || !Array.isArray(linked.items) || typeof linked.total !== 'number' || !isObject(linked.counts)) return false;
  return linked.items.every((t: unknown) => isObject(t) && typeof t.id === 'string' && typeof t.title === 'string' && typeof t.priority === 'string' && (t.latestExecution === null || isObject(t.latestExecution)));
}

/** The frame's first read, for its life: the entry and the panel ask once, the storage is parsed once. */
let atStart: { key: string; kept: Kept<KeptPanel> | null } | null = null;

export function readKeptPanel(key: KeptKey | null): Kept<KeptPanel> | null {
  if (!key) return null;
  const id = JSON.stringify(key);
  if (atStart?.key !== id) atStart = { key: id, kept: readKept('panel', key, isKeptPanel) };
  return atStart.kept;
}

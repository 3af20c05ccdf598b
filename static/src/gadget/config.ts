/**
 * The gadget's configuration, as its edit view submits it (view.submit) and Jira gives it back in the
 * context (extension.gadgetConfiguration): the project, the scope and the scope's name when it was
 * chosen. Read defensively: it is whatever was saved, perhaps by an older version of the app.
 */
import type { CoverageScope } from '../../../src/shared/coverage';

export interface GadgetConfig {
  jiraProjectKey: string;
  scope: CoverageScope;
  scopeName: string;
}

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,49}$/;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-\d{1,9}$/;

function scopeOf(raw: unknown): CoverageScope | null {
  const s = (raw ?? {}) as { kind?: unknown; id?: unknown; key?: unknown };
  if (s.kind === 'LINKED') return { kind: 'LINKED' };
  if (s.kind === 'VERSION' && typeof s.id === 'string' && /^\d{1,18}$/.test(s.id)) return { kind: 'VERSION', id: s.id };
  if (s.kind === 'SPRINT' && typeof s.id === 'number' && Number.isInteger(s.id) && s.id > 0) return { kind: 'SPRINT', id: s.id };
  if (s.kind === 'EPIC' && typeof s.key === 'string' && ISSUE_KEY.test(s.key)) return { kind: 'EPIC', key: s.key };
  return null;
}

/** The saved configuration, or null when there is none (or it is not one this app wrote). */
export function readGadgetConfig(raw: unknown): GadgetConfig | null {
  const c = (raw ?? {}) as { jiraProjectKey?: unknown; scope?: unknown; scopeName?: unknown };
  const scope = scopeOf(c.scope);
  if (typeof c.jiraProjectKey !== 'string' || !PROJECT_KEY.test(c.jiraProjectKey) || !scope) return null;
  return { jiraProjectKey: c.jiraProjectKey, scope, scopeName: typeof c.scopeName === 'string' ? c.scopeName.slice(0, 300) : '' };
}

/** The bugs a tester names with a result: Jira issue keys, separated by commas or spaces. */
import { UI_LIMITS } from '../../labels';

const KEY = /^[A-Z][A-Z0-9_]{0,49}-\d{1,9}$/;

export function parseDefects(text: string): { keys: string[]; error: string | null } {
  const parts = text.split(/[\s,;]+/).map((p) => p.trim().toUpperCase()).filter(Boolean);
  const bad = parts.filter((p) => !KEY.test(p));
  if (bad.length > 0) return { keys: [], error: `${bad.join(', ')} ${bad.length === 1 ? 'is not a Jira issue key' : 'are not Jira issue keys'} (like DEMO-12).` };
  const keys = [...new Set(parts)];
  if (keys.length > UI_LIMITS.defectsMax) return { keys: [], error: `At most ${UI_LIMITS.defectsMax} bugs per result.` };
  return { keys, error: null };
}

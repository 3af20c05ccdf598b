/** The bugs a tester names with a result: Jira issue keys, separated by commas or spaces. */
import { JIRA_ISSUE_KEY } from '../../../../src/shared/facts';
import { LIMITS } from '../../../../src/shared/limits';
import { words } from '../../../../src/shared/words/run';

export function parseDefects(text: string): { keys: string[]; error: string | null } {
  const parts = text.split(/[\s,;]+/).map((p) => p.trim().toUpperCase()).filter(Boolean);
  const bad = parts.filter((p) => !JIRA_ISSUE_KEY.test(p));
  if (bad.length > 0) return { keys: [], error: words.run.notKeys({ keys: bad }) };
  const keys = [...new Set(parts)];
  if (keys.length > LIMITS.defectsMax) return { keys: [], error: words.run.tooManyBugs({ max: LIMITS.defectsMax }) };
  return { keys, error: null };
}

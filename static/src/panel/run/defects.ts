/** The bugs a tester names with a result: Jira issue keys, separated by commas or spaces. */
import { JIRA_ISSUE_KEY } from '../../../../src/shared/facts';
import { LIMITS } from '../../../../src/shared/limits';
import { words } from '../../../../src/shared/words/run';

export function parseDefects(text: string): { keys: string[]; error: string | null } {
  const typed = text.split(/[\s,;]+/).map((p) => p.trim()).filter(Boolean);
  // A wrong entry is quoted as the tester typed it (not upper-cased), so they can find it in the field.
  const bad = typed.filter((p) => !JIRA_ISSUE_KEY.test(p.toUpperCase()));
  if (bad.length > 0) return { keys: [], error: words.run.notKeys({ keys: bad }) };
  const keys = [...new Set(typed.map((p) => p.toUpperCase()))];
  if (keys.length > LIMITS.defectsMax) return { keys: [], error: words.run.tooManyBugs({ max: LIMITS.defectsMax }) };
  return { keys, error: null };
}

/** Filtering the linked test cases; the counts shown are always those of the filtered list. */
import type { ExecutionStatus, Priority, TestCaseSummary } from '../../../../src/shared/definitions';
import { latestStatus } from '../../../../src/shared/results';

export interface CaseFilter {
  text: string;
  status: ExecutionStatus | '';
  priority: Priority | '';
}

export const NO_FILTER: CaseFilter = { text: '', status: '', priority: '' };

/** Every word of `text` in the id or the title (any order, any case), as TestKase's search matches. */
export function applyFilter(items: readonly TestCaseSummary[], f: CaseFilter): TestCaseSummary[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((tc) => {
    if (f.status && latestStatus(tc) !== f.status) return false;
    if (f.priority && tc.priority !== f.priority) return false;
    const hay = `${tc.id} ${tc.title}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export const isFiltered = (f: CaseFilter) => f.text.trim() !== '' || f.status !== '' || f.priority !== '';

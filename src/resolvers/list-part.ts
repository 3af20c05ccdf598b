/** A list answer's part (shared/definitions.ts, ListPart): its items, the whole list's total, where it starts and where the next part does. */
import type { ListPart } from '../shared/definitions';

export function partOf<T>(items: T[], total: number, from: number): Required<ListPart> & { items: T[] } {
  const end = from + items.length;
  // An empty part never points further: a TestKase whose total overstates its items cannot loop the UI.
  return { items, total, from, next: items.length > 0 && end < total ? end : null };
}

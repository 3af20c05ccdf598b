/**
 * The one place the panel says "this issue's TestKase data changed" after a write (a result recorded,
 * a test case linked, unlinked or created, a bug added to a result, which updates the result). Other views of the issue (the
 * issue-context module being built) will listen: their `events.emit` goes here, and nowhere else.
 */
export type Change = 'executed' | 'linked' | 'unlinked' | 'created';

export function issueDataChanged(change: Change): void {
  // Nothing listens yet; kept as the seam so the emit is added once, not at every call site.
  void change;
}

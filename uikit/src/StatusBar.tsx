/**
 * The latest results as one stacked bar, coloured as the panel's status bar is (design tokens),
 * built from Box primitives: UI Kit has no stacked bar. Decorative: the counts line above says the same
 * in words.
 */
import { Box, Inline, xcss } from '@forge/react';
import type { StatusCounts } from '../../src/shared/definitions';
import { RESULTS_FIRST, type ExecutionStatus } from '../../src/shared/facts';

const SEGMENT_COLOR = {
  PASS: 'color.background.success.bold',
  FAIL: 'color.background.danger.bold',
  BLOCKED: 'color.background.warning.bold',
  SKIPPED: 'color.background.information.bold',
  NOT_EXECUTED: 'color.background.accent.gray.subtle',
} as const satisfies Record<ExecutionStatus, string>;

const track = xcss({ backgroundColor: 'color.background.neutral', borderRadius: 'radius.full', overflow: 'hidden', width: '100%', height: '8px' });

/** Width as a percentage with two decimals, so the segments add up to the whole track. */
const share = (count: number, total: number) => `${Math.round((count / total) * 10_000) / 100}%`;

export function StatusBar({ total, counts }: { total: number; counts: StatusCounts }) {
  return (
    <Box xcss={track} testId="status-bar">
      <Inline space="space.0">
        {RESULTS_FIRST.filter((s) => counts[s] > 0).map((s) => (
          <Box key={s} testId={`status-bar-${s}`} xcss={xcss({ backgroundColor: SEGMENT_COLOR[s], width: share(counts[s], total), height: '8px' })} />
        ))}
      </Inline>
    </Box>
  );
}

/**
 * The issue panel's performance goals (docs/performance.md), once. `npm run bench` reports every one
 * against what it measured; timings are never asserted in a test (a shared 2-core machine makes them
 * move), but `panelJsKb` is a size: test/bench/panel-js.test.ts fails `npm test` when the built panel
 * exceeds it (bench/panel-js.ts computes the size from static/dist).
 */
export const GOALS = {
  /** Warm and cold panel loads against the frame floor (a bridge-only Custom UI frame: 1 secret read + 1 TestKase request). */
  warmRatio: 1.15,
  coldRatio: 1.6,
  /** gzip KB of the panel's JavaScript before its first data render (React 18 + react-dom ≈ 44 of them). */
  panelJsKb: 80,
  overheadP95Ms: 5,
  warmStorageRoundTrips: 1,
  warmTestkaseRequests: 1,
  scale1000vs10: 2,
} as const;

import { describe, expect, it } from 'vitest';
import { sequentialRoundTrips, unionLength } from '../../bench/stats';

describe('benchmark statistics', () => {
  it('counts calls in flight together as one round trip, and each later wave as another', () => {
    expect(sequentialRoundTrips([])).toBe(0);
    expect(sequentialRoundTrips([[0, 20], [1, 21], [2, 22]])).toBe(1);
    expect(sequentialRoundTrips([[0, 20], [20, 40]])).toBe(2);
    expect(sequentialRoundTrips([[0, 20], [5, 50], [30, 60], [61, 70]])).toBe(2); // [30,60] overlaps [5,50]
    expect(sequentialRoundTrips([[40, 60], [0, 20], [21, 30]])).toBe(3);
  });

  it('measures the time at least one request was in flight', () => {
    expect(unionLength([[0, 10], [5, 15], [20, 30]])).toBe(25);
  });
});

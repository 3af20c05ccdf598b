/**
 * The listing snapshot's position sets: every set comes back exactly, whatever its density, and is
 * never stored larger than its bitset (so a set of 100,000 positions stays within two read units).
 */
import { describe, expect, it } from 'vitest';
import { packPositions, unpackPositions, type PackedPositions } from '../../../src/storage/position-sets';
import { seededRandom } from '../../../dev/random';


const bitsetChars = (size: number) => Math.ceil(Math.ceil(size / 8) / 4) * 5;
const membersOf = (bitmap: Uint8Array) => Int32Array.from(bitmap.keys()).filter((p) => bitmap[p] === 1);
const pack = (bitmap: Uint8Array) => packPositions(membersOf(bitmap), bitmap.length);

describe('position sets', () => {
  it('come back exactly at every density, from empty to full, and never larger than their bitset', () => {
    const next = seededRandom(7);
    for (const size of [1, 2, 7, 64, 1_000, 20_001]) {
      for (const density of [0, 0.001, 0.03, 0.2, 0.5, 0.7, 0.97, 1]) {
        const bitmap = Uint8Array.from({ length: size }, () => (next() < density ? 1 : 0));
        const packed = pack(bitmap);
        expect(unpackPositions(JSON.parse(JSON.stringify(packed)) as PackedPositions, size), `${size} at ${density}`).toEqual(bitmap);
        expect(packed.z.length, `${size} at ${density}`).toBeLessThanOrEqual(bitsetChars(size));
      }
    }
  });

  it('store a sparse set at about its information, and runs of members as little', () => {
    const size = 100_000;
    const sparse = Uint8Array.from({ length: size }, (_, p) => (p % 32 === 5 ? 1 : 0));
    // 3,125 members, 31 apart: ~7 bits each instead of 32 bits of bitset.
    expect(pack(sparse).z.length).toBeLessThan(bitsetChars(size) / 3);
    const clustered = Uint8Array.from({ length: size }, (_, p) => (p >= 40_000 && p < 90_000 ? 1 : 0));
    expect(unpackPositions(pack(clustered), size)).toEqual(clustered);
  });
});

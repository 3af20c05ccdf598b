/**
 * Sets of positions 0…size−1 (the admin listing's filters and heavy search prefixes, as positions in
 * a sort key's order), stored at about the information they hold: the gaps between members in a Rice
 * code (a set of one position in 32 takes ~7 bits a member instead of 32 bits of bitset), the
 * complement's gaps when more than half are members, or the plain bitset when that is shorter — so no
 * set is ever larger than its bitset. Written as Z85 text (packing.ts). Pure.
 */
import { decodeZ85, encodeZ85 } from './packing';

/** `r`: Rice-coded gaps of the members; `c`: of the complement; `b`: a bitset. `n` members coded, `k` Rice bits. */
export interface PackedPositions {
  e: 'r' | 'c' | 'b';
  k: number;
  n: number;
  z: string;
}

/** Bits of the gaps x (each ≥ 0) in a Rice code of parameter k: the quotient in unary, then k bits. */
function riceBits(gaps: Int32Array, k: number): number {
  let bits = 0;
  for (let i = 0; i < gaps.length; i++) bits += (gaps[i]! >>> k) + 1 + k;
  return bits;
}

/** The gaps before each of the ascending positions (−1 before the first); of the complement's, when asked. */
function gapsOf(members: Int32Array, size: number, complement: boolean): Int32Array {
  if (!complement) return members.map((p, i) => p - (i === 0 ? -1 : members[i - 1]!) - 1);
  const gaps = new Int32Array(size - members.length);
  let [m, g, last] = [0, 0, -1];
  for (let p = 0; p < size; p++) {
    if (m < members.length && members[m] === p) m += 1;
    else {
      gaps[g++] = p - last - 1;
      last = p;
    }
  }
  return gaps;
}

/** The set of the ascending, distinct positions `members` of 0…size−1. */
export function packPositions(members: Int32Array, size: number): PackedPositions {
  const complement = members.length > size / 2;
  const gaps = gapsOf(members, size, complement);
  // Near the best parameter: log2 of the mean gap; the neighbours are tried too (cheap, and exact).
  const mean = gaps.length > 0 ? gaps.reduce((a, b) => a + b, 0) / gaps.length : 0;
  const guess = Math.max(0, Math.floor(Math.log2(Math.max(1, mean))));
  let k = guess;
  for (const candidate of [guess - 1, guess + 1]) if (candidate >= 0 && riceBits(gaps, candidate) < riceBits(gaps, k)) k = candidate;
  const bits = riceBits(gaps, k);
  if (bits >= size) return { e: 'b', k: 0, n: members.length, z: encodeZ85(bitset(members, size)) };

  const bytes = new Uint8Array(Math.ceil(bits / 8));
  const one = (i: number) => (bytes[i >> 3]! |= 0x80 >> (i & 7));
  let bit = 0;
  for (const x of gaps) {
    // The quotient x >> k as that many ones and a zero, then x's k low bits.
    for (let q = x >>> k; q > 0; q--) one(bit++);
    bit += 1;
    for (let b = k - 1; b >= 0; b--, bit++) if ((x >>> b) & 1) one(bit);
  }
  return { e: complement ? 'c' : 'r', k, n: gaps.length, z: encodeZ85(bytes) };
}

function bitset(members: Int32Array, size: number): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(size / 8));
  for (const p of members) bytes[p >> 3]! |= 0x80 >> (p & 7);
  return bytes;
}

/** The set as a bitmap of `size` positions (1 = member). */
export function unpackPositions(set: PackedPositions, size: number): Uint8Array {
  const out = new Uint8Array(size);
  if (set.e === 'b') {
    const bytes = decodeZ85(set.z, Math.ceil(size / 8));
    for (let p = 0; p < size; p++) out[p] = (bytes[p >> 3]! >> (7 - (p & 7))) & 1;
    return out;
  }
  const bytes = decodeZ85(set.z, Math.ceil(set.z.length / 5) * 4);
  const read = (i: number) => (bytes[i >> 3]! >> (7 - (i & 7))) & 1;
  let bit = 0;
  let p = -1;
  for (let m = 0; m < set.n; m++) {
    // The quotient, then the low bits shifted in after it: x = quotient × 2^k + low bits.
    let x = 0;
    while (read(bit) === 1) {
      x += 1;
      bit += 1;
    }
    bit += 1;
    for (let b = 0; b < set.k; b++, bit++) x = x * 2 + read(bit);
    p += x + 1;
    out[p] = 1;
  }
  if (set.e === 'c') for (let q = 0; q < size; q++) out[q] = out[q] === 1 ? 0 : 1;
  return out;
}

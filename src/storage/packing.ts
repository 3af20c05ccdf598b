/**
 * Compact values for the admin listing's snapshot (listing-snapshot.ts): lists of small integers
 * packed into a fixed number of bits each, written as Z85 text (4 bytes in 5 printable characters,
 * none of which JSON escapes) so a 10 KB storage unit holds ~7,800 bytes of them; sets of positions
 * are in position-sets.ts. Pure.
 */
const Z85 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';
const DECODE = new Map([...Z85].map((c, i) => [c, i]));

export function encodeZ85(bytes: Uint8Array): string {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  let out = '';
  for (let i = 0; i < padded.length; i += 4) {
    let value = ((padded[i]! << 24) >>> 0) + (padded[i + 1]! << 16) + (padded[i + 2]! << 8) + padded[i + 3]!;
    let chunk = '';
    for (let j = 0; j < 5; j++) {
      chunk = Z85[value % 85]! + chunk;
      value = Math.floor(value / 85);
    }
    out += chunk;
  }
  return out;
}

export function decodeZ85(text: string, length: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(text.length / 5) * 4);
  for (let i = 0, o = 0; i < text.length; i += 5, o += 4) {
    let value = 0;
    for (let j = 0; j < 5; j++) value = value * 85 + (DECODE.get(text[i + j]!) ?? 0);
    out[o] = (value >>> 24) & 255;
    out[o + 1] = (value >>> 16) & 255;
    out[o + 2] = (value >>> 8) & 255;
    out[o + 3] = value & 255;
  }
  return out.subarray(0, length);
}

/** Bits needed to write any of 0…n−1 (at least 1). */
export const widthFor = (n: number) => Math.max(1, Math.ceil(Math.log2(Math.max(2, n))));

export function packInts(values: ArrayLike<number>, width: number): string {
  const bytes = new Uint8Array(Math.ceil((values.length * width) / 8));
  let bit = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    for (let b = width - 1; b >= 0; b--, bit++) if ((v >>> b) & 1) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  }
  return encodeZ85(bytes);
}

export function unpackInts(text: string, width: number, count: number): number[] {
  const bytes = decodeZ85(text, Math.ceil((count * width) / 8));
  const out = new Array<number>(count);
  let bit = 0;
  for (let i = 0; i < count; i++) {
    let v = 0;
    for (let b = 0; b < width; b++, bit++) v = (v << 1) | ((bytes[bit >> 3]! >> (7 - (bit & 7))) & 1);
    out[i] = v >>> 0;
  }
  return out;
}

/**
 * CRC-32 (IEEE 802.3, as ZIP uses it), incremental. Slicing-by-4: four
 * table lookups per 32-bit word instead of one per byte, about three times
 * faster on firmware-sized entries.
 */
const TABLES = (() => {
  const t = Array.from({ length: 4 }, () => new Int32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0]![n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let s = 1; s < 4; s++) t[s]![n] = t[0]![t[s - 1]![n]! & 0xff]! ^ (t[s - 1]![n]! >>> 8);
  }
  return t as [Int32Array, Int32Array, Int32Array, Int32Array];
})();

/** Feeds `bytes` into a running CRC; start with 0, the result is the unsigned CRC so far. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const [t0, t1, t2, t3] = TABLES;
  let c = ~previous;
  let i = 0;
  const words = bytes.length & ~3;
  for (; i < words; i += 4) {
    c ^= bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    c = t3[c & 0xff]! ^ t2[(c >>> 8) & 0xff]! ^ t1[(c >>> 16) & 0xff]! ^ t0[c >>> 24]!;
  }
  for (; i < bytes.length; i++) c = t0[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

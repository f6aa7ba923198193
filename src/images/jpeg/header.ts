import type { JpegHeaderFacts } from "./memory";

/**
 * The frame header facts the memory model needs (size, components, their
 * sampling factors, progressive or not), read from the SOFn segment; undefined
 * when `bytes` is not a JPEG or ends before its frame header.
 */
export function readJpegHeaderFacts(bytes: Uint8Array): JpegHeaderFacts | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte before a marker
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      const components = bytes[at + 9];
      if (components === undefined || at + 10 + components * 3 > bytes.length) return undefined;
      const sampling: Array<[number, number]> = [];
      for (let i = 0; i < components; i++) {
        const factors = bytes[at + 11 + i * 3]!;
        sampling.push([factors >> 4, factors & 15]);
      }
      return {
        height: (bytes[at + 5]! << 8) | bytes[at + 6]!,
        width: (bytes[at + 7]! << 8) | bytes[at + 8]!,
        components,
        // SOF2, SOF6, SOF10, SOF14 are the progressive processes.
        progressive: (marker & 3) === 2,
        sampling,
      };
    }
    at += 2 + length;
  }
  return undefined;
}

import { PhotonImage } from "@cf-wasm/photon";

/** Width and height from a JPEG's SOFn header; throws if the bytes are not a JPEG. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error("not a JPEG");
  let at = 2;
  while (at + 9 < bytes.length) {
    const marker = bytes[at + 1]!;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
    }
    at += 2 + length;
  }
  throw new Error("no frame header");
}

/** The RGB colour at (x, y) of a JPEG, decoded independently of the code under test's pipeline. */
export function pixelAt(jpeg: Uint8Array, x: number, y: number): [number, number, number] {
  const image = PhotonImage.new_from_byteslice(jpeg);
  try {
    const px = image.get_raw_pixels();
    const i = (y * image.get_width() + x) * 4;
    return [px[i]!, px[i + 1]!, px[i + 2]!];
  } finally {
    image.free();
  }
}

/** True when two colours are within `tolerance` per channel (JPEG is lossy). */
export function near(a: number[], b: number[], tolerance = 40): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);
}

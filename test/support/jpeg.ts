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

/** A JPEG with an APP1 Exif segment after SOI whose first IFD holds only Orientation (0x0112) = `orientation`. */
export function withOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  // "Exif\0\0", then a little-endian TIFF header ("II", 42, IFD at 8) and one SHORT entry; no next IFD.
  const tiff = [0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = payload.length + 2;
  const segment = [0xff, 0xe1, length >> 8, length & 255, ...payload];
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2));
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}

/** width×height RGB with red growing left to right and green top to bottom: where a pixel lands shows how it was turned. */
export function gradient(width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      rgb[i] = (x * 255) / (width - 1);
      rgb[i + 1] = (y * 255) / (height - 1);
      rgb[i + 2] = 96;
    }
  }
  return rgb;
}

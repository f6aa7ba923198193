import { PhotonImage } from "@cf-wasm/photon";

/** Decodes any image photon reads (image-rs: the tests' independent decoder) to RGBA. */
export function decodeReference(bytes: Uint8Array): { rgba: Uint8Array; width: number; height: number } {
  const image = PhotonImage.new_from_byteslice(bytes);
  try {
    return { rgba: image.get_raw_pixels(), width: image.get_width(), height: image.get_height() };
  } finally {
    image.free();
  }
}

/**
 * PSNR of the luma (BT.601 Y) of two images of the same size, in dB. Luma,
 * because a 4:2:0 JPEG halves chroma on purpose: RGB PSNR would score the
 * encoder's chroma subsampling, not the resize.
 */
export function lumaPsnr(a: Uint8Array, b: Uint8Array): { psnr: number; width: number; height: number } {
  const x = decodeReference(a);
  const y = decodeReference(b);
  if (x.width !== y.width || x.height !== y.height) throw new Error(`sizes differ: ${x.width}×${x.height} vs ${y.width}×${y.height}`);
  let sum = 0;
  for (let i = 0; i < x.rgba.length; i += 4) {
    const d = luma(x.rgba, i) - luma(y.rgba, i);
    sum += d * d;
  }
  const mse = sum / (x.width * x.height);
  return { psnr: mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse), width: x.width, height: x.height };
}

const luma = (p: Uint8Array, i: number) => 0.299 * p[i]! + 0.587 * p[i + 1]! + 0.114 * p[i + 2]!;

/**
 * Writes the small image fixtures in test/fixtures once (they are
 * committed): four coloured quadrants (red, green / blue, yellow) make
 * orientation, flips and colour shifts easy to see and to assert.
 *
 *   npx tsx scripts/make-fixtures.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { createJpegCodec, type EncodeOptions } from "../src/images/jpeg/codec.ts";
import { readJpegHeaderFacts } from "../src/images/jpeg/header.ts";
import { photoPixels } from "./lib/photo.ts";

const out = (name: string, bytes: Uint8Array | Buffer) => writeFileSync(`test/fixtures/${name}`, bytes);

function quadrants(width: number, height: number, channels: 3 | 4 = 3, alphaRight = false): Buffer {
  const px = Buffer.alloc(width * height * channels);
  const colours = [
    [220, 30, 30],
    [30, 180, 60],
    [40, 70, 220],
    [240, 210, 40],
  ];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = colours[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)]!;
      const i = (y * width + x) * channels;
      px.set(c, i);
      if (channels === 4) px[i + 3] = alphaRight && x >= width / 2 ? 0 : 255;
    }
  }
  return px;
}

const raw = (w: number, h: number, ch: 3 | 4 = 3, alpha = false) => sharp(quadrants(w, h, ch, alpha), { raw: { width: w, height: h, channels: ch } });

out("baseline.jpg", await raw(400, 300).jpeg({ quality: 80 }).toBuffer());
out("progressive.jpg", await raw(400, 300).jpeg({ quality: 80, progressive: true }).toBuffer());
// Stored 400×300 but tagged "rotate 90° clockwise to display": shown 300×400.
out("exif-orientation-6.jpg", await raw(400, 300).jpeg({ quality: 80 }).withMetadata({ orientation: 6 }).toBuffer());
// Stored 400×300, displayed rotated 90° counter-clockwise: shown 300×400.
out("exif-orientation-8.jpg", await raw(400, 300).jpeg({ quality: 80 }).withMetadata({ orientation: 8 }).toBuffer());
out("sampling-444.jpg", await raw(400, 300).jpeg({ quality: 80, chromaSubsampling: "4:4:4" }).toBuffer());
// libvips writes only 4:2:0 and 4:4:4 and no restart markers: these come from
// libjpeg's own encoder (the codec's encodeJpegWith), and sharp must read them back.
const jpegCodec = createJpegCodec(new WebAssembly.Module(readFileSync("src/images/jpeg/jpeg.wasm")));
const lumaSampling = (bytes: Buffer) => readJpegHeaderFacts(bytes)?.sampling?.[0]?.join("×");
const libjpegMade: Array<[string, EncodeOptions, (bytes: Buffer) => boolean]> = [
  ["sampling-422.jpg", { sampling: "4:2:2" }, (b) => lumaSampling(b) === "2×1"],
  ["sampling-440.jpg", { sampling: "4:4:0" }, (b) => lumaSampling(b) === "1×2"],
  // A restart marker after every MCU row (DRI segment FF DD, then RST0-7 markers).
  ["restart-interval.jpg", { restartRows: 1 }, (b) => b.includes(Buffer.from([0xff, 0xdd])) && b.includes(Buffer.from([0xff, 0xd3]))],
];
for (const [name, options, isRight] of libjpegMade) {
  const bytes = Buffer.from(jpegCodec.encodeJpegWith(quadrants(400, 300), 400, 300, options));
  const meta = await sharp(bytes).metadata();
  await sharp(bytes).raw().toBuffer(); // an independent decoder reads it whole
  if (meta.width !== 400 || meta.height !== 300 || !isRight(bytes)) throw new Error(`${name} did not come out as intended`);
  out(name, bytes);
}
out("grayscale.jpg", await raw(400, 300).grayscale().jpeg({ quality: 80 }).toBuffer());
out("cmyk.jpg", await raw(400, 300).toColourspace("cmyk").jpeg({ quality: 80 }).toBuffer());
out("alpha.png", await raw(400, 300, 4, true).png().toBuffer());
out("16bit.png", await raw(400, 300).toColourspace("rgb16").png().toBuffer());
out("image.webp", await raw(400, 300).webp({ quality: 80 }).toBuffer());
out("small.png", await raw(40, 30).png().toBuffer());
const frame = (w: number, h: number) => quadrants(w, h, 4);
out(
  "animated.gif",
  await sharp(Buffer.concat([frame(200, 150), Buffer.alloc(200 * 150 * 4, 255)]), { raw: { width: 200, height: 300, channels: 4, pageHeight: 150 } })
    .gif({ loop: 0, delay: [100, 100] })
    .toBuffer(),
);
out("drawing.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'));
out(
  "document.pdf",
  Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
);

const baseline = await raw(400, 300).jpeg({ quality: 80 }).toBuffer();
out("truncated.jpg", baseline.subarray(0, Math.floor(baseline.length / 2)));
// Headers intact, entropy-coded data replaced by noise: only a decoder can tell.
const scrambled = Buffer.from(baseline);
for (let i = 700; i < scrambled.length - 2; i++) scrambled[i] = (i * 37) & 0xfe;
out("corrupt-data.jpg", scrambled);

// A PNG that claims 50 000 × 50 000 pixels in a few dozen bytes.
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(50_000, 0);
ihdr.writeUInt32BE(50_000, 4);
ihdr.set([8, 2, 0, 0, 0], 8);
out(
  "bomb.png",
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(1000))),
    chunk("IEND", Buffer.alloc(0)),
  ]),
);

// PNG layouts the streaming decoder handles row by row (and Adam7, which it decodes whole).
out("palette-trns.png", await raw(400, 300, 4, true).png({ palette: true }).toBuffer());
out("interlaced.png", await raw(400, 300).png({ progressive: true }).toBuffer());
out("16bit-alpha.png", await raw(400, 300, 4, true).toColourspace("rgb16").png().toBuffer());
const grayAlpha = Buffer.alloc(400 * 300 * 2);
for (let i = 0; i < 400 * 300; i++) {
  grayAlpha[i * 2] = i % 400 < 200 ? 60 : 200; // dark left half, light right half
  grayAlpha[i * 2 + 1] = Math.floor(i / 400) < 150 ? 255 : 0; // bottom half transparent
}
out(
  "gray-alpha.png",
  await sharp(grayAlpha, { raw: { width: 400, height: 300, channels: 2 } })
    .toColourspace("b-w")
    .png()
    .toBuffer(),
);
out("image.avif", await raw(400, 300).avif({ quality: 70 }).toBuffer());

// An iPhone-style HEIC header (ftyp heic/mif1, meta → iprp → ipco → ispe 4032×3024) and no real image data.
const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + body.length);
  return Buffer.concat([size, Buffer.from(type, "ascii"), body]);
};
const ispe = Buffer.alloc(12);
ispe.writeUInt32BE(4032, 4);
ispe.writeUInt32BE(3024, 8);
out(
  "fake.heic",
  Buffer.concat([
    box("ftyp", Buffer.from("heic\0\0\0\0mif1heic", "latin1")),
    box("meta", Buffer.alloc(4), box("iprp", box("ipco", box("ispe", ispe)))),
    box("mdat", Buffer.alloc(256, 0x5a)),
  ]),
);

// Three photo-like sources and sharp's lossless 512 px thumbnails of them: the quality references.
for (const seed of [1, 2, 3]) {
  const [w, h] = seed === 2 ? [900, 1200] : [1200, 900];
  const photo = await sharp(photoPixels(w, h, seed), { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
  out(`photo-${seed}.jpg`, photo);
  out(`photo-${seed}.ref512.png`, await sharp(photo).resize(512, 512, { fit: "inside" }).png({ compressionLevel: 9 }).toBuffer());
}
console.log("fixtures written to test/fixtures");

import { describe, expect, it } from "vitest";
import { encodeJpegWith, jpegPeakBytes, jpegThumbnail, readJpegHeaderFacts } from "../../../src/images/jpeg";
import { jpegSize, near, pixelAt } from "../../support/jpeg";

const WIDTH = 6000;
const HEIGHT = 4000;

/** A 24 MP gradient: red grows left to right, green top to bottom, blue constant. */
function gradient(): Uint8Array {
  const rgb = new Uint8Array(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    const green = Math.round((y * 255) / (HEIGHT - 1));
    for (let x = 0, i = y * WIDTH * 3; x < WIDTH; x++, i += 3) {
      rgb[i] = Math.round((x * 255) / (WIDTH - 1));
      rgb[i + 1] = green;
      rgb[i + 2] = 96;
    }
  }
  return rgb;
}

describe("a 6000×4000 JPEG made on the fly", () => {
  const rgb = gradient();

  it.each([
    ["baseline", false],
    ["progressive", true],
  ])(
    "%s: shrinks to 512×341 with the gradient's colours, within the memory model",
    (_, progressive) => {
      const source = encodeJpegWith(rgb, WIDTH, HEIGHT, { quality: 90, progressive });
      const facts = readJpegHeaderFacts(source)!;
      expect(facts).toMatchObject({ width: WIDTH, height: HEIGHT, components: 3, progressive });

      const thumb = jpegThumbnail(source, 512, 1);

      expect(jpegSize(thumb.jpeg)).toEqual({ width: 512, height: 341 });
      for (const [x, y] of [
        [10, 10],
        [256, 170],
        [500, 20],
        [30, 330],
        [480, 300],
      ] as const) {
        const expected = [((x + 0.5) / 512) * 255, ((y + 0.5) / 341) * 255, 96];
        expect(near(pixelAt(thumb.jpeg, x, y), expected, 8), `(${x}, ${y}): ${pixelAt(thumb.jpeg, x, y)} vs ${expected}`).toBe(true);
      }
      expect(thumb.peakBytes).toBeLessThanOrEqual(jpegPeakBytes(facts, 512));
      // A baseline decode holds rows, never the image; progressive holds its coefficients (3 bytes a pixel at 4:2:0).
      expect(thumb.peakBytes).toBeLessThan(progressive ? 80 * 2 ** 20 : 4 * 2 ** 20);
    },
    60_000,
  );
});

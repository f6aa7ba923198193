/** The seven Adam7 passes (PNG spec §8.2): start offset and step in each direction. */
export const ADAM7 = [
  { x: 0, y: 0, dx: 8, dy: 8 },
  { x: 4, y: 0, dx: 8, dy: 8 },
  { x: 0, y: 4, dx: 4, dy: 8 },
  { x: 2, y: 0, dx: 4, dy: 4 },
  { x: 0, y: 2, dx: 2, dy: 4 },
  { x: 1, y: 0, dx: 2, dy: 2 },
  { x: 0, y: 1, dx: 1, dy: 2 },
] as const;

/** Writes row `row` of a pass (packed RGB) to its pixels' places in the full-size canvas. */
export function scatterPass(canvas: Uint8Array, width: number, pass: (typeof ADAM7)[number], row: number, rgb: Uint8Array): void {
  const y = pass.y + row * pass.dy;
  let d = (y * width + pass.x) * 3;
  const step = pass.dx * 3;
  for (let s = 0; s < rgb.length; s += 3, d += step) {
    canvas[d] = rgb[s]!;
    canvas[d + 1] = rgb[s + 1]!;
    canvas[d + 2] = rgb[s + 2]!;
  }
}

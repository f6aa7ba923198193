/**
 * Reduces an image that arrives one row at a time, holding only a few rows:
 * the way libvips shrinks, in two steps. First an integer box average by k
 * (cheap, exact, done as rows arrive), chosen so that 2-4× is left; then a
 * separable Lanczos3 filter for that last, non-integer step, which keeps
 * edges crisp where a box alone would look soft. Pixels are packed 8-bit RGB.
 */
export class RowReducer {
  private readonly k: number;
  private readonly boxWidth: number;
  private readonly boxHeight: number;
  private readonly boxRow: Float32Array;
  private boxRowsIn = 0;
  private boxY = 0;
  private readonly horizontal: Weights;
  private readonly vertical: Weights;
  /** Horizontally filtered box rows, indexed by box row modulo the ring's length. */
  private readonly ring: Float32Array[];
  private nextOut = 0;
  readonly output: Uint8Array;

  constructor(
    readonly srcWidth: number,
    readonly srcHeight: number,
    readonly width: number,
    readonly height: number,
  ) {
    const ratio = Math.min(srcWidth / width, srcHeight / height);
    this.k = ratio >= 4 ? Math.floor(ratio / 2) : 1;
    this.boxWidth = Math.max(1, Math.floor(srcWidth / this.k));
    this.boxHeight = Math.max(1, Math.floor(srcHeight / this.k));
    this.boxRow = new Float32Array(this.boxWidth * 3);
    this.horizontal = lanczos3(this.boxWidth, width);
    this.vertical = lanczos3(this.boxHeight, height);
    this.ring = Array.from({ length: this.vertical.taps + 1 }, () => new Float32Array(width * 3));
    this.output = new Uint8Array(width * height * 3);
  }

  /** Adds the next source row (srcWidth × 3 bytes). Rows past the last whole box are dropped. */
  push(row: Uint8Array): void {
    if (this.boxY >= this.boxHeight) return;
    const { k, boxRow, boxWidth } = this;
    if (k === 1) {
      for (let i = 0; i < boxWidth * 3; i++) boxRow[i] = row[i]!;
    } else {
      for (let bx = 0, s = 0, d = 0; bx < boxWidth; bx++, d += 3) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let j = 0; j < k; j++, s += 3) {
          r += row[s]!;
          g += row[s + 1]!;
          b += row[s + 2]!;
        }
        boxRow[d] = boxRow[d]! + r;
        boxRow[d + 1] = boxRow[d + 1]! + g;
        boxRow[d + 2] = boxRow[d + 2]! + b;
      }
    }
    if (++this.boxRowsIn < k) return;
    this.boxRowsIn = 0;
    this.filterRow(this.boxY++, 1 / (k * k));
    boxRow.fill(0);
  }

  /** The reduced image, once every source row has been pushed. */
  finish(): Uint8Array {
    while (this.nextOut < this.height) this.emit(this.nextOut++);
    return this.output;
  }

  /** Filters box row y horizontally into the ring, then writes every output row it completes. */
  private filterRow(y: number, norm: number): void {
    const { index, taps, weights } = this.horizontal;
    const target = this.ring[y % this.ring.length]!;
    const src = this.boxRow;
    for (let x = 0, w = 0; x < this.width; x++, w += taps) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let t = 0; t < taps; t++) {
        const weight = weights[w + t]!;
        const s = index[w + t]!;
        r += src[s]! * weight;
        g += src[s + 1]! * weight;
        b += src[s + 2]! * weight;
      }
      target[x * 3] = r * norm;
      target[x * 3 + 1] = g * norm;
      target[x * 3 + 2] = b * norm;
    }
    // Output row n needs box rows up to start + taps - 1 (clamped to the last).
    while (this.nextOut < this.height && Math.min(this.vertical.start[this.nextOut]! + this.vertical.taps - 1, this.boxHeight - 1) <= y) {
      this.emit(this.nextOut++);
    }
  }

  private emit(n: number): void {
    const { start, taps, weights } = this.vertical;
    const out = this.output;
    const base = n * this.width * 3;
    const rowLength = this.width * 3;
    const acc = new Float32Array(rowLength);
    for (let t = 0; t < taps; t++) {
      const weight = weights[n * taps + t]!;
      if (weight === 0) continue;
      const row = this.ring[clampIndex(start[n]! + t, this.boxHeight) % this.ring.length]!;
      for (let i = 0; i < rowLength; i++) acc[i] = acc[i]! + row[i]! * weight;
    }
    for (let i = 0; i < rowLength; i++) {
      const v = acc[i]!;
      out[base + i] = v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
    }
  }
}

const clampIndex = (i: number, n: number) => (i < 0 ? 0 : i >= n ? n - 1 : i);

interface Weights {
  /** First source index of each output pixel's window (may be < 0: clamped when read). */
  start: Int32Array;
  taps: number;
  /** taps weights per output pixel, summing to 1. */
  weights: Float32Array;
  /** The clamped source offset (× 3, for packed RGB) each weight applies to. */
  index: Int32Array;
}

function lanczos(x: number): number {
  if (x === 0) return 1;
  if (x <= -3 || x >= 3) return 0;
  const px = Math.PI * x;
  return (3 * Math.sin(px) * Math.sin(px / 3)) / (px * px);
}

/** Lanczos3 weights from n source pixels to m output pixels, the kernel widened by the scale when reducing. */
function lanczos3(n: number, m: number): Weights {
  const scale = n / m;
  const support = 3 * Math.max(1, scale);
  const taps = Math.ceil(support * 2) + 1;
  const start = new Int32Array(m);
  const weights = new Float32Array(m * taps);
  const index = new Int32Array(m * taps);
  for (let i = 0; i < m; i++) {
    const centre = (i + 0.5) * scale - 0.5;
    const first = Math.floor(centre - support) + 1;
    start[i] = first;
    let sum = 0;
    for (let t = 0; t < taps; t++) {
      const w = lanczos((first + t - centre) / Math.max(1, scale));
      weights[i * taps + t] = w;
      index[i * taps + t] = clampIndex(first + t, n) * 3;
      sum += w;
    }
    for (let t = 0; t < taps; t++) weights[i * taps + t] = weights[i * taps + t]! / sum;
  }
  return { start, taps, weights, index };
}

/**
 * Photo-like test content, made deterministically (no real photos ship with
 * the repository): a sky-to-ground scene with fractal texture at several
 * scales, hard-edged objects and fine sensor-like grain. It exercises what a
 * resampler gets wrong on photos (edges, texture, smooth gradients), and it
 * looks the same at any size, so thumbnails of a 1 MP and a 24 MP version
 * are comparable.
 */
export function photoPixels(width: number, height: number, seed: number): Buffer {
  const noise = valueNoise(seed);
  const grain = valueNoise(seed + 101);
  const rnd = mulberry32(seed);
  const scale = Math.max(width, height);
  const objects = Array.from({ length: 9 }, () => ({
    round: rnd() < 0.5,
    x: rnd() * width,
    y: (0.3 + rnd() * 0.6) * height,
    r: (0.03 + rnd() * 0.1) * scale,
    colour: [40 + rnd() * 200, 40 + rnd() * 200, 40 + rnd() * 200],
  }));
  const skyTop = [60 + rnd() * 60, 110 + rnd() * 60, 190 + rnd() * 50];
  const ground = [70 + rnd() * 80, 90 + rnd() * 70, 30 + rnd() * 40];
  const px = Buffer.alloc(width * height * 3);
  const horizons = Float32Array.from({ length: width }, (_, x) => 0.5 + 0.08 * fbm(noise, (x / width) * 3, 0.5, 3));
  const c = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    const v = y / height;
    for (let x = 0; x < width; x++) {
      const texture = fbm(noise, (x / scale) * 6, (y / scale) * 6, 5);
      const horizon = horizons[x]!;
      if (v < horizon) {
        const t = v / horizon;
        for (let i = 0; i < 3; i++) c[i] = skyTop[i]! + (235 - skyTop[i]!) * t + texture * 12;
      } else {
        const t = (v - horizon) / (1 - horizon);
        for (let i = 0; i < 3; i++) c[i] = ground[i]! * (0.7 + 0.5 * t) + texture * (50 + 20 * i);
      }
      for (const o of objects) {
        const dx = x - o.x;
        const dy = y - o.y;
        const inside = o.round ? dx * dx + dy * dy < o.r * o.r : Math.abs(dx) < o.r && Math.abs(dy) < o.r * 1.6;
        if (inside) for (let i = 0; i < 3; i++) c[i] = o.colour[i]! * (0.85 - 0.09 * (dy / o.r)) + texture * 25;
      }
      const fine = (grain((x * 0.7) | 0, (y * 0.7) | 0) - 0.5) * 10;
      const i = (y * width + x) * 3;
      px[i] = clamp(c[0]! + fine);
      px[i + 1] = clamp(c[1]! + fine);
      px[i + 2] = clamp(c[2]! + fine);
    }
  }
  return px;
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lattice value noise: a hashed value in [0,1) per integer point. */
function valueNoise(seed: number) {
  return (x: number, y: number) => {
    let h = Math.imul(x, 374761393) ^ Math.imul(y, 668265263) ^ Math.imul(seed, 1442695041);
    h = Math.imul(h ^ (h >>> 13), 1274126177);
    return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
  };
}

/** Fractal sum of smoothly interpolated value noise, in about [-1, 1]. */
function fbm(noise: (x: number, y: number) => number, x: number, y: number, octaves: number): number {
  let sum = 0;
  let amplitude = 1;
  for (let o = 0; o < octaves; o++) {
    const xi = Math.floor(x);
    const yi = Math.floor(y);
    const fx = x - xi;
    const fy = y - yi;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const a = noise(xi, yi) + (noise(xi + 1, yi) - noise(xi, yi)) * sx;
    const b = noise(xi, yi + 1) + (noise(xi + 1, yi + 1) - noise(xi, yi + 1)) * sx;
    sum += (a + (b - a) * sy - 0.5) * 2 * amplitude;
    amplitude *= 0.55;
    x *= 2.1;
    y *= 2.1;
  }
  return sum;
}

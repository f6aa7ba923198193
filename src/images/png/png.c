/*
 * A PNG's image data to a thumbnail's pixels, as the compressed bytes stream
 * in: inflate (inflate.c) into a 32 KB window plus a little, cut the output
 * into rows, reverse each row's filter (PNG spec §9), turn it into 8-bit RGB
 * flattened on white, and shrink it the way libvips does: an integer box
 * average by k as rows arrive, then Lanczos3 (../jpeg/resample.c) for the
 * last 2-4×. Memory holds a few rows, never the image; an interlaced (Adam7)
 * PNG is the exception, its passes gathered into one RGB canvas first.
 *
 * The host (codec.ts) parses the chunks, calls png_begin with IHDR's facts,
 * the palette and tRNS, writes IDAT data at png_input() and calls png_feed.
 * Errors are returned, not trapped: png_error() says what was wrong.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../jpeg/resample.h"
#include "inflate.h"

#define EXPORT __attribute__((visibility("default"), used))

/* Compressed bytes taken per png_feed; the host writes up to png_input_room() of them. */
#define INPUT_CAPACITY 65536
#define WINDOW 32768
/* Inflated bytes decoded between two window slides. */
#define OUTPUT_AREA 262144
/* After the last row, this much more inflated output is read (for the end of the stream and its Adler-32), no more. */
#define MAX_TRAILING_OUTPUT (1 << 20)
#define MAX_PIXELS 120000000u
/* Box sums are 16-bit: 257 × 255 is the most they can hold. */
#define MAX_BOX 257
/* Zero bytes before each row buffer: the filters' "pixel to the left" of the first pixel. */
#define LEAD 8

/* What png_begin and png_feed return (codec.ts maps the failures to errors). */
enum { FEED_MORE = 0, FEED_DONE = 1, CORRUPT_DATA = -1, BAD_FILTER = -2, ENDS_EARLY = -3, BAD_HEADER = -4, NO_MEMORY = -5 };

static const uint8_t PASS_X[7] = {0, 4, 0, 2, 0, 1, 0}, PASS_Y[7] = {0, 0, 4, 0, 2, 0, 1};
static const uint8_t PASS_DX[7] = {8, 8, 4, 4, 2, 2, 1}, PASS_DY[7] = {8, 8, 8, 4, 4, 2, 2};

static const char *error_text;

/* The image and its rows. */
static uint32_t width, height;
static int depth, colour, interlaced;
static int channels;
static uint8_t lut[256 * 3]; /* palette colours, flattened on white by their tRNS alpha */
static int has_key;
static uint32_t key[3]; /* tRNS for gray/RGB: the sample values that are transparent */

static inflater_t *inflater;
static uint8_t *input;
static size_t input_len;
static uint8_t *window, *window_out, *rows_at;
static size_t trailing; /* output read after the last row */

static int pass;
static uint32_t pass_width, pass_height, pass_row;
static size_t row_bytes;
static int bpp;
static int filter = -1;
static size_t filled;
static uint8_t *cur, *prev; /* row buffers, each LEAD bytes after an allocation */
static uint8_t *rgb;
static uint8_t *canvas;
static int rows_done;

/* The reducer: box sums of k × k pixels, then Lanczos3. */
static uint32_t k, box_width, box_height, box_y, box_rows_in;
static uint16_t *sums;
static uint8_t *box_row;
static resampler_t *resampler;
static uint8_t *output;

EXPORT const char *png_error(void) { return error_text; }

static int fail(int status, const char *why) {
  error_text = why;
  return status;
}

static void *allocate(size_t n) { return calloc(1, n); }

/* ---- Colour: one unfiltered row to packed RGB, flattened on white ------------ */

/* a/255 of colour c over white, rounded. */
static inline uint8_t over(uint32_t c, uint32_t a) {
  const uint32_t t = (255 - c) * a + 128;
  return (uint8_t)(255 - ((t + (t >> 8)) >> 8));
}

static inline uint32_t sample(const uint8_t *row, size_t n) {
  if (depth == 8) return row[n];
  if (depth == 16) return (uint32_t)row[n * 2] << 8 | row[n * 2 + 1];
  const unsigned per_byte = 8 / depth;
  return (row[n / per_byte] >> (8 - depth * (n % per_byte + 1))) & ((1u << depth) - 1);
}

static inline uint32_t scale(uint32_t v) {
  if (depth == 8) return v;
  if (depth == 16) return (v * 255 + 32895) >> 16;
  const uint32_t max = (1u << depth) - 1;
  return (v * 255 * 2 + max) / (max * 2); /* v × 255 / max, rounded */
}

/* Returns the row as RGB: the row itself when it already is (8-bit RGB, no tRNS), else `rgb`. */
static const uint8_t *to_rgb(const uint8_t *row, uint32_t n) {
  uint8_t *o = rgb;
  if (colour == 2 && depth == 8 && !has_key) return row;
  if (colour == 6 && depth == 8) {
    for (uint32_t x = 0; x < n; x++, row += 4, o += 3) {
      const uint32_t a = row[3];
      if (a == 255) {
        o[0] = row[0], o[1] = row[1], o[2] = row[2];
      } else {
        o[0] = over(row[0], a), o[1] = over(row[1], a), o[2] = over(row[2], a);
      }
    }
    return rgb;
  }
  if (colour == 3) {
    for (uint32_t x = 0; x < n; x++, o += 3) {
      const uint32_t i = sample(row, x) * 3;
      o[0] = lut[i], o[1] = lut[i + 1], o[2] = lut[i + 2];
    }
    return rgb;
  }
  if (colour == 0 && depth == 8 && !has_key) {
    for (uint32_t x = 0; x < n; x++, o += 3) o[0] = o[1] = o[2] = row[x];
    return rgb;
  }
  for (uint32_t x = 0; x < n; x++, o += 3) {
    uint32_t r, g, b, a = 255;
    if (colour == 0 || colour == 4) {
      const uint32_t raw = sample(row, colour == 4 ? x * 2 : x);
      r = g = b = scale(raw);
      if (colour == 4) a = scale(sample(row, x * 2 + 1));
      else if (has_key && raw == key[0]) a = 0;
    } else {
      const uint32_t per = colour == 6 ? 4 : 3;
      const uint32_t rr = sample(row, x * per), gg = sample(row, x * per + 1), bb = sample(row, x * per + 2);
      r = scale(rr), g = scale(gg), b = scale(bb);
      if (colour == 6) a = scale(sample(row, x * 4 + 3));
      else if (has_key && rr == key[0] && gg == key[1] && bb == key[2]) a = 0;
    }
    o[0] = a == 255 ? r : over(r, a);
    o[1] = a == 255 ? g : over(g, a);
    o[2] = a == 255 ? b : over(b, a);
  }
  return rgb;
}

/* ---- Filters (PNG spec §9.2): raw bytes to the row, given the row above ------ */

static inline uint8_t paeth(int a, int b, int c) {
  const int pa0 = b - c, pb0 = a - c, pc0 = pa0 + pb0;
  const int pa = pa0 < 0 ? -pa0 : pa0, pb = pb0 < 0 ? -pb0 : pb0, pc = pc0 < 0 ? -pc0 : pc0;
  return (uint8_t)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
}

/*
 * Sub, Average and Paeth over whole pixels of `step` bytes (a constant where
 * this is inlined): the bytes to the left and up-left are carried in
 * registers instead of being re-read from the row just written, and the
 * channels' dependency chains run side by side.
 */
static inline __attribute__((always_inline)) void unfilter_pixels(int type, const uint8_t *raw, uint8_t *row, const uint8_t *up, size_t n,
                                                                  const int step) {
  int a[8] = {0}, c[8] = {0};
  if (type == 1) {
    for (size_t i = 0; i < n; i += step)
      for (int ch = 0; ch < step; ch++) row[i + ch] = (uint8_t)(a[ch] = (uint8_t)(raw[i + ch] + a[ch]));
  } else if (type == 3) {
    for (size_t i = 0; i < n; i += step)
      for (int ch = 0; ch < step; ch++) row[i + ch] = (uint8_t)(a[ch] = (uint8_t)(raw[i + ch] + ((a[ch] + up[i + ch]) >> 1)));
  } else {
    for (size_t i = 0; i < n; i += step)
      for (int ch = 0; ch < step; ch++) {
        const int b = up[i + ch];
        row[i + ch] = (uint8_t)(a[ch] = (uint8_t)(raw[i + ch] + paeth(a[ch], b, c[ch])));
        c[ch] = b;
      }
  }
}

/* `raw` may be `row` itself. row[-LEAD..-1] and prev[-LEAD..-1] are zeros, so the first pixel needs no case of its own. */
static int unfilter(int type, const uint8_t *raw, uint8_t *row, const uint8_t *up, size_t n, int step) {
  if (type > 4) return 0;
  if (type == 0) {
    if (raw != row) memcpy(row, raw, n);
  } else if (type == 2) {
    for (size_t i = 0; i < n; i++) row[i] = (uint8_t)(raw[i] + up[i]);
  } else if (step == 3) {
    unfilter_pixels(type, raw, row, up, n, 3); /* 8-bit RGB */
  } else if (step == 4) {
    unfilter_pixels(type, raw, row, up, n, 4); /* 8-bit RGBA, 16-bit gray+alpha */
  } else if (step == 6) {
    unfilter_pixels(type, raw, row, up, n, 6); /* 16-bit RGB */
  } else if (step == 8) {
    unfilter_pixels(type, raw, row, up, n, 8); /* 16-bit RGBA */
  } else {
    /* One or two bytes a pixel (gray, palette, gray+alpha 8-bit, gray 16-bit): byte by byte. */
    const ptrdiff_t s = step;
    if (type == 1)
      for (size_t i = 0; i < n; i++) row[i] = (uint8_t)(raw[i] + row[i - s]);
    else if (type == 3)
      for (size_t i = 0; i < n; i++) row[i] = (uint8_t)(raw[i] + ((row[i - s] + up[i]) >> 1));
    else
      for (size_t i = 0; i < n; i++) row[i] = (uint8_t)(raw[i] + paeth(row[i - s], up[i], up[i - s]));
  }
  return 1;
}

/* ---- The reducer ----------------------------------------------------------- */

static int reducer_begin(uint32_t target_width, uint32_t target_height) {
  const double ratio_x = (double)width / target_width, ratio_y = (double)height / target_height;
  const double ratio = ratio_x < ratio_y ? ratio_x : ratio_y;
  k = ratio >= 4 ? (uint32_t)(ratio / 2) : 1;
  if (k > MAX_BOX) k = MAX_BOX;
  box_width = width / k > 0 ? width / k : 1;
  box_height = height / k > 0 ? height / k : 1;
  resampler = resampler_new((int)box_width, (int)box_height, (int)target_width, (int)target_height, 3);
  if (!resampler) return 0;
  if (k > 1) {
    sums = allocate(sizeof(uint16_t) * box_width * k * 3);
    box_row = allocate((size_t)box_width * 3);
    if (!sums || !box_row) return 0;
  }
  return 1;
}

static void reducer_push(const uint8_t *row) {
  if (box_y >= box_height) return; /* rows past the last whole box */
  if (k == 1) {
    resampler_push_row(resampler, row);
    box_y++;
    return;
  }
  const size_t n = (size_t)box_width * k * 3;
  for (size_t i = 0; i < n; i++) sums[i] += row[i];
  if (++box_rows_in < k) return;
  box_rows_in = 0;
  const uint32_t area = k * k, half = area / 2;
  const uint16_t *s = sums;
  for (uint32_t x = 0; x < box_width; x++, s += k * 3) {
    uint32_t r = 0, g = 0, b = 0;
    for (uint32_t j = 0; j < k * 3; j += 3) r += s[j], g += s[j + 1], b += s[j + 2];
    box_row[x * 3] = (uint8_t)((r + half) / area);
    box_row[x * 3 + 1] = (uint8_t)((g + half) / area);
    box_row[x * 3 + 2] = (uint8_t)((b + half) / area);
  }
  memset(sums, 0, sizeof(uint16_t) * n);
  resampler_push_row(resampler, box_row);
  box_y++;
}

/* ---- Rows -------------------------------------------------------------------- */

static size_t bytes_for(uint32_t pixels) { return ((size_t)pixels * channels * depth + 7) / 8; }

/* Moves to the next pass with pixels in it (or, not interlaced, the only one); 0 when none is left. */
static int next_pass(void) {
  for (pass++; pass < (interlaced ? 7 : 1); pass++) {
    if (interlaced) {
      if (width <= PASS_X[pass] || height <= PASS_Y[pass]) continue; /* an empty pass has no bytes at all */
      pass_width = (width - PASS_X[pass] + PASS_DX[pass] - 1) / PASS_DX[pass];
      pass_height = (height - PASS_Y[pass] + PASS_DY[pass] - 1) / PASS_DY[pass];
    } else {
      pass_width = width, pass_height = height;
    }
    pass_row = 0;
    row_bytes = bytes_for(pass_width);
    memset(prev, 0, row_bytes); /* each pass starts with a row of zeros above it */
    return 1;
  }
  return 0;
}

static void emit_row(const uint8_t *row) {
  const uint8_t *pixels = to_rgb(row, pass_width);
  if (!interlaced) {
    reducer_push(pixels);
    return;
  }
  const uint32_t y = PASS_Y[pass] + pass_row * PASS_DY[pass], step = PASS_DX[pass] * 3;
  uint8_t *d = canvas + ((size_t)y * width + PASS_X[pass]) * 3;
  for (uint32_t x = 0; x < pass_width; x++, d += step, pixels += 3) d[0] = pixels[0], d[1] = pixels[1], d[2] = pixels[2];
}

/* Hands every complete row in [rows_at, window_out) on; keeps a partial one in `cur`. */
static int take_rows(void) {
  while (rows_at < window_out && !rows_done) {
    if (filter < 0) {
      filter = *rows_at++;
      continue;
    }
    const size_t available = window_out - rows_at;
    const uint8_t *raw;
    if (filled == 0 && available >= row_bytes) {
      raw = rows_at; /* the whole row is in the window: unfilter straight from it */
      rows_at += row_bytes;
    } else {
      const size_t n = row_bytes - filled < available ? row_bytes - filled : available;
      memcpy(cur + filled, rows_at, n);
      filled += n;
      rows_at += n;
      if (filled < row_bytes) return 1;
      raw = cur;
    }
    if (!unfilter(filter, raw, cur, prev, row_bytes, bpp)) return 0;
    emit_row(cur);
    uint8_t *swap = cur;
    cur = prev, prev = swap;
    filter = -1;
    filled = 0;
    if (++pass_row == pass_height && !next_pass()) {
      rows_done = 1;
      if (interlaced)
        for (uint32_t y = 0; y < height; y++) reducer_push(canvas + (size_t)y * width * 3);
    }
  }
  return 1;
}

/* ---- Exports ------------------------------------------------------------------ */

/*
 * Starts a decode. `palette` (PLTE) and `trns` (tRNS) are host-written copies
 * (png_alloc), or 0. Returns 0, BAD_HEADER (png_error() says why) or NO_MEMORY.
 */
EXPORT int32_t png_begin(uint32_t w, uint32_t h, int32_t bit_depth, int32_t colour_type, int32_t adam7, const uint8_t *palette,
                         int32_t palette_len, const uint8_t *trns, int32_t trns_len, uint32_t target_width, uint32_t target_height) {
  static const uint8_t CHANNELS[7] = {1, 0, 3, 1, 2, 0, 4};
  width = w, height = h, depth = bit_depth, colour = colour_type, interlaced = adam7;
  if (w == 0 || h == 0 || (uint64_t)w * h > MAX_PIXELS) return fail(BAD_HEADER, "its size is out of range");
  if (target_width == 0 || target_height == 0 || target_width > w || target_height > h) return fail(BAD_HEADER, "the thumbnail size is out of range");
  if (colour < 0 || colour > 6 || CHANNELS[colour] == 0) return fail(BAD_HEADER, "its colour type is not valid PNG");
  channels = CHANNELS[colour];
  bpp = (channels * depth + 7) / 8;
  if (colour == 3) {
    for (uint32_t i = 0; i < 256; i++) {
      const uint32_t a = (int32_t)i < trns_len ? trns[i] : 255;
      for (int c = 0; c < 3; c++) lut[i * 3 + c] = over(i * 3 + c < (uint32_t)palette_len ? palette[i * 3 + c] : 0, a);
    }
  } else if (trns_len >= (colour == 0 ? 2 : 6) && (colour == 0 || colour == 2)) {
    has_key = 1;
    for (int c = 0; c < (colour == 0 ? 1 : 3); c++) key[c] = (uint32_t)trns[c * 2] << 8 | trns[c * 2 + 1];
  }
  const size_t max_row = bytes_for(width);
  inflater = inflater_new();
  input = allocate(INPUT_CAPACITY + INFLATE_INPUT_PADDING);
  window = allocate(WINDOW + OUTPUT_AREA + INFLATE_OUTPUT_SLACK);
  uint8_t *a = allocate(max_row + LEAD), *b = allocate(max_row + LEAD);
  rgb = allocate((size_t)width * 3);
  if (!inflater || !input || !window || !a || !b || !rgb) return NO_MEMORY;
  cur = a + LEAD, prev = b + LEAD;
  if (interlaced && !(canvas = allocate((size_t)width * height * 3))) return NO_MEMORY;
  if (!reducer_begin(target_width, target_height)) return NO_MEMORY;
  window_out = rows_at = window;
  pass = -1;
  next_pass();
  return 0;
}

/* Bytes given to png_begin: the host copies PLTE and tRNS here. */
EXPORT uint8_t *png_alloc(uint32_t n) { return allocate(n); }

/* Where the host writes the next compressed bytes, and how many fit. */
EXPORT uint8_t *png_input(void) { return input + input_len; }
EXPORT int32_t png_input_room(void) { return INPUT_CAPACITY - (int32_t)input_len; }

/*
 * Takes `n` bytes written at png_input(); `last` once the IDAT chunks have
 * ended. Returns FEED_DONE when every row is in (png_output() then holds the
 * thumbnail's pixels), FEED_MORE for more input, or what is wrong: CORRUPT_DATA
 * (png_error() says how), BAD_FILTER (png_bad_filter() names it), ENDS_EARLY.
 */
EXPORT int32_t png_feed(int32_t n, int32_t last) {
  input_len += n;
  for (;;) {
    size_t used = 0;
    const int status = inflater_run(inflater, input, input_len, last, &used, window, &window_out, window + WINDOW + OUTPUT_AREA);
    memmove(input, input + used, input_len - used);
    input_len -= used;
    if (status == INFLATE_ERROR) return fail(CORRUPT_DATA, inflater_error(inflater));
    if (rows_done) {
      trailing += window_out - rows_at;
      rows_at = window_out;
      /* The rows are all in; past a little more output the rest is ignored, not inflated. */
      if (status == INFLATE_DONE || trailing > MAX_TRAILING_OUTPUT) return FEED_DONE;
    } else {
      if (!take_rows()) return BAD_FILTER;
      if (rows_done) continue; /* then read on to the stream's end and its check value */
      if (status == INFLATE_DONE) return ENDS_EARLY;
    }
    if (status == INFLATE_OUTPUT_FULL) {
      /* Keep the last 32 KB (what a match may copy from); rows_at is at window_out here. */
      const size_t keep = window_out - window < WINDOW ? (size_t)(window_out - window) : WINDOW;
      memmove(window, window_out - keep, keep);
      window_out = rows_at = window + keep;
      continue;
    }
    return last ? ENDS_EARLY : FEED_MORE;
  }
}

/* The thumbnail's packed RGB pixels, after png_feed returned 1. */
EXPORT uint8_t *png_output(void) {
  if (!output) output = resampler_take_output(resampler);
  return output;
}

/* The row filter type that stopped the decode (for the error text). */
EXPORT int32_t png_bad_filter(void) { return filter; }

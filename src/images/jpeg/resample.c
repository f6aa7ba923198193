/*
 * Lanczos3, separable: each incoming row is resampled horizontally at once,
 * then added with its vertical weight into the few output rows whose window
 * covers it; an output row is rounded to bytes as soon as its last source row
 * has arrived. Memory: the output image plus a ring of float rows as deep as
 * the number of output rows one source row can touch, never the source image.
 */
#include "resample.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  int *start; /* first source index of each output index */
  int *count; /* taps per output index */
  float *weights; /* out × taps, normalised to sum 1 */
  int taps;
} kernel_t;

struct resampler {
  int in_w, in_h, out_w, out_h, channels;
  kernel_t h, v;
  float *line;   /* one horizontally resampled row */
  float *ring;   /* open output rows */
  int ring_rows;
  int next_in;   /* source rows received */
  int first_open; /* first output row not yet finished */
  uint8_t *out;
};

static double sinc(double x) {
  if (x == 0) return 1;
  x *= M_PI;
  return sin(x) / x;
}

static double lanczos3(double x) { return x > -3 && x < 3 ? sinc(x) * sinc(x / 3) : 0; }

static int kernel_init(kernel_t *k, int in, int out) {
  double scale = (double)in / out;
  double stretch = scale > 1 ? scale : 1; /* widen the filter when shrinking */
  double support = in == out ? 0.5 : 3 * stretch;
  k->taps = in == out ? 1 : (int)ceil(support * 2) + 1;
  k->start = malloc(sizeof(int) * out);
  k->count = malloc(sizeof(int) * out);
  k->weights = malloc(sizeof(float) * out * k->taps);
  if (!k->start || !k->count || !k->weights) return 0;
  for (int i = 0; i < out; i++) {
    float *w = k->weights + (size_t)i * k->taps;
    if (in == out) {
      k->start[i] = i;
      k->count[i] = 1;
      w[0] = 1;
      continue;
    }
    double center = (i + 0.5) * scale - 0.5;
    int lo = (int)floor(center - support) + 1, hi = (int)ceil(center + support) - 1;
    if (lo < 0) lo = 0;
    if (hi > in - 1) hi = in - 1;
    if (hi - lo + 1 > k->taps) hi = lo + k->taps - 1;
    double sum = 0;
    for (int j = lo; j <= hi; j++) sum += lanczos3((j - center) / stretch);
    for (int j = lo; j <= hi; j++) w[j - lo] = (float)(lanczos3((j - center) / stretch) / (sum != 0 ? sum : 1));
    k->start[i] = lo;
    k->count[i] = hi - lo + 1;
  }
  return 1;
}

static void kernel_free(kernel_t *k) {
  free(k->start);
  free(k->count);
  free(k->weights);
}

resampler_t *resampler_new(int in_w, int in_h, int out_w, int out_h, int channels) {
  resampler_t *rs = calloc(1, sizeof *rs);
  if (!rs) return NULL;
  rs->in_w = in_w, rs->in_h = in_h, rs->out_w = out_w, rs->out_h = out_h, rs->channels = channels;
  if (!kernel_init(&rs->h, in_w, out_w) || !kernel_init(&rs->v, in_h, out_h)) goto failed;
  /* Deepest overlap: how many output rows' windows contain one source row. */
  int deepest = 1;
  for (int y = 0, open = 0; y < out_h; y++) {
    while (rs->v.start[open] + rs->v.count[open] <= rs->v.start[y]) open++;
    if (y - open + 1 > deepest) deepest = y - open + 1;
  }
  rs->ring_rows = deepest;
  size_t row_floats = (size_t)out_w * channels;
  rs->line = malloc(sizeof(float) * row_floats);
  rs->ring = malloc(sizeof(float) * row_floats * deepest);
  rs->out = malloc((size_t)out_w * out_h * channels);
  if (!rs->line || !rs->ring || !rs->out) goto failed;
  return rs;
failed:
  resampler_free(rs);
  return NULL;
}

static void resample_line(const resampler_t *rs, const uint8_t *row, float *line) {
  const kernel_t *k = &rs->h;
  const int nc = rs->channels;
  for (int x = 0; x < rs->out_w; x++) {
    const float *w = k->weights + (size_t)x * k->taps;
    const uint8_t *src = row + (size_t)k->start[x] * nc;
    const int n = k->count[x];
    if (nc == 3) {
      float r = 0, g = 0, b = 0;
      for (int t = 0; t < n; t++, src += 3) {
        r += w[t] * src[0];
        g += w[t] * src[1];
        b += w[t] * src[2];
      }
      line[x * 3] = r, line[x * 3 + 1] = g, line[x * 3 + 2] = b;
    } else {
      float s = 0;
      for (int t = 0; t < n; t++) s += w[t] * src[t];
      line[x] = s;
    }
  }
}

static uint8_t to_byte(float v) { return v <= 0 ? 0 : v >= 255 ? 255 : (uint8_t)(v + 0.5f); }

void resampler_push_row(resampler_t *rs, const uint8_t *row) {
  const int j = rs->next_in++;
  const kernel_t *k = &rs->v;
  const size_t n = (size_t)rs->out_w * rs->channels;
  resample_line(rs, row, rs->line);
  for (int y = rs->first_open; y < rs->out_h && k->start[y] <= j; y++) {
    int tap = j - k->start[y];
    if (tap >= k->count[y]) continue;
    float *acc = rs->ring + (size_t)(y % rs->ring_rows) * n;
    const float w = k->weights[(size_t)y * k->taps + tap];
    if (tap == 0) {
      for (size_t i = 0; i < n; i++) acc[i] = w * rs->line[i];
    } else {
      for (size_t i = 0; i < n; i++) acc[i] += w * rs->line[i];
    }
  }
  /* Finish every output row whose last source row this was. */
  while (rs->first_open < rs->out_h && k->start[rs->first_open] + k->count[rs->first_open] - 1 <= j) {
    const int y = rs->first_open++;
    const float *acc = rs->ring + (size_t)(y % rs->ring_rows) * n;
    uint8_t *dst = rs->out + (size_t)y * n;
    for (size_t i = 0; i < n; i++) dst[i] = to_byte(acc[i]);
  }
}

uint8_t *resampler_take_output(resampler_t *rs) {
  uint8_t *out = rs->out;
  rs->out = NULL;
  return out;
}

void resampler_free(resampler_t *rs) {
  if (!rs) return;
  kernel_free(&rs->h);
  kernel_free(&rs->v);
  free(rs->line);
  free(rs->ring);
  free(rs->out);
  free(rs);
}

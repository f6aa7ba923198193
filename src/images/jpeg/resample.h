/* Separable Lanczos3 downscaling fed one source row at a time. */
#ifndef RESAMPLE_H
#define RESAMPLE_H
#include <stdint.h>

typedef struct resampler resampler_t;

resampler_t *resampler_new(int in_w, int in_h, int out_w, int out_h, int channels);
/* Rows must arrive top to bottom, `in_w * channels` bytes each. */
void resampler_push_row(resampler_t *rs, const uint8_t *row);
/* The finished `out_w * out_h * channels` image; the caller frees it. */
uint8_t *resampler_take_output(resampler_t *rs);
void resampler_free(resampler_t *rs);

#endif

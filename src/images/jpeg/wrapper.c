/*
 * JPEG thumbnails with libjpeg-turbo, shrink-on-load the way libvips does it:
 * the IDCT decodes at the smallest scale M/8 that is still at least the
 * target size, scanlines stream straight into a separable Lanczos3 resampler
 * (resample.c), so memory never holds the full-size image (a progressive
 * JPEG still needs libjpeg's whole coefficient buffer). The small result is
 * turned per its EXIF orientation and encoded by the same libjpeg.
 *
 * No setjmp (the module is built without longjmp support, so no JS glue is
 * needed): a libjpeg error records its code and text, then traps. The host
 * instantiates the module per call and drops the instance after a trap.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jerror.h"
#include "jpeglib.h"
#include "resample.h"

#define EXPORT __attribute__((visibility("default"), used))

/* The host copies up to `capacity` more bytes of the source to `buffer` and
 * returns how many (0 at the end). Streaming the source in saves holding a
 * second copy of a 40 MB file inside wasm memory. */
__attribute__((import_module("env"), import_name("read_source"))) extern int32_t read_source(uint8_t *buffer, int32_t capacity);

#define SOURCE_CHUNK 65536
/* libjpeg-turbo 2.1 has no scan limit; thousands of tiny progressive scans
 * would each re-walk the coefficient buffer (libvips caps this too). */
#define MAX_SCANS 1000

typedef struct {
  uint8_t *jpeg;
  uint32_t jpeg_len;
  uint32_t width;
  uint32_t height;
  uint32_t components;
} result_t;

static result_t result;
static int32_t error_code;
static char error_text[JMSG_LENGTH_MAX];

EXPORT int32_t last_error_code(void) { return error_code; }
EXPORT const char *last_error_text(void) { return error_text; }
/* Out of memory is the caller's limit, not a fault of the image. */
EXPORT int32_t last_error_was_out_of_memory(void) { return error_code == JERR_OUT_OF_MEMORY; }

static void fail(j_common_ptr cinfo) {
  error_code = cinfo->err->msg_code;
  cinfo->err->format_message(cinfo, error_text);
  __builtin_trap();
}

/* Warnings that mean the entropy-coded data is damaged or cut short; libjpeg
 * would go on and paint grey or garbage blocks, which a thumbnail should not
 * show as if it were the picture. Other warnings (unknown JFIF revision,
 * extraneous bytes between markers) are harmless and ignored. */
static void on_message(j_common_ptr cinfo, int level) {
  if (level >= 0) return;
  switch (cinfo->err->msg_code) {
    case JWRN_HUFF_BAD_CODE: case JWRN_HIT_MARKER: case JWRN_MUST_RESYNC: case JWRN_NOT_SEQUENTIAL:
    case JWRN_JPEG_EOF: case JWRN_BOGUS_PROGRESSION:
      fail(cinfo);
    default:
      return;
  }
}

static void on_progress(j_common_ptr cinfo) {
  if (cinfo->is_decompressor && ((j_decompress_ptr)cinfo)->input_scan_number > MAX_SCANS) {
    error_code = -1;
    snprintf(error_text, sizeof error_text, "more than %d progressive scans", MAX_SCANS);
    __builtin_trap();
  }
}

/* ---- source manager reading through the host ---- */
static uint8_t *source_buffer;
static const JOCTET fake_eoi[2] = {0xFF, JPEG_EOI};

static void source_init(j_decompress_ptr cinfo) { (void)cinfo; }
static void source_term(j_decompress_ptr cinfo) { (void)cinfo; }

static boolean source_fill(j_decompress_ptr cinfo) {
  int32_t n = read_source(source_buffer, SOURCE_CHUNK);
  if (n <= 0) {
    WARNMS(cinfo, JWRN_JPEG_EOF); /* fatal through on_message */
    cinfo->src->next_input_byte = fake_eoi;
    cinfo->src->bytes_in_buffer = 2;
    return TRUE;
  }
  cinfo->src->next_input_byte = source_buffer;
  cinfo->src->bytes_in_buffer = (size_t)n;
  return TRUE;
}

static void source_skip(j_decompress_ptr cinfo, long count) {
  struct jpeg_source_mgr *src = cinfo->src;
  while (count > (long)src->bytes_in_buffer) {
    count -= (long)src->bytes_in_buffer;
    source_fill(cinfo);
  }
  src->next_input_byte += count;
  src->bytes_in_buffer -= (size_t)count;
}

static struct jpeg_source_mgr source = {
    .init_source = source_init, .fill_input_buffer = source_fill, .skip_input_data = source_skip,
    .resync_to_restart = jpeg_resync_to_restart, .term_source = source_term};

/* ---- helpers ---- */
static int scaled_size(int size, int num) { return (size * num + 7) / 8; }

/* The displayed size: longest side `max_side`, never upscaled, at least 1. */
static int target_size(int size, int longest, int max_side) {
  if (longest <= max_side) return size;
  int t = (int)((double)size * max_side / longest + 0.5);
  return t < 1 ? 1 : t;
}

/* Adobe (APP14) CMYK is stored inverted: 255 means no ink. Plain CMYK is not. */
static void cmyk_to_rgb(const uint8_t *in, uint8_t *out, int width, int inverted) {
  for (int x = 0; x < width; x++, in += 4, out += 3) {
    int c = in[0], m = in[1], y = in[2], k = in[3];
    if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
    out[0] = (uint8_t)((c * k + 127) / 255);
    out[1] = (uint8_t)((m * k + 127) / 255);
    out[2] = (uint8_t)((y * k + 127) / 255);
  }
}

/* Which stored pixel lands at displayed (x, y), per the EXIF orientation tag. */
static const uint8_t *oriented_source(const uint8_t *px, int x, int y, int w, int h, int nc, int orientation) {
  int sx = x, sy = y;
  switch (orientation) {
    case 2: sx = w - 1 - x; break;
    case 3: sx = w - 1 - x; sy = h - 1 - y; break;
    case 4: sy = h - 1 - y; break;
    case 5: sx = y; sy = x; break;
    case 6: sx = y; sy = h - 1 - x; break;
    case 7: sx = w - 1 - y; sy = h - 1 - x; break;
    case 8: sx = w - 1 - y; sy = x; break;
  }
  return px + ((size_t)sy * w + sx) * nc;
}

static uint8_t *orient(uint8_t *px, int *w, int *h, int nc, int orientation) {
  if (orientation < 2 || orientation > 8) return px;
  int ow = orientation >= 5 ? *h : *w, oh = orientation >= 5 ? *w : *h;
  uint8_t *out = malloc((size_t)ow * oh * nc);
  if (!out) { error_code = JERR_OUT_OF_MEMORY; strcpy(error_text, "out of memory"); __builtin_trap(); }
  for (int y = 0; y < oh; y++)
    for (int x = 0; x < ow; x++) memcpy(out + ((size_t)y * ow + x) * nc, oriented_source(px, x, y, *w, *h, nc, orientation), nc);
  free(px);
  *w = ow;
  *h = oh;
  return out;
}

/* ---- encoding ---- */
typedef struct {
  int quality;
  int luma_h, luma_v; /* luma sampling factors: 2×2 is 4:2:0, 2×1 4:2:2, 1×2 4:4:0, 1×1 4:4:4 */
  int restart_rows;   /* restart marker every N MCU rows, 0 for none */
  int progressive;
} encode_options_t;

/* Encodes `px`, or when it is NULL, rows pulled from the host through
 * read_source (so a large image never needs a second copy in wasm memory). */
static void encode_into_result(const uint8_t *px, int w, int h, int nc, const encode_options_t *o) {
  struct jpeg_compress_struct c;
  struct jpeg_error_mgr err;
  c.err = jpeg_std_error(&err);
  err.error_exit = fail;
  err.emit_message = on_message;
  jpeg_create_compress(&c);
  unsigned char *out = NULL;
  unsigned long out_len = 0;
  jpeg_mem_dest(&c, &out, &out_len);
  c.image_width = (JDIMENSION)w;
  c.image_height = (JDIMENSION)h;
  c.input_components = nc;
  c.in_color_space = nc == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, o->quality, TRUE);
  if (nc == 3) {
    c.comp_info[0].h_samp_factor = o->luma_h;
    c.comp_info[0].v_samp_factor = o->luma_v;
  }
  c.restart_in_rows = o->restart_rows;
  /* Optimised Huffman tables buffer every coefficient: worth it for
   * thumbnail-sized output, not for a large image (progressive buffers anyway). */
  c.optimize_coding = (size_t)w * h <= 4000000;
  if (o->progressive) jpeg_simple_progression(&c);
  jpeg_start_compress(&c, TRUE);
  size_t row_bytes = (size_t)w * nc;
  uint8_t *pulled = px ? NULL : malloc(row_bytes);
  if (!px && !pulled) ERREXIT1(&c, JERR_OUT_OF_MEMORY, 0);
  while (c.next_scanline < c.image_height) {
    JSAMPROW row = (JSAMPROW)(px ? px + (size_t)c.next_scanline * row_bytes : pulled);
    if (!px && read_source(pulled, (int32_t)row_bytes) != (int32_t)row_bytes) ERREXIT(&c, JERR_INPUT_EOF);
    jpeg_write_scanlines(&c, &row, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  free(pulled);
  result.jpeg = out;
  result.jpeg_len = (uint32_t)out_len;
  result.width = (uint32_t)w;
  result.height = (uint32_t)h;
  result.components = (uint32_t)nc;
}

/* Packed RGB (or gray when components is 1), read from the host a row at a time. */
EXPORT result_t *encode(int32_t width, int32_t height, int32_t components, int32_t quality, int32_t luma_h, int32_t luma_v,
                        int32_t restart_rows, int32_t progressive) {
  encode_options_t o = {quality, luma_h, luma_v, restart_rows, progressive};
  encode_into_result(NULL, width, height, components, &o);
  return &result;
}

/* ---- thumbnails ---- */
EXPORT result_t *thumb(int32_t max_side, int32_t orientation, int32_t quality) {
  struct jpeg_decompress_struct d;
  struct jpeg_error_mgr err;
  struct jpeg_progress_mgr progress = {.progress_monitor = on_progress};
  d.err = jpeg_std_error(&err);
  err.error_exit = fail;
  err.emit_message = on_message;
  jpeg_create_decompress(&d);
  d.progress = &progress;
  source_buffer = malloc(SOURCE_CHUNK);
  if (!source_buffer) ERREXIT1(&d, JERR_OUT_OF_MEMORY, 0);
  d.src = &source;
  source.bytes_in_buffer = 0;
  jpeg_read_header(&d, TRUE);

  int cmyk = d.jpeg_color_space == JCS_CMYK || d.jpeg_color_space == JCS_YCCK;
  d.out_color_space = cmyk ? JCS_CMYK : d.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  int nc = d.out_color_space == JCS_GRAYSCALE ? 1 : 3;
  int longest = d.image_width > d.image_height ? d.image_width : d.image_height;
  int tw = target_size(d.image_width, longest, max_side);
  int th = target_size(d.image_height, longest, max_side);
  /* Smallest IDCT scale whose output still covers the target. */
  int num = 1;
  while (num < 8 && (scaled_size(d.image_width, num) < tw || scaled_size(d.image_height, num) < th)) num++;
  d.scale_num = (unsigned)num;
  d.scale_denom = 8;

  jpeg_start_decompress(&d);
  int sw = (int)d.output_width, sh = (int)d.output_height;
  resampler_t *rs = resampler_new(sw, sh, tw, th, nc);
  uint8_t *row = malloc((size_t)sw * d.output_components);
  uint8_t *rgb = cmyk ? malloc((size_t)sw * 3) : row;
  if (!rs || !row || !rgb) ERREXIT1(&d, JERR_OUT_OF_MEMORY, 0);
  while (d.output_scanline < d.output_height) {
    jpeg_read_scanlines(&d, &row, 1);
    if (cmyk) cmyk_to_rgb(row, rgb, sw, d.saw_Adobe_marker);
    resampler_push_row(rs, rgb);
  }
  jpeg_finish_decompress(&d);
  jpeg_destroy_decompress(&d);
  if (cmyk) free(rgb);
  free(row);
  free(source_buffer);

  uint8_t *px = resampler_take_output(rs);
  resampler_free(rs);
  int w = tw, h = th;
  px = orient(px, &w, &h, nc, orientation);
  encode_options_t o = {quality, 2, 2, 0, 0};
  encode_into_result(px, w, h, nc, &o);
  free(px);
  return &result;
}

/* A streaming zlib (RFC 1950/1951) inflater that decodes into a window the caller drains. */
#ifndef INFLATE_H
#define INFLATE_H
#include <stddef.h>
#include <stdint.h>

/* Bytes the decoder may read past the end of its input: the caller keeps them allocated. */
#define INFLATE_INPUT_PADDING 1024
/* Bytes after `out_limit` the decoder may write (one match, plus its 8-byte copies). */
#define INFLATE_OUTPUT_SLACK (258 + 16)

enum inflate_status {
  INFLATE_NEED_INPUT = 0, /* every usable input byte consumed: feed more */
  INFLATE_OUTPUT_FULL = 1, /* output reached out_limit: drain and slide the window */
  INFLATE_DONE = 2, /* the stream's end and its Adler-32 were read */
  INFLATE_ERROR = -1, /* corrupt data: inflater_error() says why */
};

typedef struct inflater inflater_t;

inflater_t *inflater_new(void);
void inflater_free(inflater_t *z);

/*
 * Decodes from in[0..in_len) (readable to in_len + INFLATE_INPUT_PADDING) to
 * *out, advancing it, while it is below out_limit. window_start is where the
 * output buffer begins: a match may reach back no further. `last` says no
 * more input follows, so the stream must end within it. *consumed gets the
 * whole bytes used; the caller keeps the rest for the next call.
 */
int inflater_run(inflater_t *z, const uint8_t *in, size_t in_len, int last, size_t *consumed, const uint8_t *window_start, uint8_t **out,
                 const uint8_t *out_limit);

const char *inflater_error(const inflater_t *z);

#endif

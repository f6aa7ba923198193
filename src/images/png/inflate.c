/*
 * Inflate (RFC 1951) inside a zlib wrapper (RFC 1950), streaming, written for
 * speed in WebAssembly: a 64-bit bit buffer refilled eight bytes at a time
 * without branches, Huffman codes decoded by one table look-up (11 bits for
 * literals/lengths, 8 for distances; longer codes through a second-level
 * table), up to three literals per refill, and matches copied eight bytes at
 * a time. A PNG's IDAT data is mostly literals, and zlib's byte-at-a-time
 * inflate spends most of a large PNG's decode in that loop.
 *
 * Streaming without a second, slower, resumable decoder: the caller keeps
 * INFLATE_INPUT_PADDING readable bytes after the input, so decoding simply
 * pauses at a symbol boundary while fewer than SYMBOL_MARGIN bytes (or, before
 * a block header, HEADER_MARGIN) are left, and resumes there when more
 * arrive. Once the input is the last, the padding may be read: the position
 * is checked against the real end instead, which turns a cut-off stream into
 * an error rather than a decode of whatever follows it.
 *
 * Every malformed stream zlib refuses is refused here too (over-subscribed or
 * incomplete codes, a missing end-of-block code, distances past the start of
 * the output, invalid symbols, a bad stored length or Adler-32).
 */
#include "inflate.h"

#include <stdlib.h>
#include <string.h>
#include <wasm_simd128.h>

#define LITLEN_BITS 11
#define DIST_BITS 8
#define CODELEN_BITS 7
/* Second-level tables included; zlib's `enough` tool puts the worst cases at 2342 and 402 entries. */
#define LITLEN_CAPACITY 4096
#define DIST_CAPACITY 1024

/* A whole symbol (15 + 5 + 15 + 13 bits) plus one refill's read-ahead fits in this many bytes. */
#define SYMBOL_MARGIN 32
/* The longest dynamic block header: 14 + 19 × 3 + 316 × (7 + 7) bits < 600 bytes. */
#define HEADER_MARGIN 640

/* A table entry: bits 0-4 the code's length, 5-8 the extra bits to read (for a
 * link: the second-level table's index bits), 9-12 its kind, 16-31 its value
 * (a literal, a length or distance base, or where the second-level table starts). */
#define E_LITERAL (1u << 9)
#define E_END (1u << 10)
#define E_LINK (1u << 11)
#define E_INVALID (1u << 12)
#define ENTRY(value, kind, extra) (((uint32_t)(value) << 16) | (kind) | ((uint32_t)(extra) << 5))
#define E_LENGTH(e) ((e) & 31)
#define E_EXTRA(e) (((e) >> 5) & 15)
#define E_VALUE(e) ((e) >> 16)

enum { S_ZLIB_HEADER, S_BLOCK_HEADER, S_STORED, S_CODES, S_TRAILER, S_DONE };
enum { K_LITLEN, K_DIST, K_CODELEN };

struct inflater {
  int state;
  int final_block;
  uint32_t stored_left;
  uint32_t bit_offset; /* bits of the next input's first byte already consumed */
  uint32_t adler;
  const char *error;
  uint32_t litlen[LITLEN_CAPACITY];
  uint32_t dist[DIST_CAPACITY];
  uint32_t codelen[1 << CODELEN_BITS];
};

static const uint16_t LENGTH_BASE[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t LENGTH_EXTRA[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t DIST_BASE[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129,
                                       193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t DIST_EXTRA[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
static const uint8_t CODELEN_ORDER[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

inflater_t *inflater_new(void) {
  inflater_t *z = calloc(1, sizeof *z);
  if (z) z->adler = 1;
  return z;
}

void inflater_free(inflater_t *z) { free(z); }

const char *inflater_error(const inflater_t *z) { return z->error; }

/* ---- Adler-32, sixteen bytes a step ---------------------------------------- */

#define ADLER_MOD 65521
/* 128 steps of 16 bytes keep every lane and the sums below 2^32 before the modulo. */
#define ADLER_BLOCK 2048

static uint32_t adler32(uint32_t adler, const uint8_t *p, size_t n) {
  uint32_t a = adler & 0xffff, b = adler >> 16;
  while (n >= 16) {
    size_t steps = (n < ADLER_BLOCK ? n : ADLER_BLOCK) / 16;
    n -= steps * 16;
    /* For steps s of bytes x[s][i]: a grows by every byte; b by 16·steps·a, by 16 × the sum of
     * the a-increments before each step, and by (16 − i)·x[s][i]. */
    v128_t sums = wasm_i32x4_splat(0), prefix = wasm_i32x4_splat(0), low = wasm_i16x8_splat(0), high = wasm_i16x8_splat(0);
    b += (uint32_t)(16 * steps) * a;
    for (size_t s = 0; s < steps; s++, p += 16) {
      v128_t v = wasm_v128_load(p);
      prefix = wasm_i32x4_add(prefix, sums);
      sums = wasm_i32x4_add(sums, wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(v)));
      low = wasm_i16x8_add(low, wasm_u16x8_extend_low_u8x16(v));
      high = wasm_i16x8_add(high, wasm_u16x8_extend_high_u8x16(v));
    }
    const v128_t weights_low = wasm_i16x8_make(16, 15, 14, 13, 12, 11, 10, 9), weights_high = wasm_i16x8_make(8, 7, 6, 5, 4, 3, 2, 1);
    v128_t weighted = wasm_i32x4_add(wasm_u32x4_extmul_low_u16x8(low, weights_low), wasm_u32x4_extmul_high_u16x8(low, weights_low));
    weighted = wasm_i32x4_add(weighted, wasm_i32x4_add(wasm_u32x4_extmul_low_u16x8(high, weights_high), wasm_u32x4_extmul_high_u16x8(high, weights_high)));
    a += wasm_u32x4_extract_lane(sums, 0) + wasm_u32x4_extract_lane(sums, 1) + wasm_u32x4_extract_lane(sums, 2) + wasm_u32x4_extract_lane(sums, 3);
    b += 16 * (wasm_u32x4_extract_lane(prefix, 0) + wasm_u32x4_extract_lane(prefix, 1) + wasm_u32x4_extract_lane(prefix, 2) +
               wasm_u32x4_extract_lane(prefix, 3));
    b += wasm_u32x4_extract_lane(weighted, 0) + wasm_u32x4_extract_lane(weighted, 1) + wasm_u32x4_extract_lane(weighted, 2) +
         wasm_u32x4_extract_lane(weighted, 3);
    a %= ADLER_MOD;
    b %= ADLER_MOD;
  }
  while (n--) {
    a += *p++;
    b += a;
  }
  return (a % ADLER_MOD) | (b % ADLER_MOD) << 16;
}

/* ---- Huffman tables ---------------------------------------------------------- */

static uint32_t symbol_entry(int kind, unsigned sym) {
  if (kind == K_CODELEN) return ENTRY(sym, 0, 0);
  if (kind == K_DIST) return sym < 30 ? ENTRY(DIST_BASE[sym], 0, DIST_EXTRA[sym]) : ENTRY(0, E_INVALID, 0);
  if (sym < 256) return ENTRY(sym, E_LITERAL, 0);
  if (sym == 256) return ENTRY(0, E_END, 0);
  if (sym < 286) return ENTRY(LENGTH_BASE[sym - 257], 0, LENGTH_EXTRA[sym - 257]);
  return ENTRY(0, E_INVALID, 0); /* 286 and 287 have fixed codes but no meaning */
}

static unsigned reverse_bits(unsigned code, unsigned length) {
  unsigned r = 0;
  for (unsigned i = 0; i < length; i++, code >>= 1) r = (r << 1) | (code & 1);
  return r;
}

/* Builds the canonical Huffman table for `n` code lengths; 0 for a set zlib would refuse. */
static int build_table(uint32_t *table, unsigned capacity, unsigned root, const uint8_t *lengths, unsigned n, int kind) {
  unsigned count[16] = {0}, offset[16], remaining[16];
  uint16_t sorted[320];
  unsigned max = 0;
  for (unsigned s = 0; s < n; s++) count[lengths[s]]++;
  count[0] = 0;
  for (unsigned len = 1; len <= 15; len++)
    if (count[len]) max = len;
  const uint32_t invalid = ENTRY(0, E_INVALID, 0);
  for (unsigned i = 0; i < (1u << root); i++) table[i] = invalid;
  if (max == 0) return 1; /* no codes: fine until one is used */
  int left = 1;
  for (unsigned len = 1; len <= 15; len++) {
    left = (left << 1) - (int)count[len];
    if (left < 0) return 0; /* over-subscribed */
  }
  /* Incomplete codes are allowed only as a lone one-bit code (zlib's rule). */
  if (left > 0 && (kind == K_CODELEN || max != 1)) return 0;
  offset[1] = 0;
  for (unsigned len = 1; len < 15; len++) offset[len + 1] = offset[len] + count[len];
  for (unsigned s = 0; s < n; s++)
    if (lengths[s]) sorted[offset[lengths[s]]++] = (uint16_t)s;
  memcpy(remaining, count, sizeof count);

  unsigned code = 0, next = 0, used = 1u << root, link = ~0u, link_start = 0, link_bits = 0;
  for (unsigned len = 1; len <= max; len++, code <<= 1) {
    for (unsigned k = 0; k < count[len]; k++, code++) {
      const uint32_t entry = symbol_entry(kind, sorted[next++]);
      const unsigned reversed = reverse_bits(code, len);
      if (len <= root) {
        for (unsigned i = reversed; i < (1u << root); i += 1u << len) table[i] = entry | len;
      } else {
        const unsigned prefix = reversed & ((1u << root) - 1);
        if (prefix != link) {
          /* A second-level table as deep as the codes sharing this prefix need. */
          link_bits = len - root;
          int room = 1 << link_bits;
          while (link_bits + root < max) {
            room -= (int)remaining[link_bits + root];
            if (room <= 0) break;
            link_bits++;
            room <<= 1;
          }
          if (used + (1u << link_bits) > capacity) return 0;
          link_start = used;
          used += 1u << link_bits;
          for (unsigned i = 0; i < (1u << link_bits); i++) table[link_start + i] = invalid;
          table[prefix] = ENTRY(link_start, E_LINK, link_bits) | root;
          link = prefix;
        }
        for (unsigned i = reversed >> root; i < (1u << link_bits); i += 1u << (len - root)) table[link_start + i] = entry | (len - root);
      }
      remaining[len]--;
    }
  }
  return 1;
}

static void build_fixed(inflater_t *z) {
  uint8_t lengths[288 + 32];
  memset(lengths, 8, 144);
  memset(lengths + 144, 9, 112);
  memset(lengths + 256, 7, 24);
  memset(lengths + 280, 8, 8);
  memset(lengths + 288, 5, 32);
  build_table(z->litlen, LITLEN_CAPACITY, LITLEN_BITS, lengths, 288, K_LITLEN);
  build_table(z->dist, DIST_CAPACITY, DIST_BITS, lengths + 288, 32, K_DIST);
}

/* ---- The decoder ------------------------------------------------------------ */

static inline uint64_t load64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

/* After a refill 56 to 63 bits are buffered; the bits above them are the next
 * input's, so or-ing the next refill over them changes nothing (libdeflate's trick). */
#define REFILL()                              \
  do {                                        \
    bitbuf |= load64(p) << bitsleft;          \
    p += (63 - bitsleft) >> 3;                \
    bitsleft |= 56;                           \
  } while (0)
#define BITS(n) ((uint32_t)bitbuf & ((1u << (n)) - 1))
#define CONSUME(n)    \
  do {                \
    bitbuf >>= (n);   \
    bitsleft -= (n);  \
  } while (0)
/* Bits of the input used so far. */
#define POSITION() ((size_t)(p - in) * 8 - bitsleft)
#define FAIL(why)     \
  do {                \
    z->error = (why); \
    goto failed;      \
  } while (0)

static int read_dynamic_header(inflater_t *z, const uint8_t **pp, uint64_t *bufp, unsigned *leftp) {
  const uint8_t *p = *pp;
  uint64_t bitbuf = *bufp;
  unsigned bitsleft = *leftp;
  uint8_t lengths[320] = {0}, codelen_lengths[19] = {0};
  REFILL();
  const unsigned nlit = BITS(5) + 257, ndist = ((uint32_t)(bitbuf >> 5) & 31) + 1, ncode = ((uint32_t)(bitbuf >> 10) & 15) + 4;
  CONSUME(14);
  if (nlit > 286 || ndist > 30) FAIL("too many length or distance symbols");
  for (unsigned i = 0; i < ncode; i++) {
    if (bitsleft < 3) REFILL();
    codelen_lengths[CODELEN_ORDER[i]] = (uint8_t)BITS(3);
    CONSUME(3);
  }
  if (!build_table(z->codelen, 1 << CODELEN_BITS, CODELEN_BITS, codelen_lengths, 19, K_CODELEN)) FAIL("invalid code lengths set");
  for (unsigned i = 0; i < nlit + ndist;) {
    if (bitsleft < 14) REFILL();
    const uint32_t e = z->codelen[BITS(CODELEN_BITS)];
    if (e & E_INVALID) FAIL("invalid code lengths set");
    CONSUME(E_LENGTH(e));
    const unsigned sym = E_VALUE(e);
    if (sym < 16) {
      lengths[i++] = (uint8_t)sym;
      continue;
    }
    unsigned repeat;
    uint8_t value = 0;
    if (sym == 16) {
      if (i == 0) FAIL("invalid bit length repeat");
      value = lengths[i - 1];
      repeat = 3 + BITS(2);
      CONSUME(2);
    } else if (sym == 17) {
      repeat = 3 + BITS(3);
      CONSUME(3);
    } else {
      repeat = 11 + BITS(7);
      CONSUME(7);
    }
    if (i + repeat > nlit + ndist) FAIL("invalid bit length repeat");
    memset(lengths + i, value, repeat);
    i += repeat;
  }
  if (lengths[256] == 0) FAIL("invalid code -- missing end-of-block");
  if (!build_table(z->litlen, LITLEN_CAPACITY, LITLEN_BITS, lengths, nlit, K_LITLEN)) FAIL("invalid literal/lengths set");
  if (!build_table(z->dist, DIST_CAPACITY, DIST_BITS, lengths + nlit, ndist, K_DIST)) FAIL("invalid distances set");
  *pp = p, *bufp = bitbuf, *leftp = bitsleft;
  return 1;
failed:
  return 0;
}

int inflater_run(inflater_t *z, const uint8_t *in, size_t in_len, int last, size_t *consumed, const uint8_t *window_start, uint8_t **outp,
                 const uint8_t *out_limit) {
  const uint8_t *p = in;
  const uint8_t *const in_end = in + in_len;
  uint64_t bitbuf = 0;
  unsigned bitsleft = 0;
  uint8_t *out = *outp;
  uint8_t *checked = out; /* output not yet in the Adler-32 */
  /* Pause points: with the last input, decoding may run into the padding, and POSITION() is checked after. */
  const size_t symbol_room = last ? 0 : SYMBOL_MARGIN, header_room = last ? 0 : HEADER_MARGIN;
  const uint8_t *const symbol_limit = last ? in_end + 8 : (in_len > symbol_room ? in_end - symbol_room : in);
  int status;
  if (z->state == S_DONE) {
    *consumed = 0;
    return INFLATE_DONE;
  }
  REFILL();
  CONSUME(z->bit_offset);

  for (;;) {
    if (last && POSITION() > in_len * 8) FAIL("the compressed data is cut short");
    switch (z->state) {
      case S_ZLIB_HEADER: {
        if ((size_t)(in_end - p) < header_room) goto need_input;
        REFILL();
        const unsigned cmf = BITS(8), flg = (uint32_t)(bitbuf >> 8) & 0xff;
        CONSUME(16);
        if ((cmf * 256 + flg) % 31 != 0) FAIL("incorrect header check");
        if ((cmf & 15) != 8) FAIL("unknown compression method");
        if ((cmf >> 4) > 7) FAIL("invalid window size");
        if (flg & 32) FAIL("a preset dictionary is required");
        z->state = S_BLOCK_HEADER;
        break;
      }
      case S_BLOCK_HEADER: {
        if ((size_t)(in_end - p) < header_room) goto need_input;
        REFILL();
        z->final_block = BITS(1);
        const unsigned type = (uint32_t)(bitbuf >> 1) & 3;
        CONSUME(3);
        if (type == 0) {
          CONSUME(bitsleft & 7); /* to a byte boundary; 48 or more bits are left */
          const uint32_t length = BITS(16), check = (uint32_t)(bitbuf >> 16) & 0xffff;
          CONSUME(32);
          if (length != (~check & 0xffff)) FAIL("invalid stored block lengths");
          z->stored_left = length;
          z->state = S_STORED;
        } else if (type == 1) {
          build_fixed(z);
          z->state = S_CODES;
        } else if (type == 2) {
          if (!read_dynamic_header(z, &p, &bitbuf, &bitsleft)) goto failed;
          z->state = S_CODES;
        } else {
          FAIL("invalid block type");
        }
        break;
      }
      case S_STORED: {
        /* The reader is byte-aligned here: copy straight from the input. */
        const uint8_t *from = in + POSITION() / 8;
        size_t n = z->stored_left;
        if (n > (size_t)(in_end - from)) n = in_end - from;
        if (out >= out_limit) {
          status = INFLATE_OUTPUT_FULL;
          goto pause;
        }
        if (n > (size_t)(out_limit - out)) n = out_limit - out;
        memcpy(out, from, n);
        out += n;
        z->stored_left -= n;
        p = from + n;
        bitbuf = 0;
        bitsleft = 0;
        if (z->stored_left == 0) {
          z->state = z->final_block ? S_TRAILER : S_BLOCK_HEADER;
          REFILL();
          break;
        }
        REFILL();
        if (out >= out_limit) {
          status = INFLATE_OUTPUT_FULL;
          goto pause;
        }
        if (last) FAIL("the compressed data is cut short");
        goto need_input;
      }
      case S_CODES: {
        const uint32_t *const litlen = z->litlen, *const dist = z->dist;
        for (;;) {
          if (p >= symbol_limit) {
            if (last) FAIL("the compressed data is cut short");
            goto need_input;
          }
          if (out >= out_limit) {
            status = INFLATE_OUTPUT_FULL;
            goto pause;
          }
          REFILL();
          uint32_t e = litlen[BITS(LITLEN_BITS)];
          if (e & E_LINK) {
            CONSUME(LITLEN_BITS);
            e = litlen[E_VALUE(e) + BITS(E_EXTRA(e))];
          }
          CONSUME(E_LENGTH(e));
          if (e & E_LITERAL) {
            /* 56 bits were buffered: room for two more literals of up to 15 bits before the next refill. */
            *out++ = (uint8_t)E_VALUE(e);
            e = litlen[BITS(LITLEN_BITS)];
            if (e & E_LITERAL) {
              CONSUME(E_LENGTH(e));
              *out++ = (uint8_t)E_VALUE(e);
              e = litlen[BITS(LITLEN_BITS)];
              if (e & E_LITERAL) {
                CONSUME(E_LENGTH(e));
                *out++ = (uint8_t)E_VALUE(e);
              }
            }
            continue;
          }
          if (e & (E_END | E_INVALID)) {
            if (e & E_INVALID) FAIL("invalid literal/length code");
            z->state = z->final_block ? S_TRAILER : S_BLOCK_HEADER;
            break;
          }
          /* A length (at most 20 bits with its extra bits) then a distance (at most 28): both fit in what is buffered. */
          const unsigned length = E_VALUE(e) + BITS(E_EXTRA(e));
          CONSUME(E_EXTRA(e));
          e = dist[BITS(DIST_BITS)];
          if (e & E_LINK) {
            CONSUME(DIST_BITS);
            e = dist[E_VALUE(e) + BITS(E_EXTRA(e))];
          }
          if (e & E_INVALID) FAIL("invalid distance code");
          CONSUME(E_LENGTH(e));
          const size_t distance = E_VALUE(e) + BITS(E_EXTRA(e));
          CONSUME(E_EXTRA(e));
          if (distance > (size_t)(out - window_start)) FAIL("invalid distance too far back");
          const uint8_t *from = out - distance;
          uint8_t *const end = out + length;
          if (distance >= 8) {
            /* Eight bytes at a time, over-running the end by up to seven (the caller's slack). */
            do {
              memcpy(out, from, 8);
              out += 8;
              from += 8;
            } while (out < end);
          } else if (distance == 1) {
            memset(out, out[-1], length);
          } else {
            do *out++ = *from++;
            while (out < end);
          }
          out = end;
        }
        break;
      }
      case S_TRAILER: {
        if ((size_t)(in_end - p) < header_room) goto need_input;
        CONSUME(bitsleft & 7);
        REFILL();
        const uint32_t expected = (BITS(8) << 24) | (((uint32_t)(bitbuf >> 8) & 0xff) << 16) | (((uint32_t)(bitbuf >> 16) & 0xff) << 8) |
                                  ((uint32_t)(bitbuf >> 24) & 0xff);
        CONSUME(32);
        if (last && POSITION() > in_len * 8) FAIL("the compressed data is cut short");
        z->adler = adler32(z->adler, checked, out - checked);
        checked = out;
        if (z->adler != expected) FAIL("incorrect data check");
        z->state = S_DONE;
        status = INFLATE_DONE;
        goto pause;
      }
    }
  }

need_input:
  status = INFLATE_NEED_INPUT;
pause: {
  const size_t position = POSITION();
  /* Only the last input may be read past (into its padding); pausing there means it was cut short. */
  if (position > in_len * 8) FAIL("the compressed data is cut short");
  *consumed = position / 8;
  z->bit_offset = position % 8;
  z->adler = adler32(z->adler, checked, out - checked);
  *outp = out;
  return status;
}
failed:
  *consumed = 0;
  *outp = out;
  return INFLATE_ERROR;
}

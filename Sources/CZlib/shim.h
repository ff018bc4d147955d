#ifndef STEAMLENS_CZLIB_SHIM_H
#define STEAMLENS_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro in zlib.h, so Swift cannot call it; wrap it.
/// windowBits 15 + 32 auto-detects a gzip or zlib header.
static inline int sl_inflate_init_auto(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}

/// `deflateInit2` with a gzip header (windowBits 15 + 16).
static inline int sl_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif

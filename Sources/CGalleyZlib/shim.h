#ifndef GALLEY_CZLIB_SHIM_H
#define GALLEY_CZLIB_SHIM_H
#include <zlib.h>
/// `inflateInit2` is a macro; Swift cannot call it directly.
static inline int galley_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 32); // 32: detect gzip or zlib header
}
/// A raw gzip stream only (no zlib header detection): one member at a time, for WARC files made
/// of many members.
static inline int galley_inflate_init_gzip_only(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
/// A gzip writer (tests make WARC files of gzip members with it).
static inline int galley_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif

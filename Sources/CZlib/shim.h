#ifndef GALLEY_CZLIB_SHIM_H
#define GALLEY_CZLIB_SHIM_H
#include <zlib.h>
/// `inflateInit2` is a macro; Swift cannot call it directly.
static inline int galley_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 32); // 32: detect gzip or zlib header
}
#endif

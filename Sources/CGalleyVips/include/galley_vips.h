// Fixed-argument wrappers over libvips for Swift, which cannot call C variadic functions.
// libvips pointers never leave these functions: callers pass bytes in and get bytes out.
#ifndef GALLEY_VIPS_H
#define GALLEY_VIPS_H

#include <stddef.h>

/// Output encodings.
typedef enum {
    GALLEY_VIPS_JPEG = 1,
    GALLEY_VIPS_PNG = 2,
    GALLEY_VIPS_WEBP = 3,
    GALLEY_VIPS_GIF = 4,
} galley_vips_format;

/// What the header of an encoded image says, read without decoding its pixels.
typedef struct {
    int width;
    int height;
    /// EXIF orientation 1-8 (1 when the image has none).
    int orientation;
} galley_vips_header;

/// One decoded, resized image in memory, ready to be encoded several times.
typedef struct galley_vips_image galley_vips_image;

/// Starts libvips once per process: untrusted loaders blocked, warnings silenced, no operation
/// cache, one worker thread per operation (galley runs images in parallel itself).
/// Returns 0 on success.
int galley_vips_start(void);

/// The loaded libvips as `vips-MAJOR.MINOR` (`vips-unavailable` when it cannot start): part of
/// every image's cache key, so a libvips upgrade makes the images again.
void galley_vips_version(char *text, size_t capacity);

/// The header of `bytes`. Returns 0 on success.
int galley_vips_read_header(const void *bytes, size_t length, galley_vips_header *header);

/// Decodes `bytes`, applies the EXIF orientation and shrinks the image to at most `width`
/// pixels wide (never enlarges it). Fails on truncated or damaged data. Returns NULL on error.
galley_vips_image *galley_vips_resize(const void *bytes, size_t length, int width);


/// Encodes `image` without metadata (EXIF, GPS, XMP, ICC, comments). `quality` applies to
/// JPEG and WebP. On success returns 0 and sets `*out` (free with `galley_vips_free`).
int galley_vips_encode(galley_vips_image *image, galley_vips_format format, int quality, void **out, size_t *out_length);

void galley_vips_image_free(galley_vips_image *image);
void galley_vips_free(void *buffer);

/// The lowercase hex SHA-256 of `bytes` (65 bytes with the NUL written into `hex`).
void galley_vips_sha256(const void *bytes, size_t length, char hex[65]);

/// Copies libvips' last error message into `message` (at most `capacity` bytes, NUL ended) and
/// clears it.
void galley_vips_last_error(char *message, size_t capacity);

#endif

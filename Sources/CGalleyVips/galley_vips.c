#include "galley_vips.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// libvips is loaded with dlopen when the first image is processed, not linked: it brings about
// a hundred shared libraries (GLib, cairo, pango, HDF5, ...), and resolving symbols across them
// was most of the start-up time of every galley process, including the many that never touch
// an image (`galley extract`, a build with no change). So this file declares the few libvips
// and GLib functions it calls itself, with the values of the enums it passes (libvips 8 and
// GLib 2 ABI; `galley_vips_start` refuses another libvips major version).

typedef struct _VipsImage VipsImage;

enum { GALLEY_TRUE = 1 };
enum { VIPS_ACCESS_SEQUENTIAL = 1 };              // VipsAccess
enum { VIPS_SIZE_DOWN = 2 };                      // VipsSize
enum { VIPS_MAX_COORD = 10000000 };               // vips/image.h
enum { G_CHECKSUM_SHA256 = 2 };                   // GChecksumType
enum {                                            // GLogLevelFlags
    G_LOG_LEVEL_WARNING = 1 << 4,
    G_LOG_LEVEL_MESSAGE = 1 << 5,
    G_LOG_LEVEL_INFO = 1 << 6,
};

typedef void (*log_handler)(const char *domain, int level, const char *message, void *data);

static struct {
    int (*version)(int flag);
    int (*init)(const char *argv0);
    void (*block_untrusted_set)(int state);
    void (*cache_set_max)(int max);
    void (*concurrency_set)(int concurrency);
    unsigned (*log_set_handler)(const char *domain, int levels, log_handler handler, void *data);
    VipsImage *(*image_new_from_buffer)(const void *buf, size_t len, const char *option_string, ...);
    int (*image_get_width)(const VipsImage *image);
    int (*image_get_height)(const VipsImage *image);
    int (*image_get_orientation)(VipsImage *image);
    char **(*image_get_fields)(VipsImage *image);
    int (*image_remove)(VipsImage *image, const char *name);
    int (*thumbnail_buffer)(void *buf, size_t len, VipsImage **out, int width, ...);
    VipsImage *(*image_copy_memory)(VipsImage *image);
    int (*jpegsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    int (*pngsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    int (*webpsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    int (*gifsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    void (*error)(const char *domain, const char *fmt, ...);
    const char *(*error_buffer)(void);
    void (*error_clear)(void);
    void (*object_unref)(void *object);
    void (*free)(void *memory);
    void (*strfreev)(char **strings);
    char *(*compute_checksum_for_data)(int type, const unsigned char *data, size_t length);
} vips;

static int galley_vips_status = -1;
static char galley_vips_load_error[256];

static void galley_vips_quiet(const char *domain, int level, const char *message, void *data) {
    (void) domain; (void) level; (void) message; (void) data;
}

#define GALLEY_VIPS_SYMBOL(field, name) \
    if (!(*(void **) &vips.field = dlsym(library, name))) { \
        strncpy(galley_vips_load_error, "libvips lacks " name, sizeof galley_vips_load_error - 1); \
        return; \
    }

static void galley_vips_start_once(void) {
    void *library = dlopen("libvips.so.42", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        strncpy(galley_vips_load_error, "libvips (libvips.so.42) could not be loaded", sizeof galley_vips_load_error - 1);
        return;
    }
    GALLEY_VIPS_SYMBOL(version, "vips_version")
    GALLEY_VIPS_SYMBOL(init, "vips_init")
    GALLEY_VIPS_SYMBOL(block_untrusted_set, "vips_block_untrusted_set")
    GALLEY_VIPS_SYMBOL(cache_set_max, "vips_cache_set_max")
    GALLEY_VIPS_SYMBOL(concurrency_set, "vips_concurrency_set")
    GALLEY_VIPS_SYMBOL(log_set_handler, "g_log_set_handler")
    GALLEY_VIPS_SYMBOL(image_new_from_buffer, "vips_image_new_from_buffer")
    GALLEY_VIPS_SYMBOL(image_get_width, "vips_image_get_width")
    GALLEY_VIPS_SYMBOL(image_get_height, "vips_image_get_height")
    GALLEY_VIPS_SYMBOL(image_get_orientation, "vips_image_get_orientation")
    GALLEY_VIPS_SYMBOL(image_get_fields, "vips_image_get_fields")
    GALLEY_VIPS_SYMBOL(image_remove, "vips_image_remove")
    GALLEY_VIPS_SYMBOL(thumbnail_buffer, "vips_thumbnail_buffer")
    GALLEY_VIPS_SYMBOL(image_copy_memory, "vips_image_copy_memory")
    GALLEY_VIPS_SYMBOL(jpegsave_buffer, "vips_jpegsave_buffer")
    GALLEY_VIPS_SYMBOL(pngsave_buffer, "vips_pngsave_buffer")
    GALLEY_VIPS_SYMBOL(webpsave_buffer, "vips_webpsave_buffer")
    GALLEY_VIPS_SYMBOL(gifsave_buffer, "vips_gifsave_buffer")
    GALLEY_VIPS_SYMBOL(error, "vips_error")
    GALLEY_VIPS_SYMBOL(error_buffer, "vips_error_buffer")
    GALLEY_VIPS_SYMBOL(error_clear, "vips_error_clear")
    GALLEY_VIPS_SYMBOL(object_unref, "g_object_unref")
    GALLEY_VIPS_SYMBOL(free, "g_free")
    GALLEY_VIPS_SYMBOL(strfreev, "g_strfreev")
    GALLEY_VIPS_SYMBOL(compute_checksum_for_data, "g_compute_checksum_for_data")
    if (vips.version(0) != 8) {
        strncpy(galley_vips_load_error, "libvips is not version 8", sizeof galley_vips_load_error - 1);
        return;
    }
    if (vips.init("galley")) {
        strncpy(galley_vips_load_error, "libvips did not start", sizeof galley_vips_load_error - 1);
        return;
    }
    // Loaders libvips marks untrusted (ImageMagick, MATLAB, FITS, ...) are never used: galley
    // only hands it JPEG, PNG, GIF and WebP whose signature it checked, but a second wall costs nothing.
    vips.block_untrusted_set(GALLEY_TRUE);
    vips.cache_set_max(0);
    vips.concurrency_set(1);
    vips.log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, galley_vips_quiet, NULL);
    galley_vips_status = 0;
}

int galley_vips_start(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, galley_vips_start_once);
    return galley_vips_status;
}

void galley_vips_version(char *text, size_t capacity) {
    if (capacity == 0) return;
    if (galley_vips_start() != 0) {
        strncpy(text, "vips-unavailable", capacity - 1);
        text[capacity - 1] = '\0';
        return;
    }
    snprintf(text, capacity, "vips-%d.%d", vips.version(0), vips.version(1));
}

int galley_vips_read_header(const void *bytes, size_t length, galley_vips_header *header) {
    VipsImage *image = vips.image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) return -1;
    header->width = vips.image_get_width(image);
    header->height = vips.image_get_height(image);
    header->orientation = vips.image_get_orientation(image);
    vips.object_unref(image);
    return 0;
}

struct galley_vips_image {
    VipsImage *image;
};

// Removes every metadata field (EXIF, GPS, XMP, IPTC, ICC, comments, orientation): the savers'
// "strip" option leaves EXIF in WebP files in libvips 8.14. Built-in header fields cannot be
// removed and stay.
static void galley_vips_strip(VipsImage *image) {
    char **fields = vips.image_get_fields(image);
    for (char **field = fields; field && *field; field++) vips.image_remove(image, *field);
    vips.strfreev(fields);
}

galley_vips_image *galley_vips_resize(const void *bytes, size_t length, int width) {
    VipsImage *thumbnail = NULL;
    if (vips.thumbnail_buffer((void *) bytes, length, &thumbnail, width, "height", VIPS_MAX_COORD,
                              "size", VIPS_SIZE_DOWN, "option_string", "fail_on=truncated", NULL)) {
        return NULL;
    }
    // Decoded once here, so that each encoding reads pixels from memory (and a damaged file
    // fails now, not halfway through writing a variant).
    VipsImage *memory = vips.image_copy_memory(thumbnail);
    vips.object_unref(thumbnail);
    if (!memory) return NULL;
    galley_vips_strip(memory);
    galley_vips_image *result = calloc(1, sizeof *result);
    if (!result) {
        vips.object_unref(memory);
        return NULL;
    }
    result->image = memory;
    return result;
}


int galley_vips_encode(galley_vips_image *image, galley_vips_format format, int quality, void **out, size_t *out_length) {
    VipsImage *in = image->image;
    switch (format) {
    case GALLEY_VIPS_JPEG:
        return vips.jpegsave_buffer(in, out, out_length, "Q", quality, "strip", GALLEY_TRUE, "optimize_coding", GALLEY_TRUE,
                                    "interlace", GALLEY_TRUE, NULL);
    case GALLEY_VIPS_PNG:
        return vips.pngsave_buffer(in, out, out_length, "strip", GALLEY_TRUE, "compression", 6, NULL);
    case GALLEY_VIPS_WEBP:
        return vips.webpsave_buffer(in, out, out_length, "Q", quality, "strip", GALLEY_TRUE, "effort", 4, NULL);
    case GALLEY_VIPS_GIF:
        return vips.gifsave_buffer(in, out, out_length, "strip", GALLEY_TRUE, NULL);
    }
    vips.error("galley", "unknown output format %d", (int) format);
    return -1;
}

void galley_vips_image_free(galley_vips_image *image) {
    if (!image) return;
    vips.object_unref(image->image);
    free(image);
}

void galley_vips_free(void *buffer) { vips.free(buffer); }

void galley_vips_sha256(const void *bytes, size_t length, char hex[65]) {
    hex[0] = '\0';
    if (galley_vips_start() != 0) return;
    char *digest = vips.compute_checksum_for_data(G_CHECKSUM_SHA256, bytes, length);
    if (digest) {
        strncpy(hex, digest, 64);
        hex[64] = '\0';
    }
    vips.free(digest);
}

void galley_vips_last_error(char *message, size_t capacity) {
    if (capacity == 0) return;
    if (galley_vips_status != 0) {
        strncpy(message, galley_vips_load_error[0] ? galley_vips_load_error : "libvips did not start", capacity - 1);
        message[capacity - 1] = '\0';
        return;
    }
    const char *text = vips.error_buffer();
    strncpy(message, text ? text : "", capacity - 1);
    message[capacity - 1] = '\0';
    // One line: libvips ends each message with a newline.
    for (char *c = message; *c; c++) if (*c == '\n') *c = (c[1] ? ' ' : '\0');
    vips.error_clear();
}

#include "galley_vips.h"

#include <string.h>
#include <vips/vips.h>

struct galley_vips_image {
    VipsImage *image;
};

static void galley_vips_quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void) domain; (void) level; (void) message; (void) data;
}

static gpointer galley_vips_start_once(gpointer data) {
    (void) data;
    if (VIPS_INIT("galley")) return GINT_TO_POINTER(1);
    // Loaders libvips marks untrusted (ImageMagick, MATLAB, FITS, ...) are never used: galley
    // only hands it JPEG, PNG, GIF and WebP whose signature it checked, but a second wall costs nothing.
    vips_block_untrusted_set(TRUE);
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, galley_vips_quiet, NULL);
    return GINT_TO_POINTER(0);
}

int galley_vips_start(void) {
    static GOnce once = G_ONCE_INIT;
    return GPOINTER_TO_INT(g_once(&once, galley_vips_start_once, NULL));
}

int galley_vips_read_header(const void *bytes, size_t length, galley_vips_header *header) {
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) return -1;
    header->width = vips_image_get_width(image);
    header->height = vips_image_get_height(image);
    header->orientation = vips_image_get_orientation(image);
    header->pages = vips_image_get_n_pages(image);
    g_object_unref(image);
    return 0;
}

// Removes every metadata field (EXIF, GPS, XMP, IPTC, ICC, comments, orientation): the savers'
// "strip" option leaves EXIF in WebP files in libvips 8.14. Built-in header fields cannot be
// removed and stay.
static void galley_vips_strip(VipsImage *image) {
    gchar **fields = vips_image_get_fields(image);
    for (gchar **field = fields; field && *field; field++) vips_image_remove(image, *field);
    g_strfreev(fields);
}

galley_vips_image *galley_vips_resize(const void *bytes, size_t length, int width) {
    VipsImage *thumbnail = NULL;
    if (vips_thumbnail_buffer((void *) bytes, length, &thumbnail, width, "height", VIPS_MAX_COORD,
                              "size", VIPS_SIZE_DOWN, "option_string", "fail_on=truncated", NULL)) {
        return NULL;
    }
    // Decoded once here, so that each encoding reads pixels from memory (and a damaged file
    // fails now, not halfway through writing a variant).
    VipsImage *memory = vips_image_copy_memory(thumbnail);
    g_object_unref(thumbnail);
    if (!memory) return NULL;
    galley_vips_strip(memory);
    galley_vips_image *result = g_new0(galley_vips_image, 1);
    result->image = memory;
    return result;
}

int galley_vips_image_width(const galley_vips_image *image) { return vips_image_get_width(image->image); }
int galley_vips_image_height(const galley_vips_image *image) { return vips_image_get_height(image->image); }

int galley_vips_encode(galley_vips_image *image, galley_vips_format format, int quality, void **out, size_t *out_length) {
    VipsImage *in = image->image;
    switch (format) {
    case GALLEY_VIPS_JPEG:
        return vips_jpegsave_buffer(in, out, out_length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
                                    "interlace", TRUE, NULL);
    case GALLEY_VIPS_PNG:
        return vips_pngsave_buffer(in, out, out_length, "strip", TRUE, "compression", 6, NULL);
    case GALLEY_VIPS_WEBP:
        return vips_webpsave_buffer(in, out, out_length, "Q", quality, "strip", TRUE, "effort", 4, NULL);
    case GALLEY_VIPS_GIF:
        return vips_gifsave_buffer(in, out, out_length, "strip", TRUE, NULL);
    }
    vips_error("galley", "unknown output format %d", (int) format);
    return -1;
}

void galley_vips_image_free(galley_vips_image *image) {
    if (!image) return;
    g_object_unref(image->image);
    g_free(image);
}

void galley_vips_free(void *buffer) { g_free(buffer); }

void galley_vips_sha256(const void *bytes, size_t length, char hex[65]) {
    gchar *digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, bytes, length);
    g_strlcpy(hex, digest ? digest : "", 65);
    g_free(digest);
}

void galley_vips_last_error(char *message, size_t capacity) {
    if (capacity == 0) return;
    const char *text = vips_error_buffer();
    g_strlcpy(message, text ? text : "", capacity);
    // One line: libvips ends each message with a newline.
    for (char *c = message; *c; c++) if (*c == '\n') *c = (c[1] ? ' ' : '\0');
    vips_error_clear();
}

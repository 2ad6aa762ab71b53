#ifndef GALLEY_CLIBXML2_SHIM_H
#define GALLEY_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU; its headers then clash with the ICU that Foundation
// bundles ("'UErrorCode' has different definitions"). We use no ICU API of libxml2.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/// `xmlFree` is a global function pointer, which Swift 6 calls "not concurrency-safe".
static inline void galley_xml_free(void *pointer) { xmlFree(pointer); }

static void galley_xml_ignore_error(void *context, xmlErrorPtr error) { (void)context; (void)error; }

/// Silences libxml2's error output for the calling thread (the handler is per thread).
static inline void galley_xml_silence_errors(void) {
    xmlSetStructuredErrorFunc(NULL, galley_xml_ignore_error);
    xmlSetGenericErrorFunc(NULL, NULL);
}
#endif

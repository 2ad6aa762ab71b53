#ifndef GALLEY_CMALLOC_SHIM_H
#define GALLEY_CMALLOC_SHIM_H
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
/// Fixes glibc's mmap threshold at `bytes` (which also stops glibc raising it); 1 on success.
static inline int galley_fix_mmap_threshold(int bytes) {
#ifdef M_MMAP_THRESHOLD
    return mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
    return 0;
#endif
}
#else
static inline int galley_fix_mmap_threshold(int bytes) { (void)bytes; return 0; }
#endif
#endif

import CGalleyMalloc

/// How the process's allocator is set up, once, by a program's `main` before any work.
///
/// glibc serves a block of `M_MMAP_THRESHOLD` (128 KB) or more with its own `mmap`, and raises
/// the threshold to the size of each such block freed (up to 32 MB). A build frees large
/// blocks early (a batch's page bytes, a sitemap), so from then on its large buffers came from
/// the heap, between the small values every article keeps; freed, they left holes the heap
/// could not give back. Fixed at glibc's own starting value, peak RSS at 50,000 articles went
/// from 144–146 to 133 MB and at 10,000 from 71 to 65 MB, with the same build time (3 and 7
/// interleaved cold builds).
public enum AllocatorPolicy {
    /// The size from which a block is mapped on its own (glibc's default, kept fixed).
    public static let mappedBlockThreshold: Int32 = 128 * 1024

    /// Applies the policy (nothing where the allocator is not glibc's).
    public static func apply() {
        _ = galley_fix_mmap_threshold(mappedBlockThreshold)
    }
}

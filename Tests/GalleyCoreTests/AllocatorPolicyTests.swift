import CGalleyMalloc
#if canImport(Glibc)
import Glibc
#endif
import GalleyCore
import Testing

/// `AllocatorPolicy` keeps glibc from serving large blocks out of the heap once one large block
/// was freed (which left holes between the small values a build keeps).
@Suite struct AllocatorPolicyTests {
    /// After a 16 MB block is freed, an 8 MB block is still mapped on its own: its usable size
    /// is rounded to whole pages, where one carved from the heap is rounded to 16 bytes. Without
    /// the policy glibc raises its threshold to 16 MB at that free. In a process of its own, as
    /// `galley` applies the policy first (in a heap that already holds a free 8 MB chunk, glibc
    /// would reuse it whatever the threshold).
    @Test func largeBlocksStayMappedAfterALargerOneIsFreed() async {
        await #expect(processExitsWith: .success) {
            AllocatorPolicy.apply()
            free(malloc(16 << 20))
            let size = 8 << 20
            guard let block = malloc(size) else { exit(2) }
            exit(malloc_usable_size(block) - size > 64 ? 0 : 1)
        }
    }
}

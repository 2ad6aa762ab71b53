/// Values a process is done with just before it exits, left for the exit to reclaim instead of
/// freed one by one (what clang's `-disable-free` does): the command line builds once and
/// exits, and freeing a 10,000-article build's index, records and output records object by
/// object took about 40 ms of a 0.6 s incremental build.
///
/// Only for values that are held until then anyway: keeping one longer than it would have
/// lived raises the peak memory. A library user that runs many builds in one process
/// (the tests, `galley serve`) leaves `BuildPipeline.Options.leavesMemoryForExit` off.
public enum LeftForExit {
    private final class Holder {
        let values: [Any]

        init(_ values: [Any]) { self.values = values }
    }

    /// Keeps `values` alive until the process exits.
    public static func keep(_ values: Any...) {
        _ = Unmanaged.passRetained(Holder(values))
    }
}

import Foundation

/// Where the shared corpora are: `../shared/corpora` beside the repository.
public struct SharedCorpora: Sendable {
    public let root: URL

    /// The corpora for the repository at `repository`, or nil when they are not there.
    public init?(repository: URL) {
        let root = repository.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("article-extraction-benchmark/ground-truth.json").path)
        else { return nil }
        self.root = root
    }

    public var benchmark: URL { root.appendingPathComponent("article-extraction-benchmark") }
    public var readabilityPages: URL { root.appendingPathComponent("readability-test-pages") }
    public var trafilaturaEval: URL { root.appendingPathComponent("trafilatura-eval-train") }
    public var htmldate: URL { root.appendingPathComponent("htmldate-train") }

    /// A fingerprint of every file of a corpus (FNV-1a over sorted paths and bytes), so floors
    /// are only compared against the corpus they were measured on.
    public static func fingerprint(of folder: URL) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        let base = folder.standardizedFileURL.path + "/"
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                paths.append(String(url.standardizedFileURL.path.dropFirst(base.count)))
            }
        }
        for path in paths.sorted() {
            mix(path.utf8)
            if let data = FileManager.default.contents(atPath: base + path) { mix(data) }
        }
        return String(hash, radix: 16)
    }
}

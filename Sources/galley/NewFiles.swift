import Foundation

/// Writes `files` (paths relative to `root`) into `root`, creating folders as needed and never
/// replacing a file that is there: what `galley init` and `galley theme export` write.
func writeNewFiles(_ files: [(path: String, bytes: [UInt8])], into root: URL) throws {
    for file in files {
        let url = root.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.bytes).write(to: url, options: .withoutOverwriting)
    }
}

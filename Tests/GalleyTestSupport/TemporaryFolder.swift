import Foundation

/// New empty folders for tests, under the system's temporary folder.
public enum TemporaryFolder {
    /// A new empty folder named `galley-LABEL-UUID`.
    public static func make(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("galley-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

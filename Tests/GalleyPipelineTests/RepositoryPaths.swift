import Foundation
import GalleyTestSupport

/// Folders of the repository, found from this file's location (tests read the real
/// templates, config and example content).
enum RepositoryPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("templates")
    static let content = root.appendingPathComponent("content")
    static let config = root.appendingPathComponent("galley.yml")
    static let golden = root.appendingPathComponent("Tests/GalleyPipelineTests/Fixtures/golden")

    /// A new empty temporary folder.
    static func temporaryFolder(_ label: String) -> URL { TemporaryFolder.make(label) }

    /// Every regular file below `folder`, as paths relative to it, sorted.
    static func files(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(base.count)))
        }
        return paths.sorted()
    }
}

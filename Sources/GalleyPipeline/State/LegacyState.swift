import Foundation

/// What earlier versions of galley kept instead of the build-state store: `.galley-outputs` in
/// the output folder, then `outputs.tsv` in the state folder (each a list of the files that
/// version wrote), and `sources.bin` beside it. The first build with the store still removes
/// the files these lists name and it no longer writes, so nothing an older galley wrote stays
/// behind; once the site is written the old files go.
struct LegacyState {
    /// The output folder's path, standardised, without a trailing slash.
    let outputRoot: String
    let stateFolder: URL

    var outputList: String { outputRoot + "/.galley-outputs" }
    var outputTable: String { stateFolder.appendingPathComponent("outputs.tsv").path }
    var sourceCache: String { stateFolder.appendingPathComponent("sources.bin").path }

    /// The output paths the old lists name (relative to the output folder).
    func outputPaths() -> [String] {
        var paths: [String] = []
        if let data = FileManager.default.contents(atPath: outputList) {
            paths += String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        if let data = FileManager.default.contents(atPath: outputTable) {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
            guard lines.first == "galley-outputs 1" else { return paths }
            for line in lines.dropFirst() {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                if fields.count == 5, fields[0] == "output" { paths.append(Self.unescape(fields[1])) }
            }
        }
        return paths
    }

    /// Removes the old files.
    func remove() {
        for path in [outputList, outputTable, sourceCache] { unlink(path) }
    }

    /// `outputs.tsv` wrote `%`, tab, line feed and carriage return as `%25`, `%09`, `%0A`, `%0D`.
    static func unescape(_ field: Substring) -> String {
        guard field.contains("%") else { return String(field) }
        return field.replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%25", with: "%")
    }
}

import ArgumentParser
import Foundation

/// `--search`: runs pagefind over the built site, which writes its index and UI into
/// `<output>/pagefind/`. The theme marks the article body (`data-pagefind-body`) and exposes
/// tag and region as filters (`data-pagefind-filter`).
struct SearchIndexer {
    let outputFolder: String
    let quiet: Bool

    func run() throws {
        guard let command = Self.command() else {
            printError("error: search: pagefind is not on the PATH and python3 -m pagefind_bin does not run it (pip install pagefind-bin, or drop --search)")
            throw ExitCode(ExitStatus.ioError)
        }
        let pagefind = command.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + ["--site", outputFolder] + (quiet ? ["--silent"] : [])
        if quiet { process.standardOutput = FileHandle.nullDevice }
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            printError("error: search: cannot run \(pagefind): \(error.localizedDescription)")
            throw ExitCode(ExitStatus.ioError)
        }
        guard process.terminationStatus == 0 else {
            printError("error: search: pagefind exited with \(process.terminationStatus)")
            throw ExitCode(ExitStatus.ioError)
        }
    }

    /// The first `pagefind` (or `pagefind_extended`) on the PATH, else the binary PyPI's
    /// `pagefind-bin` installs, run as `python3 -m pagefind_bin`.
    static func command() -> [String]? {
        for name in ["pagefind", "pagefind_extended"] {
            if let path = onPath(name) { return [path] }
        }
        guard let python = onPath("python3") else { return nil }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-m", "pagefind_bin", "--version"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? [python, "-m", "pagefind_bin"] : nil
    }

    static func onPath(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

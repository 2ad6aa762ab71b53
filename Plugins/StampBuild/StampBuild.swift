import Foundation
import PackagePlugin

/// Writes the commit galley is built from into `GalleyBuildInfo` (`galley --version`). The
/// command reruns when the checked-out commit changes: its inputs are `.git/HEAD`, the branch
/// file it names and `.git/packed-refs`. Without a `.git` folder (a source tarball) the commit
/// is "unknown".
@main
struct StampBuild: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let git = package.appending(path: ".git")
        var inputs = [git.appending(path: "HEAD"), git.appending(path: "packed-refs")]
        if let head = try? String(contentsOf: git.appending(path: "HEAD"), encoding: .utf8), head.hasPrefix("ref: ") {
            inputs.append(git.appending(path: head.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildStamp.swift")
        return [.buildCommand(
            displayName: "Stamping the build with its commit",
            executable: try context.tool(named: "build-stamper").url,
            arguments: [package.path, output.path],
            inputFiles: inputs.filter { FileManager.default.fileExists(atPath: $0.path) },
            outputFiles: [output])]
    }
}

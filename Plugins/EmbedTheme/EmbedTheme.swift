import Foundation
import PackagePlugin

/// Puts the default theme (`templates/` at the package root) into the `GalleyTheme` module:
/// `theme-embedder` writes every file of it into one Swift source at build time, so the binary
/// carries exactly the files of the folder, and a change to any of them rebuilds it.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedThemeFiles.swift")
        return [.buildCommand(
            displayName: "Embedding the default theme from templates/",
            executable: try context.tool(named: "theme-embedder").url,
            arguments: [theme.path, output.path],
            inputFiles: Self.files(in: theme),
            outputFiles: [output])]
    }

    /// Every regular file below `folder` (hidden ones left out).
    static func files(in folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }
}

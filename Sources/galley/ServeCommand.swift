import ArgumentParser
import Foundation
import GalleyServeArguments
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `galley serve`: local preview with live reload. The server lives in its own executable,
/// `galley-serve`, so that `galley` links no HTTP server: this command checks the options and
/// replaces itself (`execv`) with the `galley-serve` beside it, passing the same arguments.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: ServeArguments.abstract,
        discussion: "Runs the galley-serve program installed beside galley (`swift build --product galley-serve`, or `make serve`). Watches the content folder, the templates folder and the config file; a rebuild that fails keeps the last good site served and shows the error in the terminal and on the open pages. The reload script is added by the server only, never written to the output folder. Ctrl-C stops the server. Exit codes: 0 stopped; 3 galley-serve is missing or the address could not be used."
    )

    @OptionGroup var arguments: ServeArguments

    func run() throws {
        let folder = Self.executableFolder()
        let helper = folder + "/galley-serve"
        guard access(helper, X_OK) == 0 else {
            printError("error: galley serve needs the galley-serve program beside galley (\(folder)); build it with `swift build --product galley-serve` (or `make serve`)")
            throw ExitCode(ExitStatus.ioError)
        }
        let arguments = [helper] + Self.forwardedArguments()
        var pointers = arguments.map { strdup($0) } + [nil]
        execv(helper, &pointers)
        printError("error: could not start \(helper): \(String(cString: strerror(errno)))")
        throw ExitCode(ExitStatus.ioError)
    }

    /// The folder of the running executable (`/proc/self/exe` resolved; the first argument elsewhere).
    static func executableFolder() -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
        return (executable as NSString).deletingLastPathComponent
    }

    /// The command line after `serve`, as given.
    static func forwardedArguments() -> [String] {
        Array(CommandLine.arguments.dropFirst().drop { $0 != "serve" }.dropFirst())
    }
}

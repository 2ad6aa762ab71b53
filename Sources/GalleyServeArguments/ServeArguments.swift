import ArgumentParser

/// The options of `galley serve`, shared by the `serve` command of `galley` (which checks them
/// and hands over to `galley-serve`) and by `galley-serve` itself. A module of its own, with
/// no server in it, so that `galley` can use it without linking one.
public struct ServeArguments: ParsableArguments, Sendable {
    /// The abstract both commands show.
    public static let abstract = "Build the site, serve it locally and rebuild and reload open pages when content, templates or config change."

    @Option(name: .long, help: "Folder of scraped pages and Markdown articles.")
    public var content: String = "content"

    @Option(name: .long, help: "Folder the site is written to and served from.")
    public var output: String = "public"

    @Option(name: .long, help: "Site configuration file (optional when the default is missing).")
    public var config: String = "galley.yml"

    @Option(name: .long, help: ArgumentHelp("The site's own theme files (Mustache templates, strings, static/), laid over the built-in theme; default templates/ when it exists.", valueName: "dir"))
    public var templates: String?

    @Option(name: .long, help: ArgumentHelp("A site's own templates, strings or static files, each replacing the theme's file of the same path (watched too).", valueName: "dir"))
    public var overrides: String?

    @Option(name: .long, help: ArgumentHelp("Folder for the build state (state.sqlite, lock, staging); default .galley beside the output.", valueName: "dir"))
    public var cache: String?

    @Option(name: .long, help: "Address to listen on (loopback by default; any other address is reachable by others).")
    public var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    public var port: Int = 8080

    public init() {}

    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host needs an address") }
    }
}

import ArgumentParser
import GalleyCore
import GalleyPipeline

/// `galley config`: prints the effective configuration, every default filled in, as YAML that
/// can serve as a `galley.yml`. A bad file gives its error and exit code 2, as `build` would.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective configuration (galley.yml with every default filled in)."
    )

    @Option(name: .long, help: ArgumentHelp("Site configuration; galley.yml may be missing, a file named here must exist.", valueName: "file"))
    var config: String = "galley.yml"

    func run() throws {
        print(ConfigWriter.yaml(try loadConfig(config)), terminator: "")
    }
}

import Foundation
import GalleyEvaluation

// galley-eval: extraction quality on the shared corpora against the floors in eval/baseline.json.
//   galley-eval            print figures; exit 1 when one is below its floor
//   galley-eval --verbose  also the worst pages and every metadata miss
//   galley-eval --misses   also every missed and leaked trafilatura-eval snippet, by page
//   galley-eval --raise    raise the floors to the figures measured now (never lowers them)

let arguments = Set(CommandLine.arguments.dropFirst())
let repository = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let baselineURL = repository.appendingPathComponent("eval/baseline.json")

guard let corpora = SharedCorpora(repository: repository) else {
    FileHandle.standardError.write(Data("galley-eval: ../shared/corpora not found beside \(repository.path)\n".utf8))
    exit(2)
}
let run = try EvaluationRun.run(corpora: corpora)
print(run.report(verbose: arguments.contains("--verbose"), misses: arguments.contains("--misses")))

var baseline = EvaluationBaseline.load(baselineURL) ?? EvaluationBaseline(fingerprints: [:], floors: [:])
let changed = baseline.changedCorpora(run.fingerprints)
guard changed.isEmpty else {
    print("corpus changed since the floors were pinned (fingerprints differ: \(changed.joined(separator: ", "))): re-measure and pin on purpose")
    exit(1)
}
if arguments.contains("--raise") {
    baseline = baseline.raised(by: run.figures, fingerprints: run.fingerprints)
    try baseline.save(baselineURL)
    print("floors written to eval/baseline.json")
}
let regressions = baseline.regressions(in: run.figures)
for regression in regressions {
    print(String(format: "BELOW FLOOR: %@ %.4f < %.4f", regression.name, regression.measured, regression.floor))
}
exit(regressions.isEmpty ? 0 : 1)

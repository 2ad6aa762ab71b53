import Foundation
import GalleyCore
import GalleyExtract
import GalleyNormalize
import GalleyRender

// libFuzzer entry point over stages 1–3 of one page: extract (libxml2), normalise (Markdown),
// render (cmark + the validator). Built only with `make fuzz` (-sanitize=fuzzer,address);
// libFuzzer supplies `main`.

let extractor = HTMLExtractor(settings: .init(regionsBySource: ["fuzz.example": "Fuzz"], timeZone: TimeZone(secondsFromGMT: 7 * 3600)!))
let normalizer = MarkdownNormalizer(tagAliases: ["a": "b"], regionAliases: ["x": "y"])
let renderer = MarkdownRenderer()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOnePage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let page = SourcePage(path: "fuzz.html", bytes: bytes, sidecar: SourceSidecar(url: "https://fuzz.example/a/b.html"))
    if let article = try? extractor.extract(page) {
        if let document = try? normalizer.normalize(article) {
            let html = renderer.html(from: document.body)
            precondition(!html.contains("<script"), "script reached the output")
            _ = normalizer.serialize(document)
        }
    }
    if let fragment = try? extractor.extractFragment(page) {
        let markdown = normalizer.markdown(for: fragment.content, baseURL: fragment.baseURL)
        let html = renderer.html(from: markdown)
        precondition(!html.contains("<script"), "script reached the output")
    }
    return 0
}

// SwiftPM links an executable's entry point under the name `<product>_main`; hand control to
// libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("galley_fuzz_main")
public func galleyFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOnePage(data, size) }
}

// swift-tools-version:6.0
import PackageDescription

/// One set of Swift settings for every target of ours (dependencies never get them).
///
/// Warnings are errors in debug builds, which is what `swift build`, `swift test` and so
/// `make test` (CI, `.ci/run`) compile: a warning in our sources or tests fails the build at
/// once. Release builds (`make site`, `make build`, a user's `swift build -c release`) compile
/// the same code without the flag, so a newer toolchain that adds a warning cannot stop
/// someone from building their site. SwiftPM accepts `unsafeFlags` in the root package (the
/// only way galley is built); `-warnings-as-errors` cannot be given on the command line
/// instead, as `-Xswiftc` would also reach the dependencies, whose warnings SwiftPM suppresses.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .unsafeFlags(["-warnings-as-errors"], .when(configuration: .debug)),
]

let package = Package(
    name: "galley",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "galley", targets: ["galley"]),
        .executable(name: "galley-eval", targets: ["galley-eval"]),
        .executable(name: "galley-serve", targets: ["galley-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // The build state (SQLite, linked from the system's libsqlite3).
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        // WACZ archives (zip files of WARCs).
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // System libraries (installed by `make deps`).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CGalleyZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // glibc's `mallopt` (in <malloc.h>, which the Glibc module leaves out): `AllocatorPolicy`.
        .systemLibrary(name: "CGalleyMalloc"),
        // Fixed-argument wrappers over libvips (Swift cannot call its variadic functions); they
        // load libvips with dlopen when the first image is processed (see galley_vips.c).
        .target(name: "CGalleyVips"),

        // Models, config, errors, slugs, links, escaping.
        // `_FoundationICU` (the toolchain's own ICU, which Foundation links anyway): `Slug` keeps
        // one transliterator open instead of Foundation's one per call.
        .target(name: "GalleyCore", dependencies: ["CGalleyMalloc"], swiftSettings: strictSettings,
                linkerSettings: [.linkedLibrary("_FoundationICU", .when(platforms: [.linux]))]),
        // Stage 1: HTML page → article content tree + metadata.
        .target(name: "GalleyExtract", dependencies: ["GalleyCore", "CLibXML2"], swiftSettings: strictSettings),
        // Stage 2: content tree → CommonMark + YAML front matter.
        .target(name: "GalleyNormalize", dependencies: ["GalleyCore", "Yams"], swiftSettings: strictSettings),
        // Stage 3: Markdown → HTML (cmark) → page templates (Mustache).
        .target(name: "GalleyRender", dependencies: [
            "GalleyCore", "CCmark", .product(name: "Mustache", package: "swift-mustache"),
        ], swiftSettings: strictSettings),
        // Stage 4: site plan (indices, pagination, taxonomies), feeds, sitemaps, output writer.
        .target(name: "GalleySite", dependencies: ["GalleyCore"], swiftSettings: strictSettings),
        // Images found in the scrape: sized, made at several widths, WebP (libvips).
        .target(name: "GalleyImages", dependencies: ["GalleyCore", "CGalleyVips"], swiftSettings: strictSettings),
        // Discovery, the orchestrator, concurrency, the build state (SQLite), the build report.
        // The default theme inside the binary: templates/ embedded at build time.
        .executableTarget(name: "theme-embedder", swiftSettings: strictSettings),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["theme-embedder"]),
        .target(name: "GalleyTheme", swiftSettings: strictSettings, plugins: ["EmbedTheme"]),
        // The commit a binary was built from (`--version`).
        .executableTarget(name: "build-stamper", swiftSettings: strictSettings),
        .plugin(name: "StampBuild", capability: .buildTool(), dependencies: ["build-stamper"]),
        .target(name: "GalleyBuildInfo", swiftSettings: strictSettings, plugins: ["StampBuild"]),
        .target(name: "GalleyPipeline", dependencies: [
            "GalleyCore", "GalleyExtract", "GalleyNormalize", "GalleyRender", "GalleySite", "GalleyTheme", "GalleyImages", "CGalleyZlib", "Yams",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], swiftSettings: strictSettings),
        // Extraction quality against the shared corpora: scorers, floors (`make eval`).
        .target(name: "GalleyEvaluation", dependencies: ["GalleyCore", "GalleyExtract", "GalleyPipeline"], swiftSettings: strictSettings),
        .executableTarget(name: "galley-eval", dependencies: ["GalleyEvaluation"], swiftSettings: strictSettings),
        .executableTarget(name: "galley", dependencies: [
            "GalleyPipeline", "GalleyCore", "GalleyTheme", "GalleyBuildInfo", "GalleyServeArguments",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strictSettings),
        // `galley serve`: local preview over HTTP with live reload (Hummingbird). Its own library and
        // executable, so that `galley` itself links no server; `galley serve` execs `galley-serve`.
        // The options of `galley serve`, shared by `galley` and `galley-serve` (no server in it).
        .target(name: "GalleyServeArguments", dependencies: [
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strictSettings),
        .target(name: "GalleyServe", dependencies: [
            "GalleyCore", "GalleyPipeline", .product(name: "Hummingbird", package: "hummingbird"),
        ], swiftSettings: strictSettings),
        .executableTarget(name: "galley-serve", dependencies: [
            "GalleyServe", "GalleyServeArguments", "GalleyCore", "GalleyPipeline", "GalleyBuildInfo",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strictSettings),

        // The test suites' shared helpers (the seeded random generator).
        .target(name: "GalleyTestSupport", path: "Tests/GalleyTestSupport", swiftSettings: strictSettings),
        .testTarget(name: "GalleyCoreTests", dependencies: ["GalleyCore", "GalleyTestSupport", "CGalleyMalloc"], swiftSettings: strictSettings),
        .testTarget(name: "GalleyExtractTests", dependencies: ["GalleyExtract", "GalleyCore", "GalleyTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "GalleyNormalizeTests", dependencies: ["GalleyNormalize", "GalleyCore", "GalleyTestSupport", "Yams"], swiftSettings: strictSettings),
        .testTarget(name: "GalleyRenderTests", dependencies: ["GalleyRender", "GalleyCore", "GalleyTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "GalleySiteTests", dependencies: ["GalleySite", "GalleyCore", "GalleyTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "GalleyImagesTests", dependencies: ["GalleyImages", "GalleyCore"], resources: [.copy("Fixtures")],
                    swiftSettings: strictSettings),
        .testTarget(name: "GalleyEvaluationTests", dependencies: ["GalleyEvaluation", "GalleyCore"], swiftSettings: strictSettings),
        // The Markdown round trip (content tree → CommonMark → cmark HTML → content tree), front
        // matter and safety properties, and editors in the loop (kept and overriding Markdown).
        .testTarget(name: "GalleyRoundTripTests", dependencies: [
            "GalleyNormalize", "GalleyRender", "GalleyExtract", "GalleyPipeline", "GalleyCore", "GalleyTestSupport", "Yams",
        ], swiftSettings: strictSettings),
        .testTarget(name: "GalleyPipelineTests", dependencies: [
            "GalleyPipeline", "GalleyCore", "GalleyExtract", "GalleyNormalize", "GalleyRender", "GalleyTheme", "GalleyTestSupport", "CGalleyZlib",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Fixtures"], swiftSettings: strictSettings),
        .testTarget(name: "GalleyServeTests", dependencies: ["GalleyServe", "GalleyPipeline", "GalleyCore"], swiftSettings: strictSettings),
    ]
)

// libFuzzer target over extract + normalise + render, only when `make fuzz` asks for it
// (GALLEY_FUZZ=1; built with -sanitize=fuzzer,address, which supplies the driver).
if Context.environment["GALLEY_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "galley-fuzz", dependencies: ["GalleyCore", "GalleyExtract", "GalleyNormalize", "GalleyRender"],
        swiftSettings: strictSettings + [.unsafeFlags(["-parse-as-library"])]))
    package.products.append(.executable(name: "galley-fuzz", targets: ["galley-fuzz"]))
}

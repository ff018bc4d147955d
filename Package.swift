// swift-tools-version:6.0
import PackageDescription

// Layers, bottom up (see docs/architecture.md):
//   CZlib, CNcursesw      C shims over system libraries (apt: zlib1g-dev, libncursesw5-dev)
//   CKernels              small C loops Swift compiles poorly: CRC-32C by instruction, branch-free compaction, range checks, byte search
//   SteamLensData         raw readers, cleaning rules, load report, SQLite store
//   SteamLensEngine       typed in-memory model, queries, statistics, models
//   SteamLensSample       deterministic synthetic data generator
//   StreamingCatalog      the streaming data set: CSV readers, rules, catalogue, questions, models
//   StreamingSample       deterministic synthetic streaming catalogue and ratings with known structure
//   TerminalUI            cell grid, widgets, Terminal protocol (ncurses + in-memory)
//   SteamLensApp          AppState, reduce, render
//   SteamLensOutput       result printing (table/csv/json) and error → exit code / HTTP status, for CLI and server
//   SteamLensServer       the HTTP API (Hummingbird 2): routes generated from the query registry
//   steamlens             the command-line entry point
// steamlens-fuzz: libFuzzer targets, or a replayer of their corpus
// (scripts/fuzz.sh, docs/reliability.md). It reaches internal decoders with
// @testable import, which builds only with testing enabled, so it exists
// only when scripts/fuzz.sh asks for it (STEAMLENS_FUZZ=1): a plain
// `swift build -c release` builds the app alone.
let fuzzing = Context.environment["STEAMLENS_FUZZ"] != nil
let fuzzProducts: [Product] = fuzzing ? [.executable(name: "steamlens-fuzz", targets: ["SteamLensFuzz"])] : []
let fuzzTargets: [Target] = fuzzing ? [
    .executableTarget(name: "SteamLensFuzz", dependencies: ["SteamLensData", "SteamLensEngine", "StreamingCatalog", "SteamLensTestSupport"]),
] : []

let package = Package(
    name: "SteamLens",
    platforms: [.macOS(.v14)],  // Hummingbird 2 needs macOS 14
    products: [
        .executable(name: "steamlens", targets: ["steamlens"]),
        .library(name: "SteamLensEngine", targets: ["SteamLensEngine"]),
    ] + fuzzProducts,
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", exact: "6.4.0"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        // The explorer's settings file ($XDG_CONFIG_HOME/steamlens/config.toml).
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "CKernels"),
        .target(
            name: "SteamLensData",
            dependencies: [
                "CZlib",
                "CKernels",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "SteamLensEngine", dependencies: ["SteamLensData", "CKernels"]),
        .target(name: "SteamLensSample", dependencies: ["SteamLensData", "CZlib"]),
        .target(name: "StreamingCatalog", dependencies: ["CKernels", "SteamLensData", "SteamLensEngine"], swiftSettings: [.swiftLanguageMode(.v6)]),
        .target(name: "StreamingSample", dependencies: ["SteamLensData", "SteamLensEngine", "StreamingCatalog"], swiftSettings: [.swiftLanguageMode(.v6)]),
        .target(name: "TerminalUI", dependencies: ["CNcursesw"]),
        .target(name: "SteamLensApp", dependencies: ["SteamLensData", "SteamLensEngine", "StreamingCatalog", "TerminalUI",
                                                     .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(
            name: "SteamLensOutput",
            dependencies: ["SteamLensData", "SteamLensEngine", "TerminalUI"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .target(
            name: "SteamLensServer",
            dependencies: [
                "SteamLensData", "SteamLensEngine", "SteamLensOutput", "StreamingCatalog",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "steamlens",
            dependencies: [
                "SteamLensData", "SteamLensEngine", "SteamLensSample", "SteamLensApp", "TerminalUI", "SteamLensServer", "SteamLensOutput",
                "StreamingCatalog", "StreamingSample",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Fixtures and real-data helpers shared by the test targets.
        .target(name: "SteamLensTestSupport", dependencies: ["SteamLensData", "CZlib"], path: "Tests/SteamLensTestSupport"),
        .testTarget(name: "SteamLensDataTests", dependencies: ["SteamLensData", "SteamLensTestSupport"]),
        .testTarget(name: "SteamLensEngineTests", dependencies: ["SteamLensEngine", "SteamLensTestSupport"]),
        .testTarget(name: "SteamLensSampleTests", dependencies: ["SteamLensSample", "CZlib"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(
            name: "StreamingCatalogTests",
            dependencies: ["StreamingCatalog", "StreamingSample", "SteamLensData", "SteamLensEngine", "SteamLensTestSupport"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // Swift Testing with random inputs; the only target in Swift 6 mode.
        .testTarget(
            name: "SteamLensPropertyTests",
            dependencies: [
                "SteamLensData", "SteamLensEngine", "SteamLensSample", "SteamLensTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "SteamLensServer", "SteamLensEngine", "SteamLensData", "SteamLensOutput", "SteamLensTestSupport", "StreamingCatalog",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(name: "SteamLensAppTests", dependencies: ["SteamLensApp", "SteamLensEngine", "StreamingCatalog", "TerminalUI"]),
        // The command line: output safety, argument checks, finding the bundled sample, the built binary.
        .testTarget(name: "SteamLensCLITests", dependencies: ["steamlens", "SteamLensData", "SteamLensEngine", "SteamLensOutput", "SteamLensTestSupport"]),
    ] + fuzzTargets,
    swiftLanguageModes: [.v5]
)

// swift-tools-version: 6.0
import PackageDescription

// The pipeline, visible from the target list:
//   CrossreadIngest -> CrossreadClean (plain text) / CrossreadHTML (HTML) -> CrossreadPipeline
//   -> CrossreadSQLite (storage) -> crossread (CLI)
// CrossreadCore holds the document model and stage protocols and depends on nothing.
let package = Package(
    name: "Crossread",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "crossread", targets: ["crossread"]),
        .library(name: "CrossreadPipeline", targets: ["CrossreadPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // Only the server and PostgreSQL targets (and the CLI) use these; the pipeline never builds them.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // Model, spans, errors, stage protocols. No dependencies.
        .target(name: "CrossreadCore"),

        // System libraries (Debian: libxml2-dev, zlib1g-dev).
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),

        // Stage 1: read files, folders, gzip, feeds and JSON Lines into raw articles.
        .target(name: "CrossreadIngest", dependencies: ["CrossreadCore", "CZlib", "CLibXML2"]),
        // Stage 2a: clean plain text (boilerplate blocks out, metadata found).
        .target(name: "CrossreadClean", dependencies: ["CrossreadCore"]),
        // Stage 2b: extract main content and metadata from HTML through libxml2.
        .target(name: "CrossreadHTML", dependencies: ["CrossreadCore", "CLibXML2"]),
        // Stage 3: language analysis (sentences, tokens, entities, quotes, times, claims).
        .target(name: "CrossreadLanguage", dependencies: ["CrossreadCore"], resources: [.copy("Resources")]),
        // Assembles the stages into documents.
        .target(name: "CrossreadPipeline",
                dependencies: ["CrossreadCore", "CrossreadIngest", "CrossreadClean", "CrossreadHTML",
                               "CrossreadLanguage", "CrossreadCorpus"]),
        // Storage adapter: SQLite through GRDB, FTS5 search.
        .target(name: "CrossreadSQLite",
                dependencies: ["CrossreadCore", "CrossreadLanguage", .product(name: "GRDB", package: "GRDB.swift")]),
        // Storage adapter: PostgreSQL through postgres-nio, its own text search; for teams and parallel workers.
        .target(name: "CrossreadPostgres",
                dependencies: ["CrossreadCore", "CrossreadLanguage", .product(name: "PostgresNIO", package: "postgres-nio")]),
        // The local web app and JSON API on Hummingbird, over any DocumentStore.
        .target(name: "CrossreadServer",
                dependencies: ["CrossreadCore", "CrossreadPipeline", "CrossreadReport",
                               .product(name: "Hummingbird", package: "hummingbird")]),
        // The command-line tool: parses arguments, calls the library.
        .executableTarget(name: "crossread",
                          dependencies: ["CrossreadPipeline", "CrossreadSQLite", "CrossreadPostgres", "CrossreadServer",
                                         "CrossreadReport",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // Corpus-wide stages: near-duplicates, stories and topics.
        .target(name: "CrossreadCorpus", dependencies: ["CrossreadCore"], resources: [.copy("Resources")]),
        // Reports: the self-contained HTML dossier, its JSON (crossread/1) and Markdown.
        .target(name: "CrossreadReport", dependencies: ["CrossreadCore"]),

        // Shared test helpers: span verifier, locating ../shared corpora.
        .target(name: "CrossreadTestSupport", dependencies: ["CrossreadCore"]),

        // Benchmarks and evaluations (release builds, run from scripts/, never from `swift test`).
        .executableTarget(name: "clean-eval", dependencies: ["CrossreadPipeline"],
                          path: "Benchmarks/CleanEval"),
        .executableTarget(name: "html-eval", dependencies: ["CrossreadHTML", "CrossreadCore", "CZlib", "CrossreadTestSupport"],
                          path: "Benchmarks/HTMLEval"),
        .executableTarget(name: "corpus-eval", dependencies: ["CrossreadCorpus", "CrossreadPipeline", "CrossreadLanguage", "CrossreadSQLite"],
                          path: "Benchmarks/CorpusEval"),
        .executableTarget(name: "language-eval", dependencies: ["CrossreadLanguage"],
                          path: "Benchmarks/LanguageEval"),
        .executableTarget(name: "train-tagger", dependencies: ["CrossreadLanguage"],
                          path: "Benchmarks/TrainTagger"),
        .executableTarget(name: "gold-eval", dependencies: ["CrossreadLanguage"], path: "Benchmarks/GoldEval"),
        .executableTarget(name: "serve-load", dependencies: ["CrossreadPipeline", "CrossreadLanguage", "CrossreadSQLite", "CrossreadPostgres"], path: "Benchmarks/ServeLoad"),

        .testTarget(name: "CrossreadReportTests", dependencies: ["CrossreadReport", "CrossreadTestSupport"]),
        .testTarget(name: "CrossreadCoreTests", dependencies: ["CrossreadCore", "CrossreadTestSupport"]),
        .testTarget(name: "CrossreadIngestTests", dependencies: ["CrossreadIngest", "CrossreadTestSupport"]),
        .testTarget(name: "CrossreadCleanTests", dependencies: ["CrossreadClean", "CrossreadTestSupport"]),
        .testTarget(name: "CrossreadHTMLTests", dependencies: ["CrossreadHTML", "CrossreadTestSupport"]),
        .testTarget(name: "CrossreadLanguageTests", dependencies: ["CrossreadLanguage", "CrossreadTestSupport"],
                    exclude: ["Gold"]),
        .testTarget(name: "CrossreadPipelineTests", dependencies: ["CrossreadPipeline", "CrossreadSQLite", "CrossreadTestSupport"]),
        .testTarget(name: "CrossreadSQLiteTests", dependencies: ["CrossreadSQLite", "CrossreadTestSupport"]),
        .testTarget(name: "CrossreadCorpusTests", dependencies: ["CrossreadCorpus", "CrossreadTestSupport", "CrossreadClean", "CrossreadLanguage"]),
        .testTarget(name: "CrossreadPostgresTests", dependencies: ["CrossreadPostgres", "CrossreadTestSupport"]),
        .testTarget(name: "CrossreadServerTests",
                    dependencies: ["CrossreadServer", "CrossreadSQLite", "CrossreadTestSupport",
                                   .product(name: "HummingbirdTesting", package: "hummingbird")]),
        .testTarget(name: "CrossreadCLITests", dependencies: ["crossread", "CrossreadTestSupport", "CrossreadSQLite"]),
    ]
)

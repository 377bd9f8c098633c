import ArgumentParser
import CrossreadCore
import CrossreadPipeline
import CrossreadSQLite
import Foundation

/// Options shared by the commands that use the library.
struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The library file (default: crossread.db here, or $CROSSREAD_DB).", valueName: "file"))
    var db: String = ProcessInfo.processInfo.environment["CROSSREAD_DB"] ?? "crossread.db"

    /// Opens (creating when absent) the library the options name.
    func open() async throws -> any DocumentStore {
        try SQLiteLibrary(path: db)
    }

    /// Opens the library for reading; a missing file is an error rather than a new empty library.
    func openExisting() async throws -> any DocumentStore {
        guard FileManager.default.fileExists(atPath: db) else {
            throw CrossreadError(source: db, stage: .store,
                                 reason: "no library here yet (run `crossread ingest PATH` first, or pass --db FILE)")
        }
        return try await open()
    }
}

/// Options shared by the commands that read articles.
struct ReadingOptions: ParsableArguments {
    @Flag(name: .long, help: "Take text input as already clean: remove no block.")
    var noClean = false

    @Option(name: .long, help: ArgumentHelp("Largest article to read, in MB (default 20).", valueName: "MB"))
    var maxSize: Double?

    @Option(name: .long, help: ArgumentHelp("A JSON file of pipeline settings; flags override it.", valueName: "file"))
    var config: String?

    func pipelineOptions() throws -> PipelineOptions {
        var options = PipelineOptions()
        if let config {
            guard let data = FileManager.default.contents(atPath: config) else {
                throw CrossreadError(source: config, stage: .configuration, reason: "cannot read the configuration file")
            }
            do {
                options = try JSONDecoder().decode(PipelineOptions.self, from: data)
            } catch {
                throw CrossreadError(source: config, stage: .configuration, reason: "not a valid configuration: \(error)")
            }
        }
        if noClean { options.clean = false }
        if let maxSize {
            guard maxSize > 0 else { throw ValidationError("--max-size must be positive") }
            options.maxArticleBytes = Int(maxSize * 1024 * 1024)
        }
        return options
    }
}

import ArgumentParser
import CrossreadCore
import CrossreadPipeline
import CrossreadPostgres
import CrossreadSQLite
import Foundation

/// Options shared by the commands that use the library: an SQLite file (`--db`) or a PostgreSQL
/// database (`--postgres URL`, or `$CROSSREAD_POSTGRES` when no `--db` is given).
struct LibraryOptions: ParsableArguments {
    static var defaultDB: String { ProcessInfo.processInfo.environment["CROSSREAD_DB"] ?? "crossread.db" }

    @Option(name: .long, help: ArgumentHelp("The library file (default: crossread.db here, or $CROSSREAD_DB).", valueName: "file"))
    var db: String = LibraryOptions.defaultDB

    @Option(name: .long, help: ArgumentHelp(
        "A PostgreSQL library instead of a file: postgres://user:password@host:port/database (or $CROSSREAD_POSTGRES).",
        valueName: "url"))
    var postgres: String?

    /// The PostgreSQL URL in force after validation: `--postgres`, else `$CROSSREAD_POSTGRES` unless
    /// `--db` names a file.
    private var postgresURL: String?

    enum CodingKeys: String, CodingKey { case db, postgres }

    mutating func validate() throws {
        if postgres != nil, db != Self.defaultDB {
            throw ValidationError("--db and --postgres name two different libraries; pass one of them")
        }
        let fromEnvironment = db == Self.defaultDB ? ProcessInfo.processInfo.environment["CROSSREAD_POSTGRES"] : nil
        guard let url = (postgres ?? fromEnvironment).flatMap({ $0.isEmpty ? nil : $0 }) else { return }
        do {
            // Messages name the library by `db`: the URL without its password.
            db = try PostgresLocation(url: url).redacted
        } catch {
            throw ValidationError("\(error)")
        }
        postgresURL = url
    }

    /// Opens (creating the schema or file when absent) the library the options name.
    func open() async throws -> any DocumentStore {
        if let postgresURL {
            let library = try await PostgresLibrary(url: postgresURL)
            OpenLibraries.shared.closeAtExit(library)
            return library
        }
        return try SQLiteLibrary(path: db)
    }

    /// Opens the library for reading; a missing file is an error rather than a new empty library.
    /// (A PostgreSQL database must exist already; an empty one reads as an empty library.)
    func openExisting() async throws -> any DocumentStore {
        guard postgresURL != nil || FileManager.default.fileExists(atPath: db) else {
            throw CrossreadError(source: db, stage: .store,
                                 reason: "no library here yet (run `crossread ingest PATH` first, or pass --db FILE)")
        }
        return try await open()
    }
}

/// The PostgreSQL libraries this process opened, closed when it exits (normally or through
/// `exit`), so every connection ends with a goodbye rather than a dropped socket.
final class OpenLibraries: @unchecked Sendable {
    static let shared = OpenLibraries()

    private let lock = NSLock()
    private var libraries: [PostgresLibrary] = []
    private var registered = false

    func closeAtExit(_ library: PostgresLibrary) {
        let first = lock.withLock {
            libraries.append(library)
            defer { registered = true }
            return !registered
        }
        if first { atexit { OpenLibraries.shared.closeAll() } }
    }

    /// Closes every library, waiting at most five seconds: the pool's tasks run on other threads,
    /// so blocking the exiting thread for them is safe.
    func closeAll() {
        let open = lock.withLock {
            defer { libraries.removeAll() }
            return libraries
        }
        guard !open.isEmpty else { return }
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            for library in open { await library.close() }
            done.signal()
        }
        _ = done.wait(timeout: .now() + 5)
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

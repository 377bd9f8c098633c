import CrossreadCore
import Foundation
import Logging
import PostgresNIO

/// A library of documents in a PostgreSQL database, searchable through PostgreSQL's text search.
/// Several processes may fill one database at once: each document is stored exactly once. Call
/// `close()` when done; it shuts the connection pool down.
public final class PostgresLibrary: DocumentStore {
    /// Where the library lives, without its password; errors name it.
    public let location: PostgresLocation
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>

    /// Connects to the database `location` names, brings its schema up to date (several processes
    /// may do this at once) and starts a pool of at most `maximumConnections` connections. Throws a
    /// `.store` error naming the redacted URL when the server cannot be reached within
    /// `connectTimeout`, refuses the login, or holds tables Crossread did not create.
    public init(location: PostgresLocation, maximumConnections: Int = 8,
                connectTimeout: Duration = .seconds(5)) async throws(CrossreadError) {
        self.location = location
        let logger = Logger(label: "crossread.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        self.logger = logger
        let tls = try Self.tlsConfiguration(location)
        // One connection first, outside the pool: it reports a refused login or a dead server at
        // once (the pool would retry for a minute), and it runs the migrations.
        do {
            let connection = try await Self.connect(location, timeout: connectTimeout, logger: logger)
            do {
                _ = try await PostgresSchema.migrate(connection, location: location.redacted, logger: logger)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        } catch {
            throw PostgresFailure.storeError(error, location: location, operation: "open the library")
        }
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: tls)
        configuration.options.connectTimeout = connectTimeout
        configuration.options.maximumConnections = max(1, maximumConnections)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
    }

    /// Opens the library a `postgres://` URL names.
    public convenience init(url: String, maximumConnections: Int = 8) async throws(CrossreadError) {
        try await self.init(location: try PostgresLocation(url: url), maximumConnections: maximumConnections)
    }

    /// Closes every connection; later calls fail with a `.store` error. Safe to call twice.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    /// The named migrations applied to this database, in the order Crossread defines them (names
    /// it does not know, from a newer Crossread, last).
    public func appliedMigrations() async throws -> [String] {
        try await operation("list migrations") {
            var names: [String] = []
            for try await name in try await client.query("SELECT name FROM crossread_migrations ORDER BY name",
                                                         logger: logger).decode(String.self) {
                names.append(name)
            }
            let order = PostgresSchema.migrations.map(\.name)
            return names.sorted { (order.firstIndex(of: $0) ?? order.count) < (order.firstIndex(of: $1) ?? order.count) }
        }
    }

    // MARK: DocumentStore

    public func add(_ document: Document) async throws -> StoreOutcome {
        try Self.validate(document)
        let columns: DocumentColumns
        do {
            columns = try DocumentColumns(document)
        } catch {
            throw CrossreadError(source: document.source, stage: .store, reason: "cannot encode the document: \(error)")
        }
        var withNUL = columns.fieldsWithNUL
        if document.removed.contains(where: { $0.text.utf8.contains(0) }) { withNUL.append("removed blocks") }
        guard withNUL.isEmpty else {
            throw CrossreadError(source: document.source, stage: .store,
                                 reason: "the document's \(withNUL.joined(separator: ", ")) holds a NUL character, "
                                    + "which PostgreSQL text cannot store")
        }
        let removed = try Self.json(document.removed.enumerated().map {
            RemovedBlockRow(position: $0.offset, kind: $0.element.kind.rawValue, text: $0.element.text)
        })
        let annotations = document.annotations
        let terms = SearchTerms(title: document.metadata.title, text: document.text, weighting: .tsRank)
        let logger = logger
        return try await operation("store \(document.id) (\(document.source))") {
            try await client.withTransaction(logger: logger) { connection in
                // ON CONFLICT DO NOTHING waits for a concurrent insert of the same id (another
                // process's) to commit or roll back, so exactly one of them stores the row.
                let inserted = try await connection.query("""
                    INSERT INTO document (id, content_hash, source, format, original, text, paragraphs, title,
                        authors, published, updated, publisher, language, url, description, word_count, annotations,
                        fetched)
                    VALUES (\(columns.id), \(columns.contentHash), \(columns.source), \(columns.format),
                        \(ByteBuffer(bytes: columns.original)), \(columns.text), \(columns.paragraphs), \(columns.title),
                        \(columns.authors), \(columns.published), \(columns.updated), \(columns.publisher),
                        \(columns.language), \(columns.url), \(columns.description), \(columns.wordCount),
                        \(columns.annotations), \(columns.fetched))
                    ON CONFLICT DO NOTHING
                    RETURNING seq
                    """, logger: logger).decode(Int64.self).reduce(into: [Int64]()) { $0.append($1) }
                guard let seq = inserted.first else {
                    let existing = try await connection.query(
                        "SELECT content_hash FROM document WHERE id = \(columns.id)", logger: logger)
                        .decode(String.self).reduce(into: [String]()) { $0.append($1) }
                    guard let hash = existing.first else {
                        throw CrossreadError(source: document.source, stage: .store,
                                             reason: "the insert of \(columns.id) conflicted, yet no row holds it")
                    }
                    guard hash == columns.contentHash else {
                        throw CrossreadError(
                            source: document.source, stage: .store,
                            reason: "id \(columns.id) is already taken by a different document "
                                + "(content hash \(hash)); refusing to store \(columns.contentHash)")
                    }
                    return StoreOutcome.alreadyPresent(id: columns.id)
                }
                if !document.removed.isEmpty {
                    try await connection.query("""
                        INSERT INTO removed_block (document_id, position, kind, text)
                        SELECT \(columns.id), r.position, r.kind, r.text
                        FROM jsonb_to_recordset(\(removed)::jsonb) AS r(position integer, kind text, text text)
                        """, logger: logger)
                }
                if annotations != Annotations() {
                    try await Self.writeAnnotationRows(annotations, documentID: columns.id, text: columns.text,
                                                       connection, logger)
                    try await Self.markAwaitingStory(columns.id, connection, logger)
                }
                try await Self.writeSearchTerms(terms, seq: seq, published: columns.published, connection, logger)
                try await Self.countDocument(publisher: document.metadata.publisher, source: document.source, connection, logger)
                return StoreOutcome.added(id: columns.id)
            }
        }
    }

    public func document(id: String) async throws -> Document? {
        let key = id.lowercased()
        guard key.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        guard key.utf8.count >= 4 else {
            throw CrossreadError(source: id, stage: .store, reason: "an id prefix needs at least 4 hex digits")
        }
        let logger = logger
        return try await operation("read document \(id)") {
            try await client.withConnection { connection -> Document? in
                // Every content hash starting with `key` sorts in [key, key + "g") under the C collation.
                var matches: [String] = []
                for try await match in try await connection.query("""
                    SELECT id FROM document WHERE content_hash >= \(key) AND content_hash < \(key + "g")
                    ORDER BY seq LIMIT 3
                    """, logger: logger).decode(String.self) {
                    matches.append(match)
                }
                guard let match = matches.first else { return nil }
                guard matches.count == 1 else {
                    throw CrossreadError(source: id, stage: .store,
                                         reason: "ambiguous id prefix: it matches \(matches.joined(separator: ", "))"
                                            + "\(matches.count > 2 ? ", …" : ""); give more digits")
                }
                let rows = try await connection.query(PostgresQuery(
                    unsafeSQL: "SELECT \(DocumentColumns.selectList) FROM document WHERE id = $1",
                    binds: Self.bindings(match)), logger: logger).collect()
                guard let row = rows.first else { return nil }
                let columns = try DocumentColumns(row: row)
                var removed: [RemovedBlock] = []
                for try await (position, kind, text) in try await connection.query("""
                    SELECT position, kind, text FROM removed_block WHERE document_id = \(match) ORDER BY position
                    """, logger: logger).decode((Int, String, String).self) {
                    removed.append(try Self.removedBlock(match, position, kind, text))
                }
                return try columns.document(removed: removed)
            }
        }
    }

    public func list() async throws -> [DocumentSummary] {
        try await operation("list documents") {
            var summaries: [DocumentSummary] = []
            for try await (id, source, title, published, publisher, words) in try await client.query("""
                SELECT id, source, title, published, publisher, word_count FROM document ORDER BY seq
                """, logger: logger).decode((String, String, String?, String?, String?, Int).self) {
                summaries.append(DocumentSummary(id: id, source: source, title: title, published: published,
                                                 publisher: publisher, words: words))
            }
            return summaries
        }
    }

    public func count() async throws -> Int {
        try await operation("count documents") {
            try await client.query("SELECT count(*) FROM document", logger: logger).decode(Int.self)
                .reduce(0, +)
        }
    }

    // MARK: Support

    /// Runs one operation and turns what it throws into a `.store` error naming the library.
    func operation<T: Sendable>(_ what: String, _ body: () async throws -> T) async throws(CrossreadError) -> T {
        do {
            return try await body()
        } catch {
            throw PostgresFailure.storeError(error, location: location, operation: what)
        }
    }

    /// Bindings for `PostgresQuery(unsafeSQL:binds:)`, in order.
    static func bindings(_ values: String...) -> PostgresBindings {
        var binds = PostgresBindings(capacity: values.count)
        for value in values { binds.append(value) }
        return binds
    }

    /// JSON text for a `jsonb_to_recordset` parameter.
    static func json<T: Encodable>(_ value: T) throws(CrossreadError) -> String {
        do {
            return String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        } catch {
            throw CrossreadError(stage: .store, reason: "cannot encode rows as JSON: \(error)")
        }
    }

    /// Refuses a document whose identity is malformed: the content hash must be SHA-256 in
    /// lowercase hex, since ids and prefix look-ups are taken from it.
    static func validate(_ document: Document) throws(CrossreadError) {
        let hash = document.contentHash.utf8
        guard hash.count == 64, hash.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw CrossreadError(source: document.source, stage: .store,
                                 reason: "content hash \"\(document.contentHash)\" is not 64 lowercase hex digits")
        }
    }

    private static func tlsConfiguration(_ location: PostgresLocation) throws(CrossreadError) -> PostgresClient.Configuration.TLS {
        switch location.sslMode {
        case .disable:
            return .disable
        case .prefer, .require:
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            return location.sslMode == .prefer ? .prefer(tls) : .require(tls)
        case .verifyFull:
            return .require(.makeClientConfiguration())
        }
    }

    /// One connection outside the pool, with a connect timeout.
    static func connect(_ location: PostgresLocation, timeout: Duration, logger: Logger) async throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: try connectionTLS(location))
        configuration.options.connectTimeout = .nanoseconds(timeout.components.seconds * 1_000_000_000
            + timeout.components.attoseconds / 1_000_000_000)
        return try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
    }

    private static func connectionTLS(_ location: PostgresLocation) throws(CrossreadError) -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch location.sslMode {
        case .disable:
            return .disable
        case .prefer, .require:
            configuration.certificateVerification = .none
        case .verifyFull:
            break
        }
        do {
            let context = try NIOSSLContext(configuration: configuration)
            return location.sslMode == .prefer ? .prefer(context) : .require(context)
        } catch {
            throw CrossreadError(source: location.redacted, stage: .store, reason: "cannot set up TLS: \(error)")
        }
    }
}

/// A removed block as `jsonb_to_recordset` reads it.
struct RemovedBlockRow: Encodable {
    var position: Int
    var kind: String
    var text: String
}

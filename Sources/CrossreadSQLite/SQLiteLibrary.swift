import CrossreadCore
import Foundation
internal import GRDB

/// A library of documents in one SQLite file (WAL mode), searchable through FTS5. Safe to share
/// between tasks; several processes may open the same file.
public actor SQLiteLibrary: DocumentStore {
    /// The file path, or `:memory:`; errors name it.
    public nonisolated let location: String
    let writer: any DatabaseWriter

    /// Opens the library at `path`, creating the file (and its folder) when absent and bringing
    /// its schema up to date. Throws a `.store` error naming the path when it cannot.
    public init(path: String) throws(CrossreadError) {
        location = path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw CrossreadError(source: path, stage: .store, reason: "is a folder, not a library file")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CrossreadError(source: path, stage: .store,
                                 reason: "cannot create the library's folder \(folder.path)")
        }
        do {
            writer = try DatabasePool(path: path, configuration: SQLiteLibrary.configuration)
        } catch {
            throw SQLiteLibrary.openingError(error, path: path)
        }
        try SQLiteLibrary.migrate(writer, location: path)
    }

    private init(memory: DatabaseQueue) throws(CrossreadError) {
        location = ":memory:"
        writer = memory
        try SQLiteLibrary.migrate(writer, location: location)
    }

    /// A library held in memory, gone when the value is; for tests and one-off runs.
    public static func inMemory() throws(CrossreadError) -> SQLiteLibrary {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration)
        } catch {
            throw openingError(error, path: ":memory:")
        }
        return try SQLiteLibrary(memory: queue)
    }

    // MARK: DocumentStore

    public func add(_ document: Document) async throws -> StoreOutcome {
        try Self.validate(document)
        let ingestedAt = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true)
            .timeZone(separator: .omitted).dateSeparator(.dash).timeSeparator(.colon))
        return try await storeOperation("store \(document.id) (\(document.source))") { writer in
            try await writer.writeWithoutTransaction { db in
                var outcome = StoreOutcome.added(id: document.id)
                // IMMEDIATE takes the write lock first, so the look-up and the insert cannot
                // interleave with another connection's (another process's) add.
                try db.inTransaction(.immediate) {
                    let existing = try String.fetchOne(
                        db, sql: "SELECT content_hash FROM document WHERE id = ?", arguments: [document.id])
                    if let existing {
                        guard existing == document.contentHash else {
                            throw CrossreadError(
                                source: document.source, stage: .store,
                                reason: "id \(document.id) is already taken by a different document "
                                    + "(content hash \(existing)); refusing to store \(document.contentHash)")
                        }
                        outcome = .alreadyPresent(id: document.id)
                        return .rollback
                    }
                    // The insert trigger writes the search index row in this same transaction.
                    try DocumentRecord(document, ingestedAt: ingestedAt).insert(db)
                    for (position, block) in document.removed.enumerated() {
                        try RemovedBlockRecord(documentID: document.id, position: position, block: block).insert(db)
                    }
                    if document.annotations != Annotations() {
                        try Self.writeAnnotationRows(document.annotations, documentID: document.id, db)
                        try Self.markAwaitingStory(document.id, db)
                    }
                    return .commit
                }
                return outcome
            }
        }
    }

    public func document(id: String) async throws -> Document? {
        let key = id.lowercased()
        guard key.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        guard key.utf8.count >= 4 else {
            throw CrossreadError(source: id, stage: .store,
                                 reason: "an id prefix needs at least 4 hex digits")
        }
        return try await storeOperation("read document \(id)") { writer in
            try await writer.read { db -> Document? in
                // Every content hash starting with `key` sorts in [key, key + "g"): hex digits are below "g".
                let matches = try String.fetchAll(
                    db, sql: "SELECT id FROM document WHERE content_hash >= ? AND content_hash < ? ORDER BY seq LIMIT 3",
                    arguments: [key, key + "g"])
                guard let match = matches.first else { return nil }
                guard matches.count == 1 else {
                    throw CrossreadError(source: id, stage: .store,
                                         reason: "ambiguous id prefix: it matches \(matches.joined(separator: ", "))"
                                            + "\(matches.count > 2 ? ", …" : ""); give more digits")
                }
                guard let record = try DocumentRecord.fetchOne(
                    db, sql: "SELECT * FROM document WHERE id = ?", arguments: [match]) else { return nil }
                let blocks = try RemovedBlockRecord.fetchAll(
                    db, sql: "SELECT * FROM removed_block WHERE document_id = ? ORDER BY position",
                    arguments: [record.id])
                var removed: [RemovedBlock] = []
                removed.reserveCapacity(blocks.count)
                for block in blocks { removed.append(try block.block) }
                return try record.document(removed: removed)
            }
        }
    }

    public func list() async throws -> [DocumentSummary] {
        try await storeOperation("list documents") { writer in
            try await writer.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT id, source, title, published, publisher, word_count FROM document ORDER BY seq
                    """).map {
                    DocumentSummary(id: $0["id"], source: $0["source"], title: $0["title"],
                                    published: $0["published"], publisher: $0["publisher"], words: $0["word_count"])
                }
            }
        }
    }

    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        guard query.limit > 0, let expression = FTSQuery(query.text).expression else { return [] }
        var filters = ""
        var arguments: [DatabaseValue] = [expression.databaseValue]
        if !query.entityIDs.isEmpty {
            filters += " AND d.id IN (SELECT document_id FROM document_entity WHERE entity_id IN ("
                + Array(repeating: "?", count: query.entityIDs.count).joined(separator: ", ") + "))"
            arguments += query.entityIDs.map(\.databaseValue)
        }
        if let source = query.source?.lowercased(), !source.isEmpty {
            filters += " AND (instr(lower(d.source), ?) > 0 OR instr(lower(coalesce(d.publisher, '')), ?) > 0"
                + " OR instr(lower(coalesce(d.url, '')), ?) > 0)"
            arguments += Array(repeating: source.databaseValue, count: 3)
        }
        if let from = query.publishedFrom {
            filters += " AND substr(d.published, 1, 10) >= ?"
            arguments.append(from.databaseValue)
        }
        if let through = query.publishedThrough {
            filters += " AND substr(d.published, 1, 10) <= ?"
            arguments.append(through.databaseValue)
        }
        arguments += [query.limit.databaseValue, max(0, query.offset).databaseValue]
        let bound = arguments
        // Title weighs 5, text 1. `ORDER BY rank` lets FTS5 sort internally, so snippets are only
        // made for the rows returned. The text's snippet is preferred; a title-only match shows
        // the title with its words marked.
        let sql = """
            SELECT d.id, d.source, d.title, d.published, d.publisher, document_fts.rank AS score,
                   snippet(document_fts, 1, '\(MarkedSnippet.start)', '\(MarkedSnippet.end)', '…', 24) AS text_snippet,
                   snippet(document_fts, 0, '\(MarkedSnippet.start)', '\(MarkedSnippet.end)', '…', 24) AS title_snippet
            FROM document_fts JOIN document d ON d.seq = document_fts.rowid
            WHERE document_fts MATCH ? AND document_fts.rank MATCH 'bm25(5.0, 1.0)'\(filters)
            ORDER BY document_fts.rank
            LIMIT ? OFFSET ?
            """
        return try await storeOperation("search for \"\(query.text)\"") { writer in
            try await writer.read { db in
                try Row.fetchAll(db, sql: sql, arguments: StatementArguments(bound)).map { row in
                    let text = MarkedSnippet(marked: row["text_snippet"] ?? "")
                    let title = MarkedSnippet(marked: row["title_snippet"] ?? "")
                    let shown = text.hasHighlights || !title.hasHighlights ? text : title
                    return SearchHit(id: row["id"], source: row["source"], title: row["title"], score: row["score"],
                                     snippet: shown.text, highlights: shown.highlights,
                                     published: row["published"], publisher: row["publisher"])
                }
            }
        }
    }

    public func count() async throws -> Int {
        try await storeOperation("count documents") { writer in
            try await writer.read { db in try DocumentRecord.fetchCount(db) }
        }
    }
}

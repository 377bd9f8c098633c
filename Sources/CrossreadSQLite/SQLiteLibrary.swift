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
        try await add(contentsOf: [document])[0]
    }

    /// Stores the documents in one transaction: all of them or, when one cannot be stored (its id
    /// taken by different content), none.
    public func add(contentsOf documents: [Document]) async throws -> [StoreOutcome] {
        guard !documents.isEmpty else { return [] }
        for document in documents { try Self.validate(document) }
        let ingestedAt = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true)
            .timeZone(separator: .omitted).dateSeparator(.dash).timeSeparator(.colon))
        // Search terms are found off the write lock.
        let terms = documents.map { SearchTerms(title: $0.metadata.title, text: $0.text) }
        let what = documents.count == 1 ? "store \(documents[0].id) (\(documents[0].source))" : "store \(documents.count) documents"
        return try await storeOperation(what) { writer in
            try await writer.writeWithoutTransaction { db in
                var outcomes: [StoreOutcome] = []
                // IMMEDIATE takes the write lock first, so the look-up and the insert cannot
                // interleave with another connection's (another process's) add.
                try db.inTransaction(.immediate) {
                    for (document, terms) in zip(documents, terms) {
                        outcomes.append(try Self.insert(document, terms: terms, ingestedAt: ingestedAt, db))
                    }
                    return outcomes.contains(where: { if case .added = $0 { true } else { false } }) ? .commit : .rollback
                }
                return outcomes
            }
        }
    }

    /// Inserts one document with its removed blocks, annotation rows and search terms, unless a
    /// document with its content hash is there; throws when its id is taken by different content.
    private static func insert(_ document: Document, terms: SearchTerms, ingestedAt: String,
                               _ db: Database) throws -> StoreOutcome {
        let existing = try String.fetchOne(
            db, sql: "SELECT content_hash FROM document WHERE id = ?", arguments: [document.id])
        if let existing {
            guard existing == document.contentHash else {
                throw CrossreadError(
                    source: document.source, stage: .store,
                    reason: "id \(document.id) is already taken by a different document "
                        + "(content hash \(existing)); refusing to store \(document.contentHash)")
            }
            return .alreadyPresent(id: document.id)
        }
        // The insert trigger writes the search index row in this same transaction.
        let record = DocumentRecord(document, ingestedAt: ingestedAt)
        try record.insert(db)
        let seq = db.lastInsertedRowID
        for (position, block) in document.removed.enumerated() {
            try RemovedBlockRecord(documentID: document.id, position: position, block: block).insert(db)
        }
        if document.annotations != Annotations() {
            try writeAnnotationRows(document.annotations, documentID: document.id, db)
            try markAwaitingStory(document.id, db)
        }
        try writeSearchTerms(terms, seq: seq, published: record.published, db)
        try countDocument(publisher: document.metadata.publisher, source: document.source, db)
        return .added(id: document.id)
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

    public func count() async throws -> Int {
        try await storeOperation("count documents") { writer in
            try await writer.read { db in try DocumentRecord.fetchCount(db) }
        }
    }
}

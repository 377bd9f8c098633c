import CrossreadCore
@testable import CrossreadSQLite
import CrossreadTestSupport
import Foundation
import GRDB
import Testing

/// What only a library in a file shows: migrations, persistence, opening errors, atomic adds.
@Suite struct SQLiteLibraryFileTests {
    static let sample = DocumentStoreConformance.document(
        "file-sample", title: "Ferry timetable", paragraphs: ["The ferry now leaves at dawn.", "Tickets cost more."],
        published: PublicationDate(year: 2024, month: 6, day: 2), publisher: "Harbour Gazette",
        removed: [RemovedBlock(kind: .byline, text: "By a reporter"), RemovedBlock(kind: .ad, text: "Advertisement"),
                  RemovedBlock(kind: .related, text: "Read next: gulls"), RemovedBlock(kind: .legal, text: "© 2024")])

    func appliedMigrations(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
    }

    @Test func migrationsAreNamedAndRunOnce() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("lib.sqlite")
        let expected = ["Create documents", "Create search index", "Add annotations", "Add corpus analysis", "Add fetch time",
                        "Add search impacts", "Add library entities"]
        do {
            let library = try SQLiteLibrary(path: path)
            _ = try await library.add(Self.sample)
        }
        #expect(try appliedMigrations(path) == expected)
        // Re-running "Create documents" would fail on the existing table, and lose nothing silently.
        let reopened = try SQLiteLibrary(path: path)
        #expect(try appliedMigrations(path) == expected)
        #expect(try await reopened.count() == 1)
        #expect(try await reopened.search("ferry", limit: 5).map(\.id) == [Self.sample.id])
    }

    @Test func refusesALibraryFromANewerVersion() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("lib.sqlite")
        _ = try SQLiteLibrary(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('Add stories')") }
        let error = #expect(throws: CrossreadError.self) { try SQLiteLibrary(path: path) }
        #expect(error?.source == path)
        #expect(error?.reason.contains("newer") == true)
        #expect(error?.reason.contains("Add stories") == true)
    }

    @Test func documentsPersistAcrossInstancesAndFolderIsCreated() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("nested/deeper/lib.sqlite")
        let other = DocumentStoreConformance.document("file-other", paragraphs: ["Another story entirely."])
        do {
            let library = try SQLiteLibrary(path: path)
            #expect(try await library.add(Self.sample) == .added(id: Self.sample.id))
            #expect(try await library.add(other) == .added(id: other.id))
        }
        #expect(FileManager.default.fileExists(atPath: path))
        let reopened = try SQLiteLibrary(path: path)
        #expect(try await reopened.document(id: Self.sample.id) == Self.sample)
        #expect(try await reopened.list().map(\.id) == [Self.sample.id, other.id])
        #expect(try await reopened.add(Self.sample) == .alreadyPresent(id: Self.sample.id))
        let journal = try await DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test func twoInstancesOnOneFileStoreOneRow() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("lib.sqlite")
        let first = try SQLiteLibrary(path: path)
        let second = try SQLiteLibrary(path: path)
        let outcomes = try await withThrowingTaskGroup(of: StoreOutcome.self) { group in
            for index in 0..<12 {
                let library = index.isMultiple(of: 2) ? first : second
                group.addTask { try await library.add(Self.sample) }
            }
            return try await group.reduce(into: [StoreOutcome]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == .added(id: Self.sample.id) }.count == 1)
        #expect(try await first.count() == 1)
        #expect(try await second.document(id: Self.sample.id) == Self.sample)
    }

    @Test func openingANonDatabaseFileNamesThePath() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("notes.txt")
        try Data("These are plain notes, not a database. ".utf8 + Array(repeating: 0x41, count: 4096)).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: CrossreadError.self) { try SQLiteLibrary(path: path) }
        #expect(error?.stage == .store)
        #expect(error?.source == path)
        #expect(error?.description.contains(path) == true)
        #expect(error?.reason.contains("not an SQLite database") == true)
    }

    @Test func anotherApplicationsDatabaseIsLeftAlone() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("contacts.db")
        let other = try DatabaseQueue(path: path)
        try await other.write { db in try db.execute(sql: "CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Ana')") }
        let error = #expect(throws: CrossreadError.self) { try SQLiteLibrary(path: path) }
        #expect(error?.source == path)
        #expect(error?.reason.contains("not a Crossread library") == true)
        let tables = try await other.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(tables == ["contact"])
    }

    @Test func openingAFolderNamesThePath() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let error = #expect(throws: CrossreadError.self) { try SQLiteLibrary(path: folder.url.path) }
        #expect(error?.source == folder.url.path)
        #expect(error?.reason.contains("folder") == true)
    }

    @Test func openingBelowAFileNamesThePath() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let blocker = folder.path("plain-file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let path = blocker + "/lib.sqlite"
        let error = #expect(throws: CrossreadError.self) { try SQLiteLibrary(path: path) }
        #expect(error?.stage == .store)
        #expect(error?.source == path)
        #expect(error?.reason.contains("folder") == true)
    }

    /// A removed block that the database refuses halfway through `add` (a trigger installed by the
    /// test aborts the third block's insert, after the document row and its search-index row were
    /// written) must leave no trace: no document, no blocks, an index in step with its table.
    @Test func aFailureInsideAddLeavesNothingHalfWritten() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("lib.sqlite")
        let library = try SQLiteLibrary(path: path)
        let kept = DocumentStoreConformance.document("kept", paragraphs: ["An earlier story about trams."])
        _ = try await library.add(kept)
        let raw = try DatabaseQueue(path: path)
        try await raw.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_third_block BEFORE INSERT ON removed_block WHEN NEW.position = 2
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """)
        }
        let error = await #expect(throws: CrossreadError.self) { try await library.add(Self.sample) }
        #expect(error?.stage == .store)
        #expect(error?.source == path)
        #expect(error?.reason.contains("refused by the test") == true)

        let (documents, blocks, indexed) = try await raw.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM document")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM removed_block")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM document_fts WHERE document_fts MATCH 'ferry'")!)
        }
        #expect(documents == 1)
        #expect(blocks == 0)
        #expect(indexed == 0)
        // FTS5 compares its index with the content table; it throws when they disagree.
        try await raw.write { db in try db.execute(sql: "INSERT INTO document_fts(document_fts) VALUES ('integrity-check')") }
        #expect(try await library.count() == 1)
        #expect(try await library.search("ferry", limit: 5).isEmpty)

        try await raw.write { db in try db.execute(sql: "DROP TRIGGER refuse_third_block") }
        #expect(try await library.add(Self.sample) == .added(id: Self.sample.id))
        #expect(try await library.document(id: Self.sample.id) == Self.sample)
        try await raw.write { db in try db.execute(sql: "INSERT INTO document_fts(document_fts) VALUES ('integrity-check')") }
    }

    @Test func searchUsesTheIndexOrderWithoutASortStep() async throws {
        let library = try SQLiteLibrary.inMemory()
        let plan = try await library.writer.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT d.id FROM document_fts JOIN document d ON d.seq = document_fts.rowid
                WHERE document_fts MATCH 'x' AND document_fts.rank MATCH 'bm25(5.0, 1.0)'
                ORDER BY document_fts.rank LIMIT 5
                """).map { $0["detail"] as String }.joined(separator: " | ")
        }
        #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
    }

    /// A library an older Crossread wrote (no merged entities, no migration record for them) gets them
    /// from its documents when opened: the same entities, postings, quotes, months, links and counts as
    /// a library that kept them all along.
    @Test func theLibraryEntitiesMigrationBackfillsAnOlderLibrary() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("older.sqlite")
        let kept: LibraryEntityConformance.State
        do {
            let library = try SQLiteLibrary(path: path)
            try await LibraryEntityConformance.fillForBackfill(library)
            kept = try await LibraryEntityConformance.state(library)
        }
        #expect(kept.entities.count == 5 && kept.overview.documents == 4, "\(kept)")
        try await DatabaseQueue(path: path).write { db in
            for table in ["library_entity", "library_entity_key", "library_entity_name", "library_entity_document",
                          "library_entity_month", "library_quote", "library_source", "library_count"] {
                try db.execute(sql: "DROP TABLE \(table)")
            }
            try db.execute(sql: "DROP INDEX document_by_published")
            try db.execute(sql: "ALTER TABLE document_entity DROP COLUMN library_entity_id")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'Add library entities'")
        }
        let reopened = try SQLiteLibrary(path: path)
        let backfilled = try await LibraryEntityConformance.state(reopened)
        #expect(backfilled == kept, "kept: \(kept)\nbackfilled: \(backfilled)")
    }

    /// Two libraries on one file (two processes) annotating at once: every document counted once.
    @Test func twoInstancesAnnotatingAtOnceKeepEveryCount() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("lib.sqlite")
        let first = try SQLiteLibrary(path: path)
        let second = try SQLiteLibrary(path: path)
        let documents = (0..<16).map { DocumentStoreConformance.document("two-writers-\($0)", paragraphs: ["Vargas spoke \($0)."]) }
        for document in documents { _ = try await first.add(document) }
        let person = Entity(id: "person:elena-vargas", name: "Elena Vargas", type: .person)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, document) in documents.enumerated() {
                let library = index.isMultiple(of: 2) ? first : second
                group.addTask {
                    try await library.saveAnnotations(Annotations(mentions: [EntityMention(range: 0..<6, type: .person, entity: person.id)],
                                                                  entities: [person]), forDocument: document.id)
                }
            }
            try await group.waitForAll()
        }
        let merged = try await first.libraryEntity(id: person.id)
        #expect(merged?.documents == 16 && merged?.mentions == 16, "\(String(describing: merged))")
        #expect(try await second.libraryOverview(sources: 1).entities == 1)
    }
}

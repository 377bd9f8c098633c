import CrossreadCore
import CrossreadLanguage
import Foundation
internal import GRDB

/// A quote of a document as the library's speaker quotes file it.
struct LibraryQuoteInput {
    var position: Int
    var text: String
    var speaker: String?
    var cue: String?
    var venue: String?
}

extension SQLiteLibrary {
    // MARK: Maintenance (inside the write transaction that stores a document's annotations)

    /// Brings the library's merged entities up to date with one document's entities and quotes:
    /// its earlier contribution taken back, then each entity placed (`LibraryEntityMatcher`), its
    /// postings, months and speaker quotes written and the counts moved. Reads only the rows this
    /// document's keys and entities name.
    static func updateLibraryEntities(documentID id: String, entities: [Entity], mentions: [String: Int],
                                      quotes: [LibraryQuoteInput], _ db: Database) throws {
        try removeLibraryContribution(documentID: id, db)
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, published FROM document WHERE id = ?", arguments: [id]) else { return }
        let seq: Int64 = row["seq"]
        let published: String = (row["published"] as String?) ?? ""
        let day = published.isEmpty ? nil : String(published.prefix(10))
        let decoder = JSONDecoder(), encoder = JSONEncoder()
        let placements = try LibraryEntityMatcher.shared.place(entities, candidates: { keys in
            var ids: [String] = []
            let byKey = try db.cachedStatement(sql: "SELECT entity_id FROM library_entity_key WHERE key = ? LIMIT 30")
            for key in keys {
                for entityID in try String.fetchAll(byKey, arguments: [key]) where !ids.contains(entityID) { ids.append(entityID) }
            }
            let byID = try db.cachedStatement(sql: "SELECT * FROM library_entity WHERE id = ?")
            return try ids.compactMap { entityID in
                try Row.fetchOne(byID, arguments: [entityID])
                    .map { LibraryEntityCandidate(entity: libraryEntity($0, decoder: decoder).entity, documents: $0["documents"]) }
            }
        }, isTaken: { candidate in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM library_entity WHERE id = ?"), arguments: [candidate]) ?? false
        })
        var mergedOf: [String: String] = [:]
        var mentionsOf: [String: Int] = [:]
        var order: [String] = []
        for placement in placements {
            let merged = placement.merged
            try db.cachedStatement(sql: """
                INSERT INTO library_entity (id, type, name, aliases, roles) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, roles = excluded.roles
                """).execute(arguments: [merged.id, merged.type.rawValue, merged.name,
                                 String(decoding: try encoder.encode(merged.aliases), as: UTF8.self),
                                 String(decoding: try encoder.encode(merged.roles), as: UTF8.self)])
            let fileKey = try db.cachedStatement(sql: "INSERT OR IGNORE INTO library_entity_key (key, entity_id) VALUES (?, ?)")
            for key in placement.keys { try fileKey.execute(arguments: [key, merged.id]) }
            let fileName = try db.cachedStatement(sql: "INSERT OR IGNORE INTO library_entity_name (word, entity_id) VALUES (?, ?)")
            for form in placement.newForms {
                for suffix in LibraryEntityQuery.nameSuffixes(form) { try fileName.execute(arguments: [suffix, merged.id]) }
            }
            mergedOf[placement.storedID] = merged.id
            if mentionsOf[merged.id] == nil { order.append(merged.id) }
            mentionsOf[merged.id, default: 0] += mentions[placement.storedID, default: 0]
        }
        for entityID in order {
            let count = mentionsOf[entityID] ?? 0
            try db.cachedStatement(sql: """
                INSERT INTO library_entity_document (entity_id, published, document_id, mentions) VALUES (?, ?, ?, ?)
                """).execute(arguments: [entityID, published, id, count])
            let documents = try Int.fetchOne(db.cachedStatement(sql: """
                UPDATE library_entity SET documents = documents + 1, mentions = mentions + ?,
                    first_day = CASE WHEN ? IS NULL THEN first_day WHEN first_day IS NULL OR ? < first_day THEN ? ELSE first_day END,
                    last_day = CASE WHEN ? IS NULL THEN last_day WHEN last_day IS NULL OR ? > last_day THEN ? ELSE last_day END
                WHERE id = ? RETURNING documents
                """), arguments: [count, day, day, day, day, day, day, entityID])
            if documents == 1 { try countEntity(type: placements.first { $0.merged.id == entityID }?.merged.type.rawValue ?? "", 1, db) }
            if published.count >= 7 {
                try db.cachedStatement(sql: """
                    INSERT INTO library_entity_month (entity_id, month, documents) VALUES (?, ?, 1)
                    ON CONFLICT (entity_id, month) DO UPDATE SET documents = documents + 1
                    """).execute(arguments: [entityID, String(published.prefix(7))])
            }
        }
        for (storedID, mergedID) in mergedOf {
            try db.cachedStatement(sql: "UPDATE document_entity SET library_entity_id = ? WHERE document_id = ? AND entity_id = ?")
                .execute(arguments: [mergedID, id, storedID])
        }
        for quote in quotes {
            guard let speaker = quote.speaker, let mergedID = mergedOf[speaker] else { continue }
            try db.execute(sql: """
                INSERT OR REPLACE INTO library_quote (entity_id, seq, position, document_id, text, cue, venue)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [mergedID, seq, quote.position, id, quote.text, quote.cue, quote.venue])
            try db.execute(sql: "UPDATE library_entity SET quotes = quotes + 1 WHERE id = ?", arguments: [mergedID])
        }
    }

    /// Takes back what a document added to the merged entities (before its annotations are replaced).
    static func removeLibraryContribution(documentID id: String, _ db: Database) throws {
        let postings = try Row.fetchAll(db, sql: "SELECT entity_id, published, mentions FROM library_entity_document WHERE document_id = ?",
                                        arguments: [id])
        guard !postings.isEmpty else { return }
        try db.execute(sql: "DELETE FROM library_entity_document WHERE document_id = ?", arguments: [id])
        for posting in postings {
            let entityID: String = posting["entity_id"], published: String = posting["published"]
            let changed = try Row.fetchOne(db, sql: """
                UPDATE library_entity SET documents = documents - 1, mentions = mentions - ?2,
                    first_day = (SELECT substr(min(published), 1, 10) FROM library_entity_document WHERE entity_id = ?1 AND published > ''),
                    last_day = (SELECT substr(max(published), 1, 10) FROM library_entity_document WHERE entity_id = ?1 AND published > '')
                WHERE id = ?1 RETURNING documents, type
                """, arguments: [entityID, posting["mentions"] as Int])
            if let changed, changed["documents"] as Int == 0 { try countEntity(type: changed["type"], -1, db) }
            if published.count >= 7 {
                try db.execute(sql: "UPDATE library_entity_month SET documents = documents - 1 WHERE entity_id = ? AND month = ?",
                               arguments: [entityID, String(published.prefix(7))])
                try db.execute(sql: "DELETE FROM library_entity_month WHERE entity_id = ? AND month = ? AND documents <= 0",
                               arguments: [entityID, String(published.prefix(7))])
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT entity_id, count(*) AS n FROM library_quote WHERE document_id = ? GROUP BY entity_id",
                                    arguments: [id]) {
            try db.execute(sql: "UPDATE library_entity SET quotes = quotes - ? WHERE id = ?", arguments: [row["n"] as Int, row["entity_id"] as String])
        }
        try db.execute(sql: "DELETE FROM library_quote WHERE document_id = ?", arguments: [id])
    }

    /// Counts a newly stored document in the library's totals and its source.
    static func countDocument(publisher: String?, source: String, _ db: Database) throws {
        try addCount("documents", 1, db)
        try db.execute(sql: """
            INSERT INTO library_source (name, documents) VALUES (?, 1)
            ON CONFLICT (name) DO UPDATE SET documents = documents + 1
            """, arguments: [DocumentSummary.sourceName(publisher: publisher, source: source)])
    }

    /// Moves the count of entities naming at least one document, in all and of one type.
    static func countEntity(type: String, _ delta: Int, _ db: Database) throws {
        try addCount("entities", delta, db)
        try addCount("entities:" + type, delta, db)
    }

    static func addCount(_ name: String, _ delta: Int, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO library_count (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value
            """, arguments: [name, delta])
    }

    /// Fills the merged entities, sources and counts from the documents already stored, a batch of
    /// annotated documents at a time (the migration that adds them).
    static func backfillLibraryEntities(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO library_count (name, value) VALUES ('documents', (SELECT count(*) FROM document))")
        var sources: [String: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT source, publisher FROM document")
        while let row = try rows.next() {
            sources[DocumentSummary.sourceName(publisher: row["publisher"], source: row["source"]), default: 0] += 1
        }
        for (name, documents) in sources {
            try db.execute(sql: "INSERT INTO library_source (name, documents) VALUES (?, ?)", arguments: [name, documents])
        }
        let decoder = JSONDecoder()
        var after: Int64 = 0
        while true {
            let batch = try Row.fetchAll(db, sql: """
                SELECT seq, id FROM document WHERE seq > ? AND annotations IS NOT NULL ORDER BY seq LIMIT 500
                """, arguments: [after])
            guard let last = batch.last else { break }
            for document in batch {
                let id: String = document["id"]
                var entities: [Entity] = []
                var mentions: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT * FROM document_entity WHERE document_id = ?", arguments: [id]) {
                    guard let type = EntityType(rawValue: row["type"]) else { continue }
                    let entityID: String = row["entity_id"]
                    entities.append(Entity(id: entityID, name: row["name"], type: type,
                                           aliases: (try? decoder.decode([String].self, from: Data((row["aliases"] as String).utf8))) ?? [],
                                           roles: (try? decoder.decode([String].self, from: Data((row["roles"] as String).utf8))) ?? []))
                    mentions[entityID] = row["mentions"]
                }
                let quotes = try Row.fetchAll(db, sql: "SELECT * FROM quote WHERE document_id = ? ORDER BY position", arguments: [id]).map {
                    LibraryQuoteInput(position: $0["position"], text: $0["text"], speaker: $0["speaker"], cue: $0["cue"], venue: $0["venue"])
                }
                try updateLibraryEntities(documentID: id, entities: entities, mentions: mentions, quotes: quotes, db)
            }
            after = last["seq"]
        }
    }

    // MARK: LibraryEntityStore

    public func libraryEntities(_ query: LibraryEntityQuery) async throws -> LibraryEntityPage {
        try await storeOperation("list library entities") { writer in
            try await writer.read { db in
                let decoder = JSONDecoder()
                var filter = "e.documents > 0"
                var arguments: StatementArguments = []
                var from = "library_entity e"
                if let type = query.type {
                    filter += " AND e.type = ?"
                    arguments += [type.rawValue]
                }
                let needle = query.name.map(LibraryEntityQuery.folded) ?? ""
                if !needle.isEmpty {
                    from = """
                        (SELECT DISTINCT entity_id FROM (SELECT entity_id FROM library_entity_name WHERE word >= ? AND word < ? LIMIT \(LibraryEntityQuery.countBound))) m
                        JOIN library_entity e ON e.id = m.entity_id
                        """
                    arguments = [needle, LibraryEntityQuery.prefixEnd(needle)] + arguments
                }
                let total: Int
                if needle.isEmpty {
                    total = try Int.fetchOne(db, sql: "SELECT value FROM library_count WHERE name = ?",
                                             arguments: [query.type.map { "entities:" + $0.rawValue } ?? "entities"]) ?? 0
                } else {
                    total = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(from) WHERE \(filter)", arguments: arguments) ?? 0
                }
                let rows = try Row.fetchAll(db, sql: """
                    SELECT e.* FROM \(from) WHERE \(filter) ORDER BY e.documents DESC, e.mentions DESC, e.name LIMIT ? OFFSET ?
                    """, arguments: arguments + [max(0, query.limit), max(0, query.offset)])
                return LibraryEntityPage(entities: rows.map { Self.libraryEntity($0, decoder: decoder) }, total: total)
            }
        }
    }

    public func libraryEntity(id: String) async throws -> LibraryEntity? {
        try await storeOperation("read library entity \(id)") { writer in
            try await writer.read { db in
                var row = try Row.fetchOne(db, sql: "SELECT * FROM library_entity WHERE id = ?", arguments: [id])
                if row == nil {
                    row = try Row.fetchOne(db, sql: """
                        SELECT e.* FROM library_entity_key k JOIN library_entity e ON e.id = k.entity_id WHERE k.key = ? LIMIT 1
                        """, arguments: ["id:" + id])
                }
                guard let row else { return nil }
                var entity = Self.libraryEntity(row, decoder: JSONDecoder())
                entity.storedIDs = try String.fetchAll(db, sql: """
                    SELECT substr(key, 4) FROM library_entity_key WHERE entity_id = ? AND key >= 'id:' AND key < 'id;' ORDER BY key LIMIT 200
                    """, arguments: [entity.entity.id])
                return entity
            }
        }
    }

    public func libraryEntityDocuments(_ id: String, offset: Int, limit: Int) async throws -> [DocumentSummary] {
        try await storeOperation("list documents of \(id)") { writer in
            try await writer.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT d.id, d.source, d.title, d.published, d.publisher, d.word_count
                    FROM library_entity_document p JOIN document d ON d.id = p.document_id
                    WHERE p.entity_id = ? ORDER BY p.published DESC, p.document_id DESC LIMIT ? OFFSET ?
                    """, arguments: [id, max(0, limit), max(0, offset)]).map {
                    DocumentSummary(id: $0["id"], source: $0["source"], title: $0["title"],
                                    published: $0["published"], publisher: $0["publisher"], words: $0["word_count"])
                }
            }
        }
    }

    public func libraryEntityQuotes(_ id: String, offset: Int, limit: Int) async throws -> [LibraryQuote] {
        try await storeOperation("list quotes of \(id)") { writer in
            try await writer.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT q.document_id, d.title, q.text, q.cue, q.venue
                    FROM library_quote q JOIN document d ON d.id = q.document_id
                    WHERE q.entity_id = ? ORDER BY q.seq, q.position LIMIT ? OFFSET ?
                    """, arguments: [id, max(0, limit), max(0, offset)]).map {
                    LibraryQuote(document: $0["document_id"], title: $0["title"], text: $0["text"], cue: $0["cue"], venue: $0["venue"])
                }
            }
        }
    }

    public func libraryEntityMonths(_ id: String) async throws -> [LibraryEntityMonth] {
        try await storeOperation("count months of \(id)") { writer in
            try await writer.read { db in
                try Row.fetchAll(db, sql: "SELECT month, documents FROM library_entity_month WHERE entity_id = ? ORDER BY month",
                                 arguments: [id]).map { LibraryEntityMonth(month: $0["month"], documents: $0["documents"]) }
            }
        }
    }

    public func libraryEntityLinks(document id: String) async throws -> [String: String] {
        try await storeOperation("link entities of \(id)") { writer in
            try await writer.read { db in
                var links: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT entity_id, library_entity_id FROM document_entity WHERE document_id = ? AND library_entity_id IS NOT NULL
                    """, arguments: [id]) {
                    links[row["entity_id"]] = row["library_entity_id"]
                }
                return links
            }
        }
    }

    public func libraryOverview(sources: Int) async throws -> LibraryOverview {
        try await storeOperation("read the library overview") { writer in
            try await writer.read { db in
                let documents = try Int.fetchOne(db, sql: "SELECT value FROM library_count WHERE name = 'documents'") ?? 0
                let entities = try Int.fetchOne(db, sql: "SELECT value FROM library_count WHERE name = 'entities'") ?? 0
                let sourceCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM library_source WHERE documents > 0") ?? 0
                let top = try Row.fetchAll(db, sql: """
                    SELECT name, documents FROM library_source WHERE documents > 0 ORDER BY documents DESC, name LIMIT ?
                    """, arguments: [max(0, sources)]).map { LibraryOverview.SourceCount(name: $0["name"], documents: $0["documents"]) }
                let first = try String.fetchOne(db, sql: "SELECT min(published) FROM document")
                let last = try String.fetchOne(db, sql: "SELECT max(published) FROM document")
                return LibraryOverview(documents: documents, entities: entities, sourceCount: sourceCount, sources: top,
                                       firstPublished: first.map { String($0.prefix(10)) }, lastPublished: last.map { String($0.prefix(10)) })
            }
        }
    }

    static func libraryEntity(_ row: Row, decoder: JSONDecoder) -> LibraryEntity {
        let aliases = (try? decoder.decode([String].self, from: Data((row["aliases"] as String).utf8))) ?? []
        let roles = (try? decoder.decode([String].self, from: Data((row["roles"] as String).utf8))) ?? []
        let type = EntityType(rawValue: row["type"]) ?? .person
        return LibraryEntity(entity: Entity(id: row["id"], name: row["name"], type: type, aliases: aliases, roles: roles),
                             storedIDs: [], mentions: row["mentions"], documents: row["documents"], quotes: row["quotes"],
                             firstDay: row["first_day"], lastDay: row["last_day"])
    }
}

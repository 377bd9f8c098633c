import CrossreadCore
import CrossreadLanguage
import Foundation
import PostgresNIO

/// A quote of a document as the library's speaker quotes file it.
struct LibraryQuoteInput: Encodable {
    var position: Int
    var text: String
    var speaker: String?
    var cue: String?
    var venue: String?
}

/// A merged entity row as `jsonb_to_recordset` reads it.
private struct LibraryEntityRow: Encodable {
    var id: String
    var type: String
    var name: String
    var aliases: String
    var roles: String
}

/// A speaker quote row as `jsonb_to_recordset` reads it.
private struct LibraryQuoteRow: Encodable {
    var entity_id: String
    var position: Int
    var text: String
    var cue: String?
    var venue: String?
}

extension PostgresLibrary {
    /// The advisory lock every writer of merged entities holds until its transaction ends, so two
    /// processes never start the same merged entity twice or move one count at once ("CRSENTS").
    static let libraryEntitiesLock: Int64 = 0x43_52_53_45_4E_54_53

    // MARK: Maintenance (inside the transaction that stores a document's annotations)

    /// Brings the library's merged entities up to date with one document's entities and quotes, under
    /// the merged-entities lock: its earlier contribution taken back, then each entity placed
    /// (`LibraryEntityMatcher`) among the merged entities its keys name (one indexed query), its
    /// postings, months and speaker quotes written and the counts moved, in a bounded number of statements.
    static func updateLibraryEntities(documentID id: String, entities: [Entity], mentions: [String: Int],
                                      quotes: [LibraryQuoteInput], _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(libraryEntitiesLock))", logger: logger)
        try await removeLibraryContribution(documentID: id, connection, logger)
        var found: (seq: Int64, published: String?)?
        for try await row in try await connection.query("SELECT seq, published FROM document WHERE id = \(id)", logger: logger)
            .decode((Int64, String?).self) {
            found = (row.0, row.1)
        }
        guard let found, !entities.isEmpty else { return }
        let published = found.published ?? ""
        let day: String? = published.isEmpty ? nil : String(published.prefix(10))
        let matcher = LibraryEntityMatcher.shared
        let decoder = JSONDecoder(), encoder = JSONEncoder()

        // Every candidate the document's keys name, and which of the ids new entities may take are taken.
        var allKeys: [String] = []
        var idChoices: [String] = []
        for entity in entities {
            for key in matcher.keys(entity) where !allKeys.contains(key) { allKeys.append(key) }
            for suffix in 1...4 { idChoices.append(LibraryEntityMatcher.id(entity.id, suffix: suffix)) }
        }
        var idsByKey: [String: [String]] = [:]
        var candidates: [String: LibraryEntityCandidate] = [:]
        for try await (key, entityID, type, name, aliases, roles, documents) in try await connection.query("""
            SELECT q.key, e.id, e.type, e.name, e.aliases, e.roles, e.documents
            FROM unnest(\(allKeys)::text[]) AS q(key)
            CROSS JOIN LATERAL (SELECT k.entity_id FROM library_entity_key k WHERE k.key = q.key LIMIT 30) k
            JOIN library_entity e ON e.id = k.entity_id
            """, logger: logger).decode((String, String, String, String, String, String, Int).self) {
            idsByKey[key, default: []].append(entityID)
            candidates[entityID] = LibraryEntityCandidate(
                entity: Entity(id: entityID, name: name, type: EntityType(rawValue: type) ?? .person,
                               aliases: (try? decoder.decode([String].self, from: Data(aliases.utf8))) ?? [],
                               roles: (try? decoder.decode([String].self, from: Data(roles.utf8))) ?? []),
                documents: documents)
        }
        var taken = Set<String>()
        for try await takenID in try await connection.query(
            "SELECT id FROM library_entity WHERE id = ANY(\(idChoices)::text[])", logger: logger).decode(String.self) {
            taken.insert(takenID)
        }
        let placements = matcher.place(entities, candidates: { keys in
            var ids: [String] = []
            for key in keys { for entityID in idsByKey[key] ?? [] where !ids.contains(entityID) { ids.append(entityID) } }
            return ids.compactMap { candidates[$0] }
        }, isTaken: { taken.contains($0) })

        // The merged entities (the last placement of each is the newest), their keys and names.
        var rows: [String: LibraryEntityRow] = [:]
        var order: [String] = []
        var typeOf: [String: String] = [:]
        var keyRows: (keys: [String], ids: [String]) = ([], [])
        var nameRows: (words: [String], ids: [String]) = ([], [])
        var mergedOf: [String: String] = [:]
        var mentionsOf: [String: Int] = [:]
        for placement in placements {
            let merged = placement.merged
            if rows[merged.id] == nil { order.append(merged.id) }
            rows[merged.id] = LibraryEntityRow(id: merged.id, type: merged.type.rawValue, name: merged.name,
                                               aliases: String(decoding: try encoder.encode(merged.aliases), as: UTF8.self),
                                               roles: String(decoding: try encoder.encode(merged.roles), as: UTF8.self))
            typeOf[merged.id] = merged.type.rawValue
            for key in placement.keys { keyRows.keys.append(key); keyRows.ids.append(merged.id) }
            for form in placement.newForms {
                for suffix in LibraryEntityQuery.nameSuffixes(form) { nameRows.words.append(suffix); nameRows.ids.append(merged.id) }
            }
            mergedOf[placement.storedID] = merged.id
            mentionsOf[merged.id, default: 0] += mentions[placement.storedID, default: 0]
        }
        try await connection.query("""
            INSERT INTO library_entity (id, type, name, aliases, roles)
            SELECT r.id, r.type, r.name, r.aliases, r.roles
            FROM jsonb_to_recordset(\(try json(order.compactMap { rows[$0] }))::jsonb)
                AS r(id text, type text, name text, aliases text, roles text)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, roles = excluded.roles
            """, logger: logger)
        try await connection.query("""
            INSERT INTO library_entity_key (key, entity_id) SELECT * FROM unnest(\(keyRows.keys)::text[], \(keyRows.ids)::text[])
            ON CONFLICT DO NOTHING
            """, logger: logger)
        try await connection.query("""
            INSERT INTO library_entity_name (word, entity_id) SELECT * FROM unnest(\(nameRows.words)::text[], \(nameRows.ids)::text[])
            ON CONFLICT DO NOTHING
            """, logger: logger)

        // Postings, counts, months.
        let counts = order.map { mentionsOf[$0] ?? 0 }
        try await connection.query("""
            INSERT INTO library_entity_document (entity_id, published, document_id, mentions)
            SELECT u.entity_id, \(published), \(id), u.mentions FROM unnest(\(order)::text[], \(counts)::integer[]) AS u(entity_id, mentions)
            """, logger: logger)
        var started: [String: Int] = [:]
        for try await (entityID, documents) in try await connection.query("""
            UPDATE library_entity e SET documents = e.documents + 1, mentions = e.mentions + u.mentions,
                first_day = CASE WHEN \(day)::text IS NULL THEN e.first_day ELSE least(e.first_day, \(day)::text) END,
                last_day = CASE WHEN \(day)::text IS NULL THEN e.last_day ELSE greatest(e.last_day, \(day)::text) END
            FROM unnest(\(order)::text[], \(counts)::integer[]) AS u(entity_id, mentions)
            WHERE e.id = u.entity_id
            RETURNING e.id, e.documents
            """, logger: logger).decode((String, Int).self) where documents == 1 {
            started[typeOf[entityID] ?? "", default: 0] += 1
        }
        for (type, count) in started { try await countEntities(type: type, count, connection, logger) }
        if published.count >= 7 {
            try await connection.query("""
                INSERT INTO library_entity_month (entity_id, month, documents)
                SELECT u.entity_id, \(String(published.prefix(7))), 1 FROM unnest(\(order)::text[]) AS u(entity_id)
                ON CONFLICT (entity_id, month) DO UPDATE SET documents = library_entity_month.documents + 1
                """, logger: logger)
        }
        let storedIDs = Array(mergedOf.keys), mergedIDs = storedIDs.map { mergedOf[$0]! }
        try await connection.query("""
            UPDATE document_entity d SET library_entity_id = u.merged
            FROM unnest(\(storedIDs)::text[], \(mergedIDs)::text[]) AS u(stored, merged)
            WHERE d.document_id = \(id) AND d.entity_id = u.stored
            """, logger: logger)

        // Speaker quotes.
        let quoteRows = quotes.compactMap { quote in
            quote.speaker.flatMap { mergedOf[$0] }.map {
                LibraryQuoteRow(entity_id: $0, position: quote.position, text: quote.text, cue: quote.cue, venue: quote.venue)
            }
        }
        guard !quoteRows.isEmpty else { return }
        try await connection.query("""
            INSERT INTO library_quote (entity_id, seq, position, document_id, text, cue, venue)
            SELECT q.entity_id, \(found.seq), q.position, \(id), q.text, q.cue, q.venue
            FROM jsonb_to_recordset(\(try json(quoteRows))::jsonb)
                AS q(entity_id text, position integer, text text, cue text, venue text)
            ON CONFLICT DO NOTHING
            """, logger: logger)
        try await connection.query("""
            UPDATE library_entity e SET quotes = e.quotes + c.n
            FROM (SELECT entity_id, count(*) AS n FROM library_quote WHERE document_id = \(id) GROUP BY entity_id) c
            WHERE e.id = c.entity_id
            """, logger: logger)
    }

    /// Takes back what a document added to the merged entities (before its annotations are replaced).
    static func removeLibraryContribution(documentID id: String, _ connection: PostgresConnection, _ logger: Logger) async throws {
        var postings: [(entity: String, published: String, mentions: Int)] = []
        for try await row in try await connection.query(
            "DELETE FROM library_entity_document WHERE document_id = \(id) RETURNING entity_id, published, mentions",
            logger: logger).decode((String, String, Int).self) {
            postings.append(row)
        }
        guard !postings.isEmpty else { return }
        let ids = postings.map(\.entity), counts = postings.map(\.mentions)
        var ended: [String: Int] = [:]
        for try await (type, documents) in try await connection.query("""
            UPDATE library_entity e SET documents = e.documents - 1, mentions = e.mentions - u.mentions,
                first_day = (SELECT left(min(p.published), 10) FROM library_entity_document p WHERE p.entity_id = e.id AND p.published > ''),
                last_day = (SELECT left(max(p.published), 10) FROM library_entity_document p WHERE p.entity_id = e.id AND p.published > '')
            FROM unnest(\(ids)::text[], \(counts)::integer[]) AS u(entity_id, mentions)
            WHERE e.id = u.entity_id
            RETURNING e.type, e.documents
            """, logger: logger).decode((String, Int).self) where documents == 0 {
            ended[type, default: 0] -= 1
        }
        for (type, count) in ended { try await countEntities(type: type, count, connection, logger) }
        if let published = postings.first?.published, published.count >= 7 {
            let month = String(published.prefix(7))
            try await connection.query("""
                UPDATE library_entity_month SET documents = documents - 1 WHERE month = \(month) AND entity_id = ANY(\(ids)::text[])
                """, logger: logger)
            try await connection.query("""
                DELETE FROM library_entity_month WHERE month = \(month) AND entity_id = ANY(\(ids)::text[]) AND documents <= 0
                """, logger: logger)
        }
        try await connection.query("""
            UPDATE library_entity e SET quotes = e.quotes - c.n
            FROM (SELECT entity_id, count(*) AS n FROM library_quote WHERE document_id = \(id) GROUP BY entity_id) c
            WHERE e.id = c.entity_id
            """, logger: logger)
        try await connection.query("DELETE FROM library_quote WHERE document_id = \(id)", logger: logger)
    }

    /// Counts a newly stored document in the library's totals and its source (at the end of `add`).
    static func countDocument(publisher: String?, source: String, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO library_source (name, documents) VALUES (\(DocumentSummary.sourceName(publisher: publisher, source: source)), 1)
            ON CONFLICT (name) DO UPDATE SET documents = library_source.documents + 1
            """, logger: logger)
        try await addCount("documents", 1, connection, logger)
    }

    /// Moves the count of merged entities naming at least one document, in all and of one type.
    static func countEntities(type: String, _ delta: Int, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await addCount("entities", delta, connection, logger)
        try await addCount("entities:" + type, delta, connection, logger)
    }

    static func addCount(_ name: String, _ delta: Int, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO library_count (name, value) VALUES (\(name), \(delta))
            ON CONFLICT (name) DO UPDATE SET value = library_count.value + excluded.value
            """, logger: logger)
    }

    /// Fills the merged entities, sources and counts from the documents already stored, a batch of
    /// annotated documents at a time (the migration that adds them).
    @Sendable static func backfillLibraryEntities(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("INSERT INTO library_count (name, value) SELECT 'documents', count(*) FROM document", logger: logger)
        var sources: [String: Int] = [:]
        for try await (source, publisher) in try await connection.query("SELECT source, publisher FROM document", logger: logger)
            .decode((String, String?).self) {
            sources[DocumentSummary.sourceName(publisher: publisher, source: source), default: 0] += 1
        }
        if !sources.isEmpty {
            let names = Array(sources.keys), counts = names.map { sources[$0]! }
            try await connection.query("""
                INSERT INTO library_source (name, documents) SELECT * FROM unnest(\(names)::text[], \(counts)::integer[])
                """, logger: logger)
        }
        let decoder = JSONDecoder()
        var after: Int64 = 0
        while true {
            var batch: [(Int64, String)] = []
            for try await row in try await connection.query("""
                SELECT seq, id FROM document WHERE seq > \(after) AND annotations IS NOT NULL ORDER BY seq LIMIT 500
                """, logger: logger).decode((Int64, String).self) {
                batch.append(row)
            }
            guard let last = batch.last else { break }
            for (_, id) in batch {
                var entities: [Entity] = []
                var mentions: [String: Int] = [:]
                for try await (entityID, name, type, aliases, roles, count) in try await connection.query("""
                    SELECT entity_id, name, type, aliases, roles, mentions FROM document_entity WHERE document_id = \(id) ORDER BY entity_id
                    """, logger: logger).decode((String, String, String, String, String, Int).self) {
                    guard let type = EntityType(rawValue: type) else { continue }
                    entities.append(Entity(id: entityID, name: name, type: type,
                                           aliases: (try? decoder.decode([String].self, from: Data(aliases.utf8))) ?? [],
                                           roles: (try? decoder.decode([String].self, from: Data(roles.utf8))) ?? []))
                    mentions[entityID] = count
                }
                var quotes: [LibraryQuoteInput] = []
                for try await (position, text, speaker, cue, venue) in try await connection.query("""
                    SELECT position, text, speaker, cue, venue FROM quote WHERE document_id = \(id) ORDER BY position
                    """, logger: logger).decode((Int, String, String?, String?, String?).self) {
                    quotes.append(LibraryQuoteInput(position: position, text: text, speaker: speaker, cue: cue, venue: venue))
                }
                try await updateLibraryEntities(documentID: id, entities: entities, mentions: mentions, quotes: quotes, connection, logger)
            }
            after = last.0
        }
    }

    /// The tables of merged entities, sources and counts (the migration "Add library entities").
    @Sendable static func addLibraryEntities(_ connection: PostgresConnection, _ logger: Logger) async throws {
        for statement in [
            """
            CREATE TABLE library_entity (
                id text COLLATE "C" PRIMARY KEY,
                type text NOT NULL,
                name text NOT NULL,
                aliases text NOT NULL,
                roles text NOT NULL,
                mentions integer NOT NULL DEFAULT 0,
                documents integer NOT NULL DEFAULT 0,
                quotes integer NOT NULL DEFAULT 0,
                first_day text,
                last_day text
            )
            """,
            "CREATE INDEX library_entity_by_documents ON library_entity (documents DESC, mentions DESC, name)",
            "CREATE INDEX library_entity_by_type ON library_entity (type, documents DESC, mentions DESC, name)",
            """
            CREATE TABLE library_entity_key (
                key text COLLATE "C" NOT NULL,
                entity_id text COLLATE "C" NOT NULL,
                PRIMARY KEY (key, entity_id)
            )
            """,
            "CREATE INDEX library_entity_key_by_entity ON library_entity_key (entity_id, key)",
            """
            CREATE TABLE library_entity_name (
                word text COLLATE "C" NOT NULL,
                entity_id text COLLATE "C" NOT NULL,
                PRIMARY KEY (word, entity_id)
            )
            """,
            """
            CREATE TABLE library_entity_document (
                entity_id text COLLATE "C" NOT NULL,
                published text COLLATE "C" NOT NULL,
                document_id text COLLATE "C" NOT NULL,
                mentions integer NOT NULL,
                PRIMARY KEY (entity_id, published, document_id)
            )
            """,
            "CREATE INDEX library_entity_document_by_document ON library_entity_document (document_id)",
            """
            CREATE TABLE library_entity_month (
                entity_id text COLLATE "C" NOT NULL,
                month text COLLATE "C" NOT NULL,
                documents integer NOT NULL,
                PRIMARY KEY (entity_id, month)
            )
            """,
            """
            CREATE TABLE library_quote (
                entity_id text COLLATE "C" NOT NULL,
                seq bigint NOT NULL,
                position integer NOT NULL,
                document_id text COLLATE "C" NOT NULL,
                text text NOT NULL,
                cue text,
                venue text,
                PRIMARY KEY (entity_id, seq, position)
            )
            """,
            "CREATE INDEX library_quote_by_document ON library_quote (document_id)",
            "CREATE TABLE library_source (name text PRIMARY KEY, documents integer NOT NULL)",
            "CREATE INDEX library_source_by_documents ON library_source (documents DESC, name)",
            "CREATE TABLE library_count (name text PRIMARY KEY, value bigint NOT NULL)",
            "ALTER TABLE document_entity ADD COLUMN library_entity_id text",
            "CREATE INDEX document_by_published ON document (published COLLATE \"C\")",
        ] {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        try await backfillLibraryEntities(connection, logger)
    }

    // MARK: LibraryEntityStore

    public func libraryEntities(_ query: LibraryEntityQuery) async throws -> LibraryEntityPage {
        let logger = logger
        return try await operation("list library entities") {
            var parameters = Parameters()
            var filter = "e.documents > 0"
            var from = "library_entity e"
            let needle = query.name.map(LibraryEntityQuery.folded) ?? ""
            if !needle.isEmpty {
                from = """
                    (SELECT DISTINCT entity_id FROM (SELECT entity_id FROM library_entity_name
                        WHERE word >= \(parameters.add(needle)) AND word < \(parameters.add(LibraryEntityQuery.prefixEnd(needle)))
                        LIMIT \(LibraryEntityQuery.countBound)) n) m
                    JOIN library_entity e ON e.id = m.entity_id
                    """
            }
            if let type = query.type { filter += " AND e.type = \(parameters.add(type.rawValue))" }
            let total: Int
            if needle.isEmpty {
                let name = query.type.map { "entities:" + $0.rawValue } ?? "entities"
                total = try await client.query("SELECT value FROM library_count WHERE name = \(name)", logger: logger)
                    .decode(Int.self).reduce(0, +)
            } else {
                total = try await client.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(from) WHERE \(filter)", binds: parameters.binds),
                                               logger: logger).decode(Int.self).reduce(0, +)
            }
            let sql = """
                SELECT e.id, e.type, e.name, e.aliases, e.roles, e.mentions, e.documents, e.quotes, e.first_day, e.last_day
                FROM \(from) WHERE \(filter) ORDER BY e.documents DESC, e.mentions DESC, e.name
                LIMIT \(parameters.add(max(0, query.limit))) OFFSET \(parameters.add(max(0, query.offset)))
                """
            var entities: [LibraryEntity] = []
            for try await row in try await client.query(PostgresQuery(unsafeSQL: sql, binds: parameters.binds), logger: logger)
                .decode(LibraryEntityColumns.self) {
                entities.append(Self.libraryEntity(row))
            }
            return LibraryEntityPage(entities: entities, total: total)
        }
    }

    public func libraryEntity(id: String) async throws -> LibraryEntity? {
        let logger = logger
        return try await operation("read library entity \(id)") {
            var found: LibraryEntity?
            for try await row in try await client.query("""
                SELECT id, type, name, aliases, roles, mentions, documents, quotes, first_day, last_day FROM library_entity WHERE id = \(id)
                UNION ALL
                (SELECT e.id, e.type, e.name, e.aliases, e.roles, e.mentions, e.documents, e.quotes, e.first_day, e.last_day
                 FROM library_entity_key k JOIN library_entity e ON e.id = k.entity_id WHERE k.key = \("id:" + id) LIMIT 1)
                LIMIT 1
                """, logger: logger).decode(LibraryEntityColumns.self) {
                found = Self.libraryEntity(row)
            }
            guard var entity = found else { return nil }
            for try await stored in try await client.query("""
                SELECT substr(key, 4) FROM library_entity_key WHERE entity_id = \(entity.entity.id) AND key >= 'id:' AND key < 'id;'
                ORDER BY key LIMIT 200
                """, logger: logger).decode(String.self) {
                entity.storedIDs.append(stored)
            }
            return entity
        }
    }

    public func libraryEntityDocuments(_ id: String, offset: Int, limit: Int) async throws -> [DocumentSummary] {
        let logger = logger
        return try await operation("list documents of \(id)") {
            var summaries: [DocumentSummary] = []
            for try await (documentID, source, title, published, publisher, words) in try await client.query("""
                SELECT d.id, d.source, d.title, d.published, d.publisher, d.word_count
                FROM library_entity_document p JOIN document d ON d.id = p.document_id
                WHERE p.entity_id = \(id) ORDER BY p.published DESC, p.document_id DESC LIMIT \(max(0, limit)) OFFSET \(max(0, offset))
                """, logger: logger).decode((String, String, String?, String?, String?, Int).self) {
                summaries.append(DocumentSummary(id: documentID, source: source, title: title, published: published,
                                                 publisher: publisher, words: words))
            }
            return summaries
        }
    }

    public func libraryEntityQuotes(_ id: String, offset: Int, limit: Int) async throws -> [LibraryQuote] {
        let logger = logger
        return try await operation("list quotes of \(id)") {
            var quotes: [LibraryQuote] = []
            for try await (documentID, title, text, cue, venue) in try await client.query("""
                SELECT q.document_id, d.title, q.text, q.cue, q.venue
                FROM library_quote q JOIN document d ON d.id = q.document_id
                WHERE q.entity_id = \(id) ORDER BY q.seq, q.position LIMIT \(max(0, limit)) OFFSET \(max(0, offset))
                """, logger: logger).decode((String, String?, String, String?, String?).self) {
                quotes.append(LibraryQuote(document: documentID, title: title, text: text, cue: cue, venue: venue))
            }
            return quotes
        }
    }

    public func libraryEntityMonths(_ id: String) async throws -> [LibraryEntityMonth] {
        let logger = logger
        return try await operation("count months of \(id)") {
            var months: [LibraryEntityMonth] = []
            for try await (month, documents) in try await client.query(
                "SELECT month, documents FROM library_entity_month WHERE entity_id = \(id) ORDER BY month", logger: logger)
                .decode((String, Int).self) {
                months.append(LibraryEntityMonth(month: month, documents: documents))
            }
            return months
        }
    }

    public func libraryEntityLinks(document id: String) async throws -> [String: String] {
        let logger = logger
        return try await operation("link entities of \(id)") {
            var links: [String: String] = [:]
            for try await (stored, merged) in try await client.query("""
                SELECT entity_id, library_entity_id FROM document_entity WHERE document_id = \(id) AND library_entity_id IS NOT NULL
                """, logger: logger).decode((String, String).self) {
                links[stored] = merged
            }
            return links
        }
    }

    public func libraryOverview(sources: Int) async throws -> LibraryOverview {
        let logger = logger
        return try await operation("read the library overview") {
            var counts: [String: Int] = [:]
            for try await (name, value) in try await client.query(
                "SELECT name, value FROM library_count WHERE name IN ('documents', 'entities')", logger: logger).decode((String, Int).self) {
                counts[name] = value
            }
            let sourceCount = try await client.query("SELECT count(*) FROM library_source WHERE documents > 0", logger: logger)
                .decode(Int.self).reduce(0, +)
            var top: [LibraryOverview.SourceCount] = []
            for try await (name, documents) in try await client.query("""
                SELECT name, documents FROM library_source WHERE documents > 0 ORDER BY documents DESC, name LIMIT \(max(0, sources))
                """, logger: logger).decode((String, Int).self) {
                top.append(LibraryOverview.SourceCount(name: name, documents: documents))
            }
            var first: String?, last: String?
            for try await (low, high) in try await client.query("""
                SELECT (SELECT published FROM document WHERE published IS NOT NULL ORDER BY published COLLATE "C" LIMIT 1),
                       (SELECT published FROM document WHERE published IS NOT NULL ORDER BY published COLLATE "C" DESC LIMIT 1)
                """, logger: logger).decode((String?, String?).self) {
                first = low.map { String($0.prefix(10)) }
                last = high.map { String($0.prefix(10)) }
            }
            return LibraryOverview(documents: counts["documents"] ?? 0, entities: counts["entities"] ?? 0, sourceCount: sourceCount,
                                   sources: top, firstPublished: first, lastPublished: last)
        }
    }

    typealias LibraryEntityColumns = (String, String, String, String, String, Int, Int, Int, String?, String?)

    static func libraryEntity(_ row: LibraryEntityColumns) -> LibraryEntity {
        let decoder = JSONDecoder()
        let (id, type, name, aliases, roles, mentions, documents, quotes, firstDay, lastDay) = row
        return LibraryEntity(entity: Entity(id: id, name: name, type: EntityType(rawValue: type) ?? .person,
                                            aliases: (try? decoder.decode([String].self, from: Data(aliases.utf8))) ?? [],
                                            roles: (try? decoder.decode([String].self, from: Data(roles.utf8))) ?? []),
                             storedIDs: [], mentions: mentions, documents: documents, quotes: quotes,
                             firstDay: firstDay, lastDay: lastDay)
    }
}

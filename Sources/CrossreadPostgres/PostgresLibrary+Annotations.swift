import CrossreadCore
import Foundation
import PostgresNIO

extension PostgresLibrary {
    public func saveAnnotations(_ annotations: Annotations, forDocument id: String) async throws {
        let json = try Self.json(annotations)
        let logger = logger
        try await operation("store annotations of \(id)") {
            try await client.withTransaction(logger: logger) { connection in
                let texts = try await connection.query(
                    "UPDATE document SET annotations = \(json), annotation_claim = NULL WHERE id = \(id) RETURNING text",
                    logger: logger)
                    .decode(String.self).reduce(into: [String]()) { $0.append($1) }
                guard let text = texts.first else {
                    throw CrossreadError(source: id, stage: .store, reason: "no document with this id to annotate")
                }
                try await Self.writeAnnotationRows(annotations, documentID: id, text: text, connection, logger)
                try await Self.markAwaitingStory(id, connection, logger)
            }
        }
    }

    public func entities() async throws -> [EntityCount] {
        try await operation("list entities") {
            let decoder = JSONDecoder()
            var byID: [String: EntityCount] = [:]
            var order: [String] = []
            for try await (documentID, id, name, typeName, aliasesJSON, rolesJSON, mentions) in try await client.query("""
                SELECT e.document_id, e.entity_id, e.name, e.type, e.aliases, e.roles, e.mentions
                FROM document_entity e JOIN document d ON d.id = e.document_id ORDER BY d.seq, e.entity_id
                """, logger: logger).decode((String, String, String, String, String, String, Int).self) {
                guard let type = EntityType(rawValue: typeName) else { continue }
                let aliases = (try? decoder.decode([String].self, from: Data(aliasesJSON.utf8))) ?? []
                let roles = (try? decoder.decode([String].self, from: Data(rolesJSON.utf8))) ?? []
                if var known = byID[id] {
                    known.mentions += mentions
                    known.documents.append(documentID)
                    for alias in aliases where !known.entity.aliases.contains(alias) { known.entity.aliases.append(alias) }
                    for role in roles where !known.entity.roles.contains(role) { known.entity.roles.append(role) }
                    byID[id] = known
                } else {
                    order.append(id)
                    byID[id] = EntityCount(entity: Entity(id: id, name: name, type: type, aliases: aliases, roles: roles),
                                           mentions: mentions, documents: [documentID])
                }
            }
            return order.compactMap { byID[$0] }
        }
    }

    public func quotes() async throws -> [StoredQuote] {
        try await operation("list quotes") {
            var quotes: [StoredQuote] = []
            for try await (documentID, start, end, text, speaker, speakerName, cue, venue) in try await client.query("""
                SELECT q.document_id, q.start, q."end", q.text, q.speaker, q.speaker_name, q.cue, q.venue
                FROM quote q JOIN document d ON d.id = q.document_id ORDER BY d.seq, q.position
                """, logger: logger).decode((String, Int, Int, String, String?, String?, String?, String?).self) {
                quotes.append(StoredQuote(document: documentID, text: text,
                                          quote: Quote(range: start..<max(start, end), speaker: speaker,
                                                       speakerName: speakerName, cue: cue, venue: venue)))
            }
            return quotes
        }
    }

    /// Replaces the entity and quote rows of one document, from its annotations, inside the
    /// caller's transaction.
    static func writeAnnotationRows(_ annotations: Annotations, documentID id: String, text: String,
                                    _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("DELETE FROM document_entity WHERE document_id = \(id)", logger: logger)
        try await connection.query("DELETE FROM quote WHERE document_id = \(id)", logger: logger)
        var counts: [String: Int] = [:]
        for mention in annotations.mentions { counts[mention.entity, default: 0] += 1 }
        // One row per entity id; a later duplicate replaces an earlier one, as in SQLite.
        var rows: [String: EntityRow] = [:]
        var order: [String] = []
        let encoder = JSONEncoder()
        for entity in annotations.entities {
            if rows[entity.id] == nil { order.append(entity.id) }
            rows[entity.id] = EntityRow(entityID: entity.id, name: entity.name, type: entity.type.rawValue,
                                        aliases: String(decoding: try encoder.encode(entity.aliases), as: UTF8.self),
                                        roles: String(decoding: try encoder.encode(entity.roles), as: UTF8.self),
                                        mentions: counts[entity.id, default: 0])
        }
        if !order.isEmpty {
            let json = try json(order.compactMap { rows[$0] })
            try await connection.query("""
                INSERT INTO document_entity (document_id, entity_id, name, type, aliases, roles, mentions)
                SELECT \(id), e.entity_id, e.name, e.type, e.aliases, e.roles, e.mentions
                FROM jsonb_to_recordset(\(json)::jsonb)
                    AS e(entity_id text, name text, type text, aliases text, roles text, mentions integer)
                """, logger: logger)
        }
        let bytes = Array(text.utf8)
        let quotes = annotations.quotes.enumerated().map { position, quote in
            let lower = min(max(0, quote.range.lowerBound), bytes.count)
            let upper = min(max(lower, quote.range.upperBound), bytes.count)
            return QuoteRow(position: position, start: quote.range.lowerBound, end: quote.range.upperBound,
                            text: String(decoding: bytes[lower..<upper], as: UTF8.self), speaker: quote.speaker,
                            speakerName: quote.speakerName, cue: quote.cue, venue: quote.venue)
        }
        if !quotes.isEmpty {
            try await connection.query("""
                INSERT INTO quote (document_id, position, start, "end", text, speaker, speaker_name, cue, venue)
                SELECT \(id), q.position, q.start, q."end", q.text, q.speaker, q.speaker_name, q.cue, q.venue
                FROM jsonb_to_recordset(\(try json(quotes))::jsonb)
                    AS q(position integer, start integer, "end" integer, text text, speaker text, speaker_name text,
                         cue text, venue text)
                """, logger: logger)
        }
        try await updateLibraryEntities(
            documentID: id, entities: annotations.entities, mentions: counts,
            quotes: quotes.map { LibraryQuoteInput(position: $0.position, text: $0.text, speaker: $0.speaker, cue: $0.cue, venue: $0.venue) },
            connection, logger)
    }
}

/// An entity row as `jsonb_to_recordset` reads it.
struct EntityRow: Encodable {
    var entityID: String
    var name: String
    var type: String
    var aliases: String
    var roles: String
    var mentions: Int

    enum CodingKeys: String, CodingKey {
        case name, type, aliases, roles, mentions
        case entityID = "entity_id"
    }
}

/// A quote row as `jsonb_to_recordset` reads it.
struct QuoteRow: Encodable {
    var position: Int
    var start: Int
    var end: Int
    var text: String
    var speaker: String?
    var speakerName: String?
    var cue: String?
    var venue: String?

    enum CodingKeys: String, CodingKey {
        case position, start, end, text, speaker, cue, venue
        case speakerName = "speaker_name"
    }
}

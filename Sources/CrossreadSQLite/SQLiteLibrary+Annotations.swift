import CrossreadCore
import Foundation
internal import GRDB

extension SQLiteLibrary {
    public func saveAnnotations(_ annotations: Annotations, forDocument id: String) async throws {
        let json = String(decoding: try JSONEncoder().encode(annotations), as: UTF8.self)
        try await storeOperation("store annotations of \(id)") { writer in
            try await writer.write { db in
                try db.execute(sql: "UPDATE document SET annotations = ?, annotation_claim = NULL WHERE id = ?",
                               arguments: [json, id])
                guard db.changesCount == 1 else {
                    throw CrossreadError(source: id, stage: .store, reason: "no document with this id to annotate")
                }
                try Self.writeAnnotationRows(annotations, documentID: id, db)
                try Self.markAwaitingStory(id, db)
            }
        }
    }

    public func entities() async throws -> [EntityCount] {
        try await storeOperation("list entities") { writer in
            try await writer.read { db in
                let decoder = JSONDecoder()
                var byID: [String: EntityCount] = [:]
                var order: [String] = []
                for row in try Row.fetchAll(db, sql: """
                    SELECT e.document_id, e.entity_id, e.name, e.type, e.aliases, e.roles, e.mentions
                    FROM document_entity e JOIN document d ON d.id = e.document_id ORDER BY d.seq
                    """) {
                    let id: String = row["entity_id"]
                    guard let type = EntityType(rawValue: row["type"]) else { continue }
                    let aliases = (try? decoder.decode([String].self, from: Data((row["aliases"] as String).utf8))) ?? []
                    let roles = (try? decoder.decode([String].self, from: Data((row["roles"] as String).utf8))) ?? []
                    if var known = byID[id] {
                        known.mentions += row["mentions"] as Int
                        known.documents.append(row["document_id"])
                        for alias in aliases where !known.entity.aliases.contains(alias) { known.entity.aliases.append(alias) }
                        for role in roles where !known.entity.roles.contains(role) { known.entity.roles.append(role) }
                        byID[id] = known
                    } else {
                        order.append(id)
                        byID[id] = EntityCount(entity: Entity(id: id, name: row["name"], type: type, aliases: aliases, roles: roles),
                                               mentions: row["mentions"], documents: [row["document_id"]])
                    }
                }
                return order.compactMap { byID[$0] }
            }
        }
    }

    public func quotes() async throws -> [StoredQuote] {
        try await storeOperation("list quotes") { writer in
            try await writer.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT q.* FROM quote q JOIN document d ON d.id = q.document_id ORDER BY d.seq, q.position
                    """).map { row in
                    StoredQuote(document: row["document_id"], text: row["text"],
                                quote: Quote(range: (row["start"] as Int)..<(row["end"] as Int), speaker: row["speaker"],
                                             speakerName: row["speaker_name"], cue: row["cue"], venue: row["venue"]))
                }
            }
        }
    }

    /// Replaces the entity and quote rows of one document, from its annotations.
    static func writeAnnotationRows(_ annotations: Annotations, documentID id: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM document_entity WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM quote WHERE document_id = ?", arguments: [id])
        var counts: [String: Int] = [:]
        for mention in annotations.mentions { counts[mention.entity, default: 0] += 1 }
        let encoder = JSONEncoder()
        for entity in annotations.entities {
            try db.execute(sql: """
                INSERT OR REPLACE INTO document_entity (document_id, entity_id, name, type, aliases, roles, mentions)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, entity.id, entity.name, entity.type.rawValue,
                                 String(decoding: try encoder.encode(entity.aliases), as: UTF8.self),
                                 String(decoding: try encoder.encode(entity.roles), as: UTF8.self),
                                 counts[entity.id, default: 0]])
        }
        let text = try String.fetchOne(db, sql: "SELECT text FROM document WHERE id = ?", arguments: [id]) ?? ""
        let bytes = Array(text.utf8)
        var quotes: [LibraryQuoteInput] = []
        for (position, quote) in annotations.quotes.enumerated() {
            let lower = min(max(0, quote.range.lowerBound), bytes.count)
            let upper = min(max(lower, quote.range.upperBound), bytes.count)
            let words = String(decoding: bytes[lower..<upper], as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO quote (document_id, position, start, "end", text, speaker, speaker_name, cue, venue)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, position, quote.range.lowerBound, quote.range.upperBound, words,
                                 quote.speaker, quote.speakerName, quote.cue, quote.venue])
            quotes.append(LibraryQuoteInput(position: position, text: words, speaker: quote.speaker, cue: quote.cue, venue: quote.venue))
        }
        try updateLibraryEntities(documentID: id, entities: annotations.entities, mentions: counts, quotes: quotes, db)
    }
}

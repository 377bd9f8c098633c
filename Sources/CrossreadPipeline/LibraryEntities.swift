import CrossreadCore
import CrossreadLanguage

/// Entities and quotes across a whole library: per-document entities merged into one list, quotes
/// attributed to the merged speakers.
public enum LibraryEntities {
    /// Merges per-document entity counts across the library (aliases and spelling variants).
    public static func merge(_ counts: [EntityCount]) -> [EntityCount] {
        mergedWithStoredIDs(counts).map { EntityCount(entity: $0.entity, mentions: $0.mentions, documents: $0.documents) }
    }

    /// Merged entities whose name or an alias holds `needle` (ignoring case), each with the ids its
    /// documents store it under: what a search filtered by that entity must match.
    public static func matching(_ needle: String, in counts: [EntityCount]) -> [(entity: Entity, storedIDs: [String])] {
        let needle = needle.lowercased()
        return mergedWithStoredIDs(counts).compactMap { merged in
            let names = [merged.entity.name] + merged.entity.aliases
            guard names.contains(where: { $0.lowercased().contains(needle) }) else { return nil }
            return (merged.entity, merged.storedIDs)
        }
    }

    /// A quote as listed across the library.
    public struct ListedQuote: Sendable, Codable, Equatable {
        public var document: String
        public var text: String
        public var speaker: String?
        public var speakerName: String?
        public var cue: String?
        public var venue: String?
    }

    /// Quotes with merged speaker names, optionally only those whose speaker's name or alias holds `speaker`.
    public static func quotes(_ stored: [StoredQuote], entities: [EntityCount], speaker: String?) -> [ListedQuote] {
        var byAlias: [String: Entity] = [:]
        for count in entities {
            byAlias[count.entity.id] = count.entity
            for alias in count.entity.aliases { byAlias["alias:" + alias.lowercased()] = count.entity }
        }
        let needle = speaker?.lowercased()
        return stored.compactMap { item in
            let entity = item.quote.speaker.flatMap { byAlias[$0] ?? entities.first(where: { $0.entity.aliases.contains(item.quote.speakerName ?? "") })?.entity }
            let names = ([entity?.name, item.quote.speakerName].compactMap { $0 } + (entity?.aliases ?? [])).map { $0.lowercased() }
            if let needle, !names.contains(where: { $0.contains(needle) }) { return nil }
            return ListedQuote(document: item.document, text: item.text, speaker: entity?.id ?? item.quote.speaker,
                               speakerName: entity?.name ?? item.quote.speakerName, cue: item.quote.cue, venue: item.quote.venue)
        }
    }
}

extension LibraryEntities {
    /// The merged entities the library keeps that `needle` names, each with its stored ids (what a
    /// search filtered by it must match): the entity an id names, or else those whose name or an alias
    /// has a word starting with `needle`, the most documents first. A few indexed look-ups.
    public static func stored(matching needle: String, in store: any DocumentStore, limit: Int = 20) async throws -> [LibraryEntity] {
        if let exact = try await store.libraryEntity(id: needle), exact.documents > 0 { return [exact] }
        var found: [LibraryEntity] = []
        for entity in try await store.libraryEntities(LibraryEntityQuery(name: needle, limit: limit)).entities {
            if let full = try await store.libraryEntity(id: entity.entity.id) { found.append(full) }
        }
        return found
    }

    /// The quotes of the merged entities `speaker` names (as `stored(matching:in:)` finds them), from the
    /// speaker quotes the library keeps, a page at a time; in ingest order per speaker.
    public static func storedQuotes(speaker: String, in store: any DocumentStore) async throws -> [ListedQuote] {
        var listed: [ListedQuote] = []
        for merged in try await stored(matching: speaker, in: store) {
            var offset = 0
            while true {
                let page = try await store.libraryEntityQuotes(merged.entity.id, offset: offset, limit: 1000)
                listed += page.map {
                    ListedQuote(document: $0.document, text: $0.text, speaker: merged.entity.id, speakerName: merged.entity.name,
                                cue: $0.cue, venue: $0.venue)
                }
                offset += page.count
                if page.count < 1000 { break }
            }
        }
        return listed
    }
}

import CrossreadCore
import CrossreadLanguage

extension LibraryEntities {
    /// An entity merged across the library, with the ids its documents store it under (what a search
    /// filtered by it must match), its mentions and its documents.
    public struct MergedEntity: Sendable, Equatable {
        public var entity: Entity
        public var storedIDs: [String]
        public var mentions: Int
        public var documents: [String]

        public init(entity: Entity, storedIDs: [String], mentions: Int, documents: [String]) {
            self.entity = entity
            self.storedIDs = storedIDs
            self.mentions = mentions
            self.documents = documents
        }

        /// One stored entity as it is, not merged with any other.
        public init(_ count: EntityCount) {
            self.init(entity: count.entity, storedIDs: [count.entity.id], mentions: count.mentions, documents: count.documents)
        }
    }

    /// Every entity of the library merged once (aliases and spelling variants), each with its stored ids;
    /// in the order `merge(_:)` gives.
    public static func mergedWithStoredIDs(_ counts: [EntityCount]) -> [MergedEntity] {
        let (entities, mapping) = CorpusEntityResolver().merge([counts.map(\.entity)])
        var merged = Dictionary(entities.map { ($0.id, MergedEntity(entity: $0, storedIDs: [], mentions: 0, documents: [])) },
                                uniquingKeysWith: { a, _ in a })
        var seenDocuments: [String: Set<String>] = [:]
        for count in counts {
            let id = mapping[count.entity.id] ?? count.entity.id
            guard var target = merged[id] else { continue }
            if !target.storedIDs.contains(count.entity.id) { target.storedIDs.append(count.entity.id) }
            target.mentions += count.mentions
            for document in count.documents where seenDocuments[id, default: []].insert(document).inserted {
                target.documents.append(document)
            }
            merged[id] = target
        }
        return entities.compactMap { merged[$0.id] }
    }
}

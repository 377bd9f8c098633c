import CrossreadCore

/// Merges the mentions of one document that name the same thing into entities: "Benjamin
/// Netanyahu", "Netanyahu" and "Bibi Netanyahu" are one person; "U.S." and "United States" one
/// place; "IRGC" and "Islamic Revolutionary Guard Corps" one organization. Two people sharing a
/// surname stay apart unless the text makes the link plain.
public struct EntityResolver: Sendable {
    let clustering: EntityClustering

    public init(gazetteer: Gazetteer = .standard) {
        clustering = EntityClustering(gazetteer: gazetteer)
    }

    /// The mentions with their `entity` set to the id of their entity, and those entities in order
    /// of first mention. Ids are type and slug of the canonical name ("person:benjamin-netanyahu").
    public func resolve(_ mentions: [EntityMention], text: String) -> (mentions: [EntityMention], entities: [Entity]) {
        let bytes = Array(text.utf8)
        let records = mentions.enumerated().map { index, mention -> EntityClustering.Record in
            let range = max(0, mention.range.lowerBound)..<min(bytes.count, mention.range.upperBound)
            let written = String(decoding: bytes[range], as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return EntityClustering.Record(type: mention.type, name: written, forms: [], roles: mention.role.map { [$0] } ?? [],
                                           weight: 1, order: index)
        }
        let groups = clustering.cluster(records, resolveByRecency: true)
        var resolved = mentions
        var entities: [Entity] = []
        var usedIds: [String: Int] = [:]
        for group in groups {
            var entity = clustering.entity(group, records)
            if let count = usedIds[entity.id] {
                usedIds[entity.id] = count + 1
                entity.id += "-\(count + 1)"
            } else {
                usedIds[entity.id] = 1
            }
            for i in group { resolved[i].entity = entity.id }
            entities.append(entity)
        }
        return (resolved, entities)
    }
}

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
        // One record per distinct (type, written name); mentions point at their record.
        var records: [EntityClustering.Record] = []
        var recordOf = [Int](repeating: 0, count: mentions.count)
        var index: [String: Int] = [:]
        var text = text
        text.withUTF8 { bytes in
            for (position, mention) in mentions.enumerated() {
                let range = max(0, mention.range.lowerBound)..<min(bytes.count, mention.range.upperBound)
                let written = EntityResolver.collapsedWhitespace(UnsafeBufferPointer(rebasing: bytes[range]))
                let key = "\(mention.type.rawValue)|\(written)"
                if let existing = index[key] {
                    recordOf[position] = existing
                    records[existing].weight += 1
                    records[existing].positions.append(position)
                    if let role = mention.role, !records[existing].roles.contains(role) { records[existing].roles.append(role) }
                } else {
                    index[key] = records.count
                    recordOf[position] = records.count
                    records.append(EntityClustering.Record(type: mention.type, name: written, forms: [],
                                                           roles: mention.role.map { [$0] } ?? [], weight: 1, order: position,
                                                           positions: [position]))
                }
            }
        }
        let groups = clustering.cluster(records, resolveByRecency: true)
        var entityOfRecord = [String](repeating: "", count: records.count)
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
            for i in group { entityOfRecord[i] = entity.id }
            entities.append(entity)
        }
        var resolved = mentions
        for position in resolved.indices { resolved[position].entity = entityOfRecord[recordOf[position]] }
        return (resolved, entities)
    }

    /// The bytes as a string with every run of whitespace as one space.
    static func collapsedWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(where: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        for b in bytes {
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { space = !out.isEmpty; continue }
            if space { out.append(0x20); space = false }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

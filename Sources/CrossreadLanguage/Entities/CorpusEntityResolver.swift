import CrossreadCore

/// Merges the entities of many documents: the same id is one entity; spelling variants
/// ("Qassem Soleimani" / "Qasem Soleimani"), nicknames and acronyms merge; a surname-only entity
/// joins the one full name across the corpus that it can belong to (or one at least twice as
/// frequent as any other). A corpus-wide stage, run after every document was resolved.
public struct CorpusEntityResolver: Sendable {
    let clustering: EntityClustering

    public init(gazetteer: Gazetteer = .standard) {
        clustering = EntityClustering(gazetteer: gazetteer)
    }

    /// The merged entities, and for every input id the id it now has (unchanged ids map to themselves).
    public func merge(_ documents: [[Entity]]) -> (entities: [Entity], mapping: [String: String]) {
        var records: [EntityClustering.Record] = []
        var recordOfId: [String: Int] = [:]
        for entities in documents {
            for entity in entities {
                if let index = recordOfId[entity.id] {
                    records[index].weight += 1
                    for alias in entity.aliases where !records[index].forms.contains(alias) { records[index].forms.append(alias) }
                    for role in entity.roles where !records[index].roles.contains(role) { records[index].roles.append(role) }
                } else {
                    recordOfId[entity.id] = records.count
                    records.append(EntityClustering.Record(type: entity.type, name: entity.name, forms: entity.aliases,
                                                           roles: entity.roles, weight: 1, order: records.count))
                }
            }
        }
        CorpusEntityResolver.voteTypes(&records)
        let ids = recordOfId.sorted { $0.value < $1.value }.map(\.key)
        let groups = clustering.cluster(records, resolveByRecency: false)
        var merged: [Entity] = []
        var mapping: [String: String] = [:]
        var usedIds: [String: Int] = [:]
        for group in groups {
            var entity = clustering.entity(group, records)
            if let count = usedIds[entity.id] {
                usedIds[entity.id] = count + 1
                entity.id += "-\(count + 1)"
            } else {
                usedIds[entity.id] = 1
            }
            for i in group { mapping[ids[i]] = entity.id }
            merged.append(entity)
        }
        return (merged, mapping)
    }

    /// A name typed differently in different documents ("Lowfield" a place in four, a person in two)
    /// takes the type most documents give it, when they are at least twice as many as the rest.
    static func voteTypes(_ records: inout [EntityClustering.Record]) {
        var byName: [String: [Int]] = [:]
        for (index, record) in records.enumerated() where record.type == .person || record.type == .organization || record.type == .place {
            byName[EntityNames.slug(record.name), default: []].append(index)
        }
        for indices in byName.values where Set(indices.map { records[$0].type }).count > 1 {
            var weight: [EntityType: Int] = [:]
            for index in indices { weight[records[index].type, default: 0] += records[index].weight }
            let total = weight.values.reduce(0, +)
            guard let best = weight.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }),
                  best.value >= 2 * (total - best.value) else { continue }
            for index in indices { records[index].type = best.key }
        }
    }
}

import CrossreadCore
import Foundation

/// Groups written names that refer to the same thing, for one document (records are mentions)
/// or a corpus (records are per-document entities), and builds the merged `Entity` of each group.
struct EntityClustering {
    /// One name to cluster: a mention, or an entity of one document.
    struct Record {
        var type: EntityType
        /// The name as written (a mention) or the entity's canonical name.
        var name: String
        /// Every written form (the name and its aliases).
        var forms: [String]
        var roles: [String]
        /// How much it counts when choosing between candidates (mentions, or documents).
        var weight: Int
        /// Position: the mention index, or the order the entity was first seen.
        var order: Int
        /// Every mention index with this name (in a document), for recency.
        var positions: [Int] = []
    }

    let gazetteer: Gazetteer

    /// Groups of record indices, each group one entity; groups are ordered by first record.
    func cluster(_ records: [Record], resolveByRecency: Bool) -> [[Int]] {
        var parent = Array(records.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var byKey: [String: Int] = [:]
        for (i, record) in records.enumerated() {
            let key = "\(record.type.rawValue) \(exactKey(record))"

            if let j = byKey[key] { union(i, j) } else { byKey[key] = i }
        }
        let persons = records.indices.filter { records[$0].type == .person }
        clusterPersons(records, persons, resolveByRecency: resolveByRecency, find: find, union: union)
        clusterOrganizations(records, records.indices.filter { records[$0].type == .organization }, find: find, union: union)
        clusterGroups(records, records.indices.filter { records[$0].type == .group }, find: find, union: union)
        var groups: [Int: [Int]] = [:]
        for i in records.indices { groups[find(i), default: []].append(i) }
        return groups.keys.sorted().map { groups[$0]! }
    }

    /// The key under which identical names merge at once: places by canonical name, others folded.
    func exactKey(_ record: Record) -> String {
        switch record.type {
        case .place:
            for form in [record.name] + record.forms {
                if let canonical = gazetteer.canonicalPlace(form) { return EntityNames.slug(canonical) }
            }
            return EntityNames.slug(record.name)
        case .person:
            return PersonName(record.name).words.joined(separator: " ")
        default:
            return EntityNames.slug(EntityClustering.withoutArticle(record.name))
        }
    }

    static func withoutArticle(_ name: String) -> String {
        name.hasPrefix("the ") || name.hasPrefix("The ") ? String(name.dropFirst(4)) : name
    }

    /// Full names merge when they can be the same person; a surname alone joins the one full name
    /// it can belong to, or, among several, the most recent (in a document) and most frequent one
    /// when those agree; otherwise it stays an entity of its own.
    func clusterPersons(_ records: [Record], _ persons: [Int], resolveByRecency: Bool,
                        find: (Int) -> Int, union: (Int, Int) -> Void) {
        // One representative per distinct name: identical names are already united.
        var names: [Int: PersonName] = [:]
        var representatives: [Int] = []
        var seen: [[String]: Int] = [:]
        for i in persons {
            let name = PersonName(records[i].name)
            names[i] = name
            if seen[name.words] == nil { seen[name.words] = i; representatives.append(i) }
        }
        let full = representatives.filter { names[$0]!.isFull }
        for (n, i) in full.enumerated() {
            for j in full[..<n] where find(i) != find(j) && names[i]!.canBeSamePerson(as: names[j]!, gazetteer: gazetteer) {
                union(i, j)
                break
            }
        }
        let allFull = persons.filter { names[$0]!.isFull }
        let singles = persons.filter { !names[$0]!.isFull && !names[$0]!.words.isEmpty }
        var surnameMatches: [String: [Int]] = [:]
        for i in singles {
            let word = names[i]!.first, key = names[i]!.keys[0]
            if surnameMatches[word] == nil {
                surnameMatches[word] = allFull.filter { PersonName.sameWord(names[$0]!.last, names[$0]!.lastKey, word, key) }
            }
            var candidates: [Int: (weight: Int, latest: Int)] = [:]
            for j in surnameMatches[word]! {
                let root = find(j)
                var entry = candidates[root] ?? (0, -1)
                entry.weight += records[j].weight
                for position in records[j].positions.isEmpty ? [records[j].order] : records[j].positions where position < records[i].order {
                    entry.latest = max(entry.latest, position)
                }
                candidates[root] = entry
            }
            guard !candidates.isEmpty else { continue }
            if candidates.count == 1 {
                union(i, candidates.keys.first!)
                continue
            }
            let ranked = candidates.sorted { $0.value.weight > $1.value.weight }
            let heaviest = ranked[0]
            let dominant = resolveByRecency ? heaviest.value.weight > ranked[1].value.weight : heaviest.value.weight >= 2 * ranked[1].value.weight
            let mostRecent = candidates.max { $0.value.latest < $1.value.latest }!
            if dominant, !resolveByRecency || (mostRecent.key == heaviest.key && mostRecent.value.latest >= 0) {
                union(i, heaviest.key)
            }
        }
    }

    /// Acronyms join the name they abbreviate ("IRGC"); names differing by a letter per word merge
    /// ("Revolutionary Guard Corps" / "Revolutionary Guards Corps").
    func clusterOrganizations(_ records: [Record], _ organizations: [Int], find: (Int) -> Int, union: (Int, Int) -> Void) {
        var words: [Int: [String]] = [:]
        var seen = Set<[String]>()
        var unique: [Int] = []
        for i in organizations {
            let w = PersonName(EntityClustering.withoutArticle(records[i].name)).words
            words[i] = w
            if seen.insert(w).inserted { unique.append(i) }
        }
        let organizations = unique
        let minor: Set<String> = ["of", "the", "and", "for", "de", "on", "in", "al"]
        for i in organizations {
            let name = records[i].name
            let letters = name.filter { $0.isLetter }
            let isAcronym = letters.count >= 2 && letters.count <= 6 && letters.allSatisfy { $0.isUppercase }
            for j in organizations where j != i && find(i) != find(j) {
                let other = words[j]!
                if isAcronym, other.count >= 2 {
                    let initials = other.filter { !minor.contains($0) }.compactMap(\.first).map { String($0) }.joined()
                    if initials == letters.lowercased() { union(i, j); continue }
                }
                let mine = words[i]!
                if mine.count >= 2, mine.count == other.count, mine != other,
                   zip(mine, other).allSatisfy({ $0 == $1 || (min($0.count, $1.count) >= 4 && PersonName.sameWord($0, $1)) }) {
                    union(i, j)
                }
            }
        }
    }

    /// A plural joins its singular ("Israelis" with "Israeli").
    func clusterGroups(_ records: [Record], _ groups: [Int], find: (Int) -> Int, union: (Int, Int) -> Void) {
        var bySlug: [String: Int] = [:]
        for i in groups { bySlug[EntityNames.slug(records[i].name)] = i }
        for i in groups {
            let slug = EntityNames.slug(records[i].name)
            if slug.hasSuffix("s"), let j = bySlug[String(slug.dropLast())] { union(i, j) }
        }
    }

    /// The merged entity of a group: canonical name (the longest full form; for places the
    /// gazetteer's name), aliases, type and roles.
    func entity(_ group: [Int], _ records: [Record]) -> Entity {
        let type = records[group[0]].type
        var forms: [String] = []
        var weights: [String: Int] = [:]
        var roles: [String] = []
        for i in group {
            for form in [records[i].name] + records[i].forms where !form.isEmpty {
                if weights[form] == nil { forms.append(form) }
                weights[form, default: 0] += form == records[i].name ? records[i].weight : 0
            }
            for role in records[i].roles where !roles.contains(role) { roles.append(role) }
        }
        let name = canonicalName(type: type, forms: forms, weights: weights)
        return Entity(id: EntityNames.id(type: type, name: name), name: name, type: type,
                      aliases: forms.filter { $0 != name }, roles: roles)
    }

    func canonicalName(type: EntityType, forms: [String], weights: [String: Int]) -> String {
        if type == .place {
            for form in forms { if let canonical = gazetteer.canonicalPlace(form) { return canonical } }
        }
        func score(_ form: String) -> (Int, Int, Int, Int) {
            let words = PersonName(form).words
            let nickname = type == .person && words.count >= 2 && !gazetteer.formalFirstNames(words[0]).isEmpty ? 0 : 1
            let article = form.hasPrefix("the ") || form.hasPrefix("The ") ? 0 : 1
            if type == .group {
                return (weights[form] ?? 0, -form.count, 0, 0)  // the most used form, the shorter on a tie
            }
            return (min(words.count, 2), nickname * article, form.count, weights[form] ?? 0)
        }
        var best = forms[0]
        for form in forms.dropFirst() where score(form) > score(best) { best = form }
        return best
    }
}

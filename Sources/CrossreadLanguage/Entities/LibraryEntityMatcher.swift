import CrossreadCore

/// Places one document's entity among the entities already merged across a library, one document at a
/// time: the candidates are the merged entities filed under one of its keys (an indexed look-up), and
/// the corpus merge (`EntityClustering`, as `CorpusEntityResolver` runs it) decides which it joins.
///
///     entity ─▶ keys ─▶ merged entities filed under them ─▶ cluster(candidates' forms + entity)
///            ─▶ joins the heaviest candidate in its group, or starts a merged entity of its own
public struct LibraryEntityMatcher: Sendable {
    /// Forms of one merged entity kept and filed under keys (its name first); later ones are dropped.
    public static let formLimit = 24
    /// Forms of one candidate the corpus merge compares (its name first), and candidates at most: the
    /// merge compares every pair of full names, so both stay small.
    static let comparedForms = 8
    static let candidateLimit = 40
    /// One matcher for every store (it holds the standard gazetteer).
    public static let shared = LibraryEntityMatcher()
    let clustering: EntityClustering

    public init(gazetteer: Gazetteer = .standard) {
        clustering = EntityClustering(gazetteer: gazetteer)
    }

    /// The keys an entity is filed and looked up under: its stored id, the exact key of each form
    /// (places by canonical name), a person's surname spelling key, an organization's initials (its
    /// acronym, or the letters a spelling variant keeps), a group's singular.
    public func keys(_ entity: Entity) -> [String] {
        ["id:" + entity.id] + keys(forms: Array(([entity.name] + entity.aliases).prefix(Self.formLimit)), type: entity.type)
    }

    /// The keys of some written forms of an entity of `type` (without its id).
    func keys(forms: [String], type: EntityType) -> [String] {
        var keys: [String] = []
        func add(_ key: String) { if !keys.contains(key) { keys.append(key) } }
        for form in forms where !form.isEmpty {
            let record = EntityClustering.Record(type: type, name: form, forms: [], roles: [], weight: 1, order: 0)
            add("\(type.rawValue) \(clustering.exactKey(record))")
            switch type {
            case .person:
                let name = PersonName(form)
                if !name.words.isEmpty { add("person~" + name.lastKey) }
            case .organization:
                if let initials = Self.initials(form) { add("organization~" + initials) }
            case .group:
                let slug = EntityNames.slug(form)
                add("group~" + (slug.hasSuffix("s") ? String(slug.dropLast()) : slug))
            default:
                break
            }
        }
        return keys
    }

    /// An organization's acronym letters, or the initials of a name of two words or more.
    static func initials(_ form: String) -> String? {
        let letters = form.filter { $0.isLetter }
        if letters.count >= 2, letters.count <= 6, letters.allSatisfy({ $0.isUppercase }) { return letters.lowercased() }
        let minor: Set<String> = ["of", "the", "and", "for", "de", "on", "in", "al"]
        let words = PersonName(EntityClustering.withoutArticle(form)).words
        guard words.count >= 2 else { return nil }
        return words.filter { !minor.contains($0) }.compactMap(\.first).map { String($0) }.joined()
    }

    /// The position in `candidates` of the merged entity `entity` joins, or nil when it starts one of
    /// its own. `documents` weighs a candidate as the corpus merge weighs an entity by its documents.
    public func join(_ entity: Entity, candidates: [(entity: Entity, documents: Int)]) -> Int? {
        var records: [EntityClustering.Record] = []
        var owner: [Int] = []
        if let same = candidates.firstIndex(where: { $0.entity.id == entity.id && $0.entity.type == entity.type }) { return same }
        for (position, candidate) in candidates.enumerated().prefix(Self.candidateLimit) where candidate.entity.type == entity.type {
            for (index, form) in ([candidate.entity.name] + candidate.entity.aliases).prefix(Self.comparedForms).enumerated()
            where !form.isEmpty {
                records.append(EntityClustering.Record(type: entity.type, name: form, forms: [], roles: [],
                                                       weight: index == 0 ? max(1, candidate.documents) : 0,
                                                       order: records.count))
                owner.append(position)
            }
        }
        guard !records.isEmpty else { return nil }
        let newcomer = records.count
        records.append(EntityClustering.Record(type: entity.type, name: entity.name, forms: entity.aliases,
                                               roles: entity.roles, weight: 1, order: newcomer))
        guard let group = clustering.cluster(records, resolveByRecency: false).first(where: { $0.contains(newcomer) }) else {
            return nil
        }
        let joined = Set(group.filter { $0 != newcomer }.map { owner[$0] })
        return joined.max { (candidates[$0].documents, $1) < (candidates[$1].documents, $0) }
    }

    /// A merged entity after `entity` joined it: its id and type kept, its name the form the corpus
    /// merge picks, the newcomer's forms and roles added.
    public func absorb(_ entity: Entity, into merged: Entity, documents: Int) -> Entity {
        let records = [
            EntityClustering.Record(type: merged.type, name: merged.name, forms: merged.aliases, roles: merged.roles,
                                    weight: max(1, documents), order: 0),
            EntityClustering.Record(type: merged.type, name: entity.name, forms: entity.aliases, roles: entity.roles,
                                    weight: 1, order: 1),
        ]
        var result = clustering.entity([0, 1], records)
        result.id = merged.id
        result.type = merged.type
        result.aliases = Array(result.aliases.prefix(Self.formLimit))
        return result
    }
}

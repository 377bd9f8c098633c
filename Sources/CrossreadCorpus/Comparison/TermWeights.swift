#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives statement terms dense ids, merging close variants (a stem and the same stem with up to
/// three more letters: "iran" and "iranian", "syria" and "syrian"), and weighs each id by its
/// rarity among the statements (inverse document frequency), or uniformly.
struct TermWeights: Sendable {
    private(set) var ids: [String: Int] = [:]
    private(set) var weights: [Double] = []
    /// Ids of names and titles: terms capitalized in most of their uses.
    private(set) var isName: [Bool] = []

    /// Assigns `termIDs` to every statement and computes the weights from them.
    init(statements: inout [Statement], uniform: Bool = false) {
        var vocabulary: [String] = []
        var index: [String: Int] = [:]
        for statement in statements {
            for term in statement.terms where index[term] == nil {
                index[term] = vocabulary.count
                vocabulary.append(term)
            }
        }
        var sets = DisjointSets()
        for _ in vocabulary { sets.add() }
        for (id, term) in vocabulary.enumerated() where !term.hasPrefix("#") {
            let length = term.count
            guard length >= 5 else { continue }
            for cut in 1...3 where length - cut >= 4 {
                if let shorter = index[String(term.prefix(length - cut))] { sets.union(id, shorter) }
            }
        }
        var root: [Int: Int] = [:]
        var canonical: [Int] = []
        for id in vocabulary.indices {
            let r = sets.find(id)
            if let dense = root[r] {
                canonical.append(dense)
            } else {
                root[r] = root.count
                canonical.append(root.count - 1)
            }
        }
        for (term, id) in index { ids[term] = canonical[id] }
        var frequency = [Int](repeating: 0, count: root.count)
        var asName = [Int](repeating: 0, count: root.count)
        for statement in statements {
            for term in statement.nameTerms { if let id = ids[term] { asName[id] += 1 } }
        }
        for s in statements.indices {
            let termIDs = Array(Set(statements[s].terms.compactMap { ids[$0] })).sorted()
            statements[s].termIDs = termIDs
            statements[s].clauseTermIDs = statements[s].clauseTerms.map { Array(Set($0.compactMap { ids[$0] })).sorted() }
            for id in termIDs { frequency[id] += 1 }
        }
        let count = Double(max(statements.count, 1))
        isName = frequency.indices.map { 2 * asName[$0] >= max(frequency[$0], 1) }
        weights = frequency.indices.map { id in
            let rarity = uniform ? 1 : log(1 + count / Double(max(frequency[id], 1)))
            // Names and titles weigh less than other words of the same rarity.
            return isName[id] ? rarity * Self.nameFactor : rarity
        }
    }

    /// How much a name or title weighs against another word of the same rarity.
    static let nameFactor = 0.4

    func weight(_ id: Int) -> Double { weights[id] }

    func totalWeight(_ ids: [Int]) -> Double { ids.reduce(0) { $0 + weights[$1] } }

    /// Ids of terms a new span contributes (unknown terms get no id and count as unshared).
    func termIDs(_ terms: [String]) -> [Int] { Array(Set(terms.compactMap { ids[$0] })).sorted() }
}

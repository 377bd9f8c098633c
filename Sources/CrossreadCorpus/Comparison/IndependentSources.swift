/// Which documents are independent sources: copies of one article (one duplicate group) are one
/// source, represented by the first of them in input order.
struct IndependentSources: Sendable {
    /// Source index per document id.
    private(set) var source: [String: Int] = [:]

    init(documents: [String], duplicates: [[String]]) {
        var group: [String: Int] = [:]
        for (index, members) in duplicates.enumerated() {
            for id in members where group[id] == nil { group[id] = index }
        }
        var sourceOfGroup: [Int: Int] = [:]
        var next = 0
        for id in documents where source[id] == nil {
            if let g = group[id] {
                if let existing = sourceOfGroup[g] {
                    source[id] = existing
                    continue
                }
                sourceOfGroup[g] = next
            }
            source[id] = next
            next += 1
        }
    }

    subscript(document: String) -> Int { source[document] ?? -1 }
}

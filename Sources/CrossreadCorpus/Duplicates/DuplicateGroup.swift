/// Documents that are copies of one another: `exact` when all share the same normalized words,
/// else near-duplicates linked by verified similarity at or above the threshold.
public struct DuplicateGroup: Sendable, Equatable, Codable {
    /// Document ids in the order they were added; the first is the group's representative.
    public var documents: [String]
    public var exact: Bool
    /// The lowest verified Jaccard similarity among the links that formed the group (1 for exact).
    public var minimumSimilarity: Double

    public init(documents: [String], exact: Bool, minimumSimilarity: Double) {
        self.documents = documents
        self.exact = exact
        self.minimumSimilarity = minimumSimilarity
    }
}

/// An earlier document that a newly added one duplicates.
public struct DuplicateMatch: Sendable, Equatable {
    public var document: String
    /// Verified Jaccard similarity (1 for an exact copy).
    public var similarity: Double
    public var exact: Bool

    public init(document: String, similarity: Double, exact: Bool) {
        self.document = document
        self.similarity = similarity
        self.exact = exact
    }
}

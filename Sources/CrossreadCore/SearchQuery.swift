/// A full-text search with optional filters: which entities a document must name, which source it
/// comes from, and when it was published. Every filter that is set must hold.
public struct SearchQuery: Sendable, Equatable, Codable {
    /// The words to find (every word must match; a trailing `*` matches a prefix).
    public var text: String
    /// Entity ids (`person:donald-trump`); a hit names at least one of them.
    public var entityIDs: [String]
    /// Part of the source path, URL or publisher name, ignoring case.
    public var source: String?
    /// First publication day to include, `YYYY-MM-DD`; undated documents are left out when set.
    public var publishedFrom: String?
    /// Last publication day to include, `YYYY-MM-DD`; undated documents are left out when set.
    public var publishedThrough: String?
    public var limit: Int
    /// Hits to skip, for paging.
    public var offset: Int
    /// Rank every match when there are at most this many (nil: `SearchResults.exactBound`); above
    /// it, rank bounded candidates. `Int.max` ranks every match however many (for measuring).
    public var exactBound: Int?

    public init(_ text: String, entityIDs: [String] = [], source: String? = nil, publishedFrom: String? = nil,
                publishedThrough: String? = nil, limit: Int = 20, offset: Int = 0) {
        self.text = text
        self.entityIDs = entityIDs
        self.source = source
        self.publishedFrom = publishedFrom
        self.publishedThrough = publishedThrough
        self.limit = limit
        self.offset = offset
    }
}

/// A page of search hits with how many documents match in all: counted exactly up to
/// `SearchResults.exactBound` matches, estimated above it ("about 12,000 results").
public struct SearchResults: Sendable, Equatable {
    public var hits: [SearchHit]
    /// Documents matching the words and every filter; an estimate when `totalIsExact` is false.
    public var total: Int
    public var totalIsExact: Bool

    /// Up to this many matches a search ranks every one and counts exactly; above it, it ranks a
    /// bounded set of candidates (the best documents for each word and the newest matches) and
    /// estimates the count, so its cost does not grow with the number of matches.
    public static let exactBound = 1000

    public init(hits: [SearchHit], total: Int, totalIsExact: Bool) {
        self.hits = hits
        self.total = total
        self.totalIsExact = totalIsExact
    }
}

extension DocumentStore {
    /// Full-text search with filters, best match first (the hits of `searchResults`).
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        try await searchResults(query).hits
    }

    /// Full-text search over title and text without filters, best match first.
    public func search(_ text: String, limit: Int) async throws -> [SearchHit] {
        try await search(SearchQuery(text, limit: limit))
    }
}

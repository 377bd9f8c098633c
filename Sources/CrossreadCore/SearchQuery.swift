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

extension DocumentStore {
    /// Full-text search over title and text without filters, best match first.
    public func search(_ text: String, limit: Int) async throws -> [SearchHit] {
        try await search(SearchQuery(text, limit: limit))
    }
}

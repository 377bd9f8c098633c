/// What is known about an article besides its body: found by cleaning (headline, byline,
/// dateline lines), by HTML extraction (JSON-LD, OpenGraph, meta tags) or given by a container
/// (a feed item, a JSON Lines record).
public struct DocumentMetadata: Sendable, Equatable, Codable {
    public var title: String?
    public var authors: [String]
    public var published: PublicationDate?
    public var updated: PublicationDate?
    public var publisher: String?
    /// ISO 639-1 code ("en", "de") when known.
    public var language: String?
    public var url: String?
    public var description: String?
    /// When a crawler fetched the page (a WARC record's `WARC-Date`); not the publication date.
    public var fetched: PublicationDate?

    public init(title: String? = nil, authors: [String] = [], published: PublicationDate? = nil,
                updated: PublicationDate? = nil, publisher: String? = nil, language: String? = nil,
                url: String? = nil, description: String? = nil, fetched: PublicationDate? = nil) {
        self.title = title
        self.authors = authors
        self.published = published
        self.updated = updated
        self.publisher = publisher
        self.language = language
        self.url = url
        self.description = description
        self.fetched = fetched
    }

    /// Fills every field this value lacks from `other` (self wins where both have a value).
    public func filling(from other: DocumentMetadata) -> DocumentMetadata {
        var merged = self
        if merged.title == nil { merged.title = other.title }
        if merged.authors.isEmpty { merged.authors = other.authors }
        if merged.published == nil { merged.published = other.published }
        if merged.updated == nil { merged.updated = other.updated }
        if merged.publisher == nil { merged.publisher = other.publisher }
        if merged.language == nil { merged.language = other.language }
        if merged.url == nil { merged.url = other.url }
        if merged.description == nil { merged.description = other.description }
        if merged.fetched == nil { merged.fetched = other.fetched }
        return merged
    }
}

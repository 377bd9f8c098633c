/// Where documents are kept, with the corpus analysis of them (`CorpusStore`). SQLite
/// (`CrossreadSQLite`) is the embedded default; the same protocols and test suites serve every backend.
public protocol DocumentStore: CorpusStore, LibraryEntityStore {
    /// Stores a document in one transaction, unless a document with the same content hash is
    /// already there.
    func add(_ document: Document) async throws -> StoreOutcome
    /// The document whose id (or an unambiguous prefix of its id or content hash) is `id`.
    func document(id: String) async throws -> Document?
    /// Every document's summary, oldest first.
    func list() async throws -> [DocumentSummary]
    /// Stores documents in order, in as few transactions as the store can (all or none of a batch
    /// on SQLite); each is skipped when a document with its content hash is already there.
    func add(contentsOf documents: [Document]) async throws -> [StoreOutcome]
    /// Full-text search over title and text, filtered by entity, source and date, best match first,
    /// with how many documents match. Its cost is bounded however many documents match: above
    /// `SearchResults.exactBound` matches the top hits come from the impact-ordered word lists
    /// (`SearchTerms`) and the newest matches, and the count is an estimate.
    func searchResults(_ query: SearchQuery) async throws -> SearchResults
    func count() async throws -> Int
    /// Keeps a document's annotations (replacing earlier ones), so later runs reuse them and the
    /// library can list entities and quotes.
    func saveAnnotations(_ annotations: Annotations, forDocument id: String) async throws
    /// Every entity the annotated documents name, with how often and in how many documents.
    func entities() async throws -> [EntityCount]
    /// Every quote in the annotated documents, in ingest order.
    func quotes() async throws -> [StoredQuote]
}

extension DocumentStore {
    /// One `add` after another; stores that can batch writes do better.
    public func add(contentsOf documents: [Document]) async throws -> [StoreOutcome] {
        var outcomes: [StoreOutcome] = []
        outcomes.reserveCapacity(documents.count)
        for document in documents { outcomes.append(try await add(document)) }
        return outcomes
    }
}

/// An entity as the library knows it: from one or more documents.
public struct EntityCount: Sendable, Equatable, Codable {
    public var entity: Entity
    public var mentions: Int
    public var documents: [String]

    public init(entity: Entity, mentions: Int, documents: [String]) {
        self.entity = entity
        self.mentions = mentions
        self.documents = documents
    }
}

/// A quote with the document it is in and its text.
public struct StoredQuote: Sendable, Equatable, Codable {
    public var document: String
    public var text: String
    public var quote: Quote

    public init(document: String, text: String, quote: Quote) {
        self.document = document
        self.text = text
        self.quote = quote
    }
}

/// What storing a document did.
public enum StoreOutcome: Sendable, Equatable {
    case added(id: String)
    case alreadyPresent(id: String)
}

/// A document without its text, for listings.
public struct DocumentSummary: Sendable, Equatable, Codable {
    public var id: String
    public var source: String
    public var title: String?
    public var published: String?
    public var publisher: String?
    public var words: Int

    public init(id: String, source: String, title: String?, published: String?, publisher: String?, words: Int) {
        self.id = id
        self.source = source
        self.title = title
        self.published = published
        self.publisher = publisher
        self.words = words
    }
}

/// A search result: the document, its rank and a snippet whose matched terms are marked.
public struct SearchHit: Sendable, Equatable, Codable {
    public var id: String
    public var source: String
    public var title: String?
    /// Lower is better: SQLite's BM25 (PostgreSQL's `ts_rank`, negated) when every match was
    /// ranked; above `SearchResults.exactBound` matches on SQLite, minus the summed word impacts.
    public var score: Double
    /// Snippet text.
    public var snippet: String
    /// UTF-8 byte ranges of the matched terms in `snippet`.
    public var highlights: [Range<Int>]
    /// Publication date as stored (ISO 8601), when known.
    public var published: String?
    public var publisher: String?

    public init(id: String, source: String, title: String?, score: Double, snippet: String, highlights: [Range<Int>],
                published: String? = nil, publisher: String? = nil) {
        self.id = id
        self.source = source
        self.title = title
        self.score = score
        self.snippet = snippet
        self.highlights = highlights
        self.published = published
        self.publisher = publisher
    }
}

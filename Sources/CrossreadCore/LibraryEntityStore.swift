import Foundation

/// Entities merged across the whole library, kept in the store and brought up to date as each
/// document's annotations are stored (the cost of one document does not grow with the library), with
/// the library's counts the overview shows. Every read is a bounded number of indexed queries.
///
///     saveAnnotations / add ─▶ each entity of the document: look up merged entities by its keys
///         ─▶ join one (aliases, roles, counts) or start a new one ─▶ postings, months, speaker quotes
public protocol LibraryEntityStore: Sendable {
    /// One page of merged entities, most documents first, filtered by type and by a word prefix of
    /// the name or an alias; `total` counts every match (up to `LibraryEntityQuery.countBound`).
    func libraryEntities(_ query: LibraryEntityQuery) async throws -> LibraryEntityPage
    /// The merged entity `id` names: its own id, or the id a document stores one of its entities under.
    func libraryEntity(id: String) async throws -> LibraryEntity?
    /// The documents naming a merged entity, newest publication first (undated last, ties by id
    /// descending), one page.
    func libraryEntityDocuments(_ id: String, offset: Int, limit: Int) async throws -> [DocumentSummary]
    /// The quotes attributed to a merged entity, in ingest order, one page.
    func libraryEntityQuotes(_ id: String, offset: Int, limit: Int) async throws -> [LibraryQuote]
    /// Documents naming a merged entity per publication month (`YYYY-MM`), oldest first; undated ones left out.
    func libraryEntityMonths(_ id: String) async throws -> [LibraryEntityMonth]
    /// For one document, the merged entity each of its stored entity ids belongs to.
    func libraryEntityLinks(document id: String) async throws -> [String: String]
    /// The library's counts, its `sources` largest sources and its publication date range.
    func libraryOverview(sources: Int) async throws -> LibraryOverview
}

/// An entity merged across the library: its id stays what it was when first seen, its name is the
/// form the corpus merge picks, and its counts are kept as documents are annotated.
public struct LibraryEntity: Sendable, Equatable, Codable {
    public var entity: Entity
    /// The entity ids documents store it under.
    public var storedIDs: [String]
    public var mentions: Int
    public var documents: Int
    public var quotes: Int
    /// First and last publication day (`YYYY-MM-DD`) of its dated documents.
    public var firstDay: String?
    public var lastDay: String?

    public init(entity: Entity, storedIDs: [String], mentions: Int, documents: Int, quotes: Int,
                firstDay: String?, lastDay: String?) {
        self.entity = entity
        self.storedIDs = storedIDs
        self.mentions = mentions
        self.documents = documents
        self.quotes = quotes
        self.firstDay = firstDay
        self.lastDay = lastDay
    }
}

/// Which merged entities to list.
public struct LibraryEntityQuery: Sendable, Equatable {
    /// Matches are counted exactly up to this many; a name filter reads at most this many matches.
    public static let countBound = 2_000
    public var type: EntityType?
    /// A word prefix of the name or an alias, ignoring case ("varg" finds "Elena Vargas").
    public var name: String?
    public var offset: Int
    public var limit: Int

    public init(type: EntityType? = nil, name: String? = nil, offset: Int = 0, limit: Int = 100) {
        self.type = type
        self.name = name
        self.offset = offset
        self.limit = limit
    }
}

/// One page of merged entities and how many match.
public struct LibraryEntityPage: Sendable, Equatable {
    public var entities: [LibraryEntity]
    /// Every match; with a name filter, at most `LibraryEntityQuery.countBound`.
    public var total: Int

    public init(entities: [LibraryEntity], total: Int) {
        self.entities = entities
        self.total = total
    }
}

/// A quote attributed to a merged entity.
public struct LibraryQuote: Sendable, Equatable, Codable {
    public var document: String
    /// The document's title, when it has one.
    public var title: String?
    public var text: String
    public var cue: String?
    public var venue: String?

    public init(document: String, title: String?, text: String, cue: String?, venue: String?) {
        self.document = document
        self.title = title
        self.text = text
        self.cue = cue
        self.venue = venue
    }
}

/// How many documents name an entity in one month.
public struct LibraryEntityMonth: Sendable, Equatable, Codable {
    /// `YYYY-MM`.
    public var month: String
    public var documents: Int

    public init(month: String, documents: Int) {
        self.month = month
        self.documents = documents
    }
}

/// The library at a glance, from counts the store keeps.
public struct LibraryOverview: Sendable, Equatable {
    /// A source and how many documents come from it.
    public struct SourceCount: Sendable, Equatable, Codable {
        public var name: String
        public var documents: Int

        public init(name: String, documents: Int) {
            self.name = name
            self.documents = documents
        }
    }

    public var documents: Int
    /// Merged entities naming at least one document.
    public var entities: Int
    /// How many sources there are.
    public var sourceCount: Int
    /// The largest sources, most documents first.
    public var sources: [SourceCount]
    /// The first and last publication day (`YYYY-MM-DD`).
    public var firstPublished: String?
    public var lastPublished: String?

    public init(documents: Int, entities: Int, sourceCount: Int, sources: [SourceCount],
                firstPublished: String?, lastPublished: String?) {
        self.documents = documents
        self.entities = entities
        self.sourceCount = sourceCount
        self.sources = sources
        self.firstPublished = firstPublished
        self.lastPublished = lastPublished
    }
}

extension DocumentSummary {
    /// The label a document's source is counted under: its publisher, else the URL's host, else the
    /// folder it was read from.
    public static func sourceName(publisher: String?, source: String) -> String {
        if let publisher = publisher?.trimmingCharacters(in: .whitespaces), !publisher.isEmpty { return publisher }
        if let schemeEnd = source.range(of: "://") {
            let rest = source[schemeEnd.upperBound...]
            return String(rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" }))
        }
        let parts = source.split(separator: "/")
        return parts.count >= 2 ? String(parts[parts.count - 2]) : (parts.first.map(String.init) ?? "unknown")
    }

    /// The label this document's source is counted under.
    public var sourceName: String { Self.sourceName(publisher: publisher, source: source) }
}

extension LibraryEntityQuery {
    /// A name or needle folded for matching: lower case, accents folded, words of letters and digits
    /// joined by one space.
    public static func folded(_ name: String) -> String {
        let lowered = name.utf8.allSatisfy({ $0 < 0x80 }) ? name.lowercased()
            : name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for scalar in lowered.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }

    /// The strings a name is found under by a word-prefix filter: the folded name from each of its
    /// words on ("donald trump", "trump").
    public static func nameSuffixes(_ name: String) -> [String] {
        let words = folded(name).split(separator: " ")
        return words.indices.map { words[$0...].joined(separator: " ") }
    }

    /// The exclusive upper end of the strings that start with `prefix` (compared byte by byte).
    public static func prefixEnd(_ prefix: String) -> String { prefix + "\u{10FFFF}" }
}

import CrossreadCore
import CrossreadPipeline
import Foundation

/// The library's aggregate views, computed once per change off the request path: counts, sources,
/// dates, merged entities with their quotes, document summaries by id, and the state of the library's
/// analysis (its counts, largest topics and stories; a story's page reads the story itself).
struct LibrarySnapshot: Sendable {
    /// A source and how many documents come from it.
    struct SourceCount: Sendable, Codable {
        var name: String
        var documents: Int
    }

    /// A quote of one speaker, with the document it is in.
    struct SpeakerQuote: Sendable, Codable {
        var document: String
        var text: String
        var cue: String?
        var venue: String?
    }

    var builtAt: Date
    /// False for the stand-in served while the first snapshot is being read (counts only).
    var complete = true
    var documentCount: Int
    var summaries: [String: DocumentSummary]
    var sources: [SourceCount]
    var firstPublished: String?
    var lastPublished: String?
    /// Merged entities, most documents first.
    var entities: [LibraryEntities.MergedEntity]
    /// Merged and stored entity ids to their position in `entities`.
    var entityIndex: [String: Int]
    /// For each of `entities`, its name and aliases lower-cased and joined, for matching by name.
    var nameKeys: [String]
    /// Quotes by merged speaker id.
    var quotesBySpeaker: [String: [SpeakerQuote]]
    /// Nil until the first analysis update finished.
    var analysis: LibraryAnalysisStatus?

    /// The merged entity an id names (its own id or one of its stored ids).
    func entity(_ id: String) -> LibraryEntities.MergedEntity? {
        entityIndex[id].map { entities[$0] }
    }

    /// Merged entities whose id is `needle`, or whose name or an alias holds it (ignoring case).
    func entities(matching needle: String, limit: Int = 50) -> [LibraryEntities.MergedEntity] {
        if let exact = entity(needle) { return [exact] }
        let lowered = needle.lowercased()
        var found: [LibraryEntities.MergedEntity] = []
        for (position, key) in nameKeys.enumerated() where key.contains(lowered) {
            found.append(entities[position])
            if found.count == limit { break }
        }
        return found
    }

    /// The name and aliases of an entity as one lower-cased key (separated by a control character).
    static func nameKey(_ entity: Entity) -> String {
        ([entity.name] + entity.aliases).joined(separator: "\u{1}").lowercased()
    }

    /// The label a document's source is counted under: its publisher, else the URL's host, else the
    /// folder it was read from.
    /// What a document is called in lists: its title, or else its file name (never a whole local path).
    static func displayTitle(_ title: String?, source: String) -> String {
        if let title = title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty { return title }
        if source.contains("://") { return source }
        return source.split(separator: "/").last.map(String.init) ?? source
    }

    static func sourceName(_ summary: DocumentSummary) -> String {
        if let publisher = summary.publisher?.trimmingCharacters(in: .whitespaces), !publisher.isEmpty { return publisher }
        let source = summary.source
        if let schemeEnd = source.range(of: "://") {
            let rest = source[schemeEnd.upperBound...]
            return String(rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" }))
        }
        let parts = source.split(separator: "/")
        return parts.count >= 2 ? String(parts[parts.count - 2]) : (parts.first.map(String.init) ?? "unknown")
    }
}

/// The library's analysis as the overview and the story list show it, read from the store after each
/// update: counts, the largest topics with their largest stories, and what the last update did.
struct LibraryAnalysisStatus: Sendable {
    /// A topic and its largest stories.
    struct TopicStories: Sendable {
        var topic: StoredTopic
        var stories: [StoredStory]
    }

    var builtAt: Date
    /// Seconds the last update took.
    var seconds: Double
    var report: LibraryAnalysisReport
    var counts: CorpusCounts
    /// The largest stories of the library.
    var largest: [StoredStory]
    /// The largest topics, each with its largest stories.
    var topics: [TopicStories]

    static let topicsShown = 30
    static let storiesPerTopic = 12

    /// The status after an update: bounded reads (counts, the largest topics and stories).
    static func read(from store: any DocumentStore, report: LibraryAnalysisReport, seconds: Double) async throws -> LibraryAnalysisStatus {
        let counts = try await store.corpusCounts()
        let largest = try await store.stories(StoryQuery(limit: 50))
        var topics: [TopicStories] = []
        for topic in try await store.topics(ids: nil, limit: topicsShown) {
            topics.append(TopicStories(topic: topic, stories: try await store.stories(StoryQuery(topic: topic.id, limit: storiesPerTopic))))
        }
        return LibraryAnalysisStatus(builtAt: Date(), seconds: seconds, report: report, counts: counts, largest: largest, topics: topics)
    }
}

/// A slice of the library's analysis as a story page shows it (the story whole, read from the store):
/// its documents, timeline, claims, conflicts and quote groups, with the text of each document read
/// for the evidence sentences.
struct AnalysisView: Sendable {
    var builtAt: Date
    var documentCount: Int
    var stories: [Story]
    var topics: [Topic]
    var timeline: [TimelineEntry]
    var claims: [CorpusClaim]
    var conflicts: [Conflict]
    var quoteGroups: [QuoteGroup]
    var duplicates: [[String]]
    var entities: [Entity]
    var texts: [String: String]
    /// Title, source and date of each document read.
    var summaries: [String: DocumentSummary]
    var storyIndex: [String: Int]
    /// Positions in `stories` of the stories each document belongs to.
    var storiesByDocument: [String: [Int]]

    init(_ analysis: CorpusAnalysis) {
        builtAt = Date()
        documentCount = analysis.documents.count
        stories = analysis.stories
        topics = analysis.topics
        timeline = analysis.timeline
        claims = analysis.claims
        conflicts = analysis.conflicts
        quoteGroups = analysis.quoteGroups
        duplicates = analysis.duplicates
        entities = analysis.entities
        texts = Dictionary(analysis.documents.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
        summaries = Dictionary(analysis.documents.map { document in
            (document.id, DocumentSummary(id: document.id, source: document.source, title: document.metadata.title,
                                          published: document.metadata.published?.iso8601, publisher: document.metadata.publisher,
                                          words: 0))
        }, uniquingKeysWith: { a, _ in a })
        storyIndex = Dictionary(analysis.stories.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byDocument: [String: [Int]] = [:]
        for (position, story) in analysis.stories.enumerated() {
            for document in story.documents { byDocument[document, default: []].append(position) }
        }
        storiesByDocument = byDocument
    }

    func story(_ id: String) -> Story? { storyIndex[id].map { stories[$0] } }

    /// The stories a document belongs to.
    func stories(of document: String) -> [Story] { (storiesByDocument[document] ?? []).map { stories[$0] } }

    /// The text a reference points at (a sentence of an analysed document), or "".
    func text(of reference: TextReference) -> String {
        guard let text = texts[reference.document] else { return "" }
        let bytes = text.utf8
        let lower = max(0, min(reference.range.lowerBound, bytes.count))
        let upper = max(lower, min(reference.range.upperBound, bytes.count))
        let start = bytes.index(bytes.startIndex, offsetBy: lower), end = bytes.index(bytes.startIndex, offsetBy: upper)
        return String(decoding: text.utf8[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

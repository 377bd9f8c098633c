import CrossreadCore
import CrossreadPipeline
import Foundation

/// The state of the library's analysis, kept off the request path (its counts, largest topics and
/// stories; a story's page reads the story itself). Every other page reads the store directly: merged
/// entities, sources and counts are kept in the library (`LibraryEntityStore`), so nothing here grows
/// with the library.
struct LibrarySnapshot: Sendable {
    var builtAt: Date
    /// Nil until the first analysis update finished.
    var analysis: LibraryAnalysisStatus?

    /// What a document is called in lists: its title, or else its file name (never a whole local path).
    static func displayTitle(_ title: String?, source: String) -> String {
        if let title = title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty { return title }
        if source.contains("://") { return source }
        return source.split(separator: "/").last.map(String.init) ?? source
    }

    /// The label a document's source is counted under: its publisher, else the URL's host, else the
    /// folder it was read from.
    static func sourceName(_ summary: DocumentSummary) -> String { summary.sourceName }
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

import CrossreadCore
import CrossreadPipeline
import Foundation

/// The library's aggregate views, computed once per change off the request path: counts, sources,
/// dates, merged entities with their quotes, document summaries by id, and the corpus analysis of the
/// most recent documents.
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
    /// Nil until the first analysis finished.
    var analysis: AnalysisView?

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

/// The corpus analysis as pages show it: stories and topics, timeline, claims, conflicts and quote
/// groups, with the text of each analysed document for the evidence sentences.
struct AnalysisView: Sendable {
    var builtAt: Date
    var seconds: Double
    var documentCount: Int
    /// How many documents the library held; more than `documentCount` when the analysis is limited.
    var libraryCount: Int
    var stories: [Story]
    var topics: [Topic]
    var timeline: [TimelineEntry]
    var claims: [CorpusClaim]
    var conflicts: [Conflict]
    var quoteGroups: [QuoteGroup]
    var duplicates: [[String]]
    var entities: [Entity]
    var texts: [String: String]
    var storyIndex: [String: Int]
    /// Positions in `stories` of the stories each document belongs to.
    var storiesByDocument: [String: [Int]]

    init(_ analysis: CorpusAnalysis, seconds: Double, libraryCount: Int) {
        builtAt = Date()
        self.seconds = seconds
        documentCount = analysis.documents.count
        self.libraryCount = libraryCount
        stories = analysis.stories
        topics = analysis.topics
        timeline = analysis.timeline
        claims = analysis.claims
        conflicts = analysis.conflicts
        quoteGroups = analysis.quoteGroups
        duplicates = analysis.duplicates
        entities = analysis.entities
        texts = Dictionary(analysis.documents.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
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

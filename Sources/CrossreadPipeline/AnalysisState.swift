import CrossreadCore
import CrossreadCorpus
import Foundation

/// What one in-memory corpus analysis (`CorpusAnalyzer`) leaves for the next over a grown set of
/// documents: the stories and topics, and each story's cross-source comparison and timeline under a key
/// of what they depend on. The web app keeps one between recomputations; a library's own analysis lives
/// in the library (`LibraryAnalyzer`, `CorpusStore`).
public struct AnalysisState: Sendable, Codable {
    public static let schema = "crossread-analysis-state/2"
    public var schema = AnalysisState.schema
    public var stories: StoryState
    /// The settings the comparisons were made with: other settings mean comparing again.
    public var comparisonOptions: ComparisonOptions
    /// The comparison and timeline of one story, by `CorpusAnalyzer.storyKey` of the story.
    public var comparisons: [String: StoryRecord]

    public init(stories: StoryState, comparisonOptions: ComparisonOptions, comparisons: [String: StoryRecord]) {
        self.stories = stories
        self.comparisonOptions = comparisonOptions
        self.comparisons = comparisons
    }

    public func encoded() throws -> Data {
        try JSONEncoder().encode(self)
    }

    /// The state in `data`; an error when it is not one, or of another schema.
    public static func decoded(from data: Data) throws -> AnalysisState {
        let state = try JSONDecoder().decode(AnalysisState.self, from: data)
        guard state.schema == AnalysisState.schema else {
            throw CrossreadError(source: "analysis state", stage: .analyze, reason: "schema \(state.schema), not \(AnalysisState.schema)")
        }
        return state
    }

    /// The state saved at `path`, or nil when there is none or it cannot be read (the next analysis
    /// then regroups everything, as a first one does).
    public static func load(from path: String) -> AnalysisState? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? decoded(from: data)
    }

    /// Writes the state to `path` atomically (a temporary file renamed into place).
    public func save(to path: String) throws {
        do {
            try encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CrossreadError(source: path, stage: .analyze, reason: "cannot save the analysis state: \(error.localizedDescription)")
        }
    }
}

/// What was found in one story, as saved in `AnalysisState`: its comparison and its timeline entries.
public struct StoryRecord: Sendable, Codable, Equatable {
    public var claims: [CorpusClaim]
    public var conflicts: [Conflict]
    public var quoteGroups: [QuoteGroup]
    public var timeline: [TimelineEntry]
    /// Set when the story had more articles than were compared: how many were (its earliest).
    public var comparedDocuments: Int?

    public init(_ comparison: SourceComparison, timeline: [TimelineEntry]) {
        claims = comparison.claims
        conflicts = comparison.conflicts
        quoteGroups = comparison.quoteGroups
        self.timeline = timeline
    }

    public var comparison: SourceComparison {
        SourceComparison(claims: claims, conflicts: conflicts, quoteGroups: quoteGroups)
    }
}

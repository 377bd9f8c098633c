import CrossreadCore
import CrossreadCorpus

/// What `CorpusAnalyzer.analyze(_:reusing:)` returns: the analysis, the state to save for the next run,
/// and how the work went (seconds per stage, stories compared again, whether stories were regrouped).
public struct AnalysisRun: Sendable {
    public var analysis: CorpusAnalysis
    public var state: AnalysisState
    /// Seconds per stage: annotate, entities, duplicates, stories, comparisonAndTimeline, timelineOrder.
    public var seconds: [String: Double]
    /// Stories compared in this run (the others' comparisons came from the state).
    public var comparedStories: Int
    /// True when stories and topics were regrouped in full rather than continued.
    public var regrouped: Bool
}

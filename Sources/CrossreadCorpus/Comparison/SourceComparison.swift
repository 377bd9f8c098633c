import CrossreadCore

/// What comparing the sources of a story found: statements with who states, corroborates and
/// disputes them, conflicting details, and quotes worded differently across sources.
public struct SourceComparison: Sendable, Equatable {
    public var claims: [CorpusClaim]
    public var conflicts: [Conflict]
    public var quoteGroups: [QuoteGroup]

    public init(claims: [CorpusClaim] = [], conflicts: [Conflict] = [], quoteGroups: [QuoteGroup] = []) {
        self.claims = claims
        self.conflicts = conflicts
        self.quoteGroups = quoteGroups
    }
}

/// Settings of cross-source comparison: when two statements are the same fact, when a quote is
/// the same quote, and which single-source statements to report.
public struct ComparisonOptions: Sendable, Equatable, Codable {
    /// Weighted cosine of shared terms at or above which two statements match.
    public var matchThreshold: Double
    /// A statement whose terms are mostly inside the other's (weighted overlap at or above this)
    /// matches at the lower cosine `containedThreshold`.
    public var overlapThreshold: Double
    public var containedThreshold: Double
    /// Shared content terms a match needs at least.
    public var minimumSharedTerms: Int
    /// Share of a quote's terms found in another quote for the two to be one quote worded differently.
    public var quoteOverlap: Double
    /// Share of a disputed claim's terms found in a statement for the dispute to point at it.
    public var disputeOverlap: Double
    /// Report single-source statements only when language analysis marked them as claims (or they
    /// are quotes); when false, every statement is reported.
    public var singleSourceClaimsOnly: Bool

    public init(matchThreshold: Double = 0.4, overlapThreshold: Double = 0.6, containedThreshold: Double = 0.3,
                minimumSharedTerms: Int = 3, quoteOverlap: Double = 0.6, disputeOverlap: Double = 0.6,
                singleSourceClaimsOnly: Bool = true) {
        self.matchThreshold = matchThreshold
        self.overlapThreshold = overlapThreshold
        self.containedThreshold = containedThreshold
        self.minimumSharedTerms = minimumSharedTerms
        self.quoteOverlap = quoteOverlap
        self.disputeOverlap = disputeOverlap
        self.singleSourceClaimsOnly = singleSourceClaimsOnly
    }
}

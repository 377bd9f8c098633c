/// Settings of the timeline: whether publication dates make entries, and how alike two sentences
/// of one date must be to report the same event.
public struct TimelineOptions: Sendable, Equatable, Codable {
    /// Each document's publication date makes an entry (its title, or its lead sentence).
    public var includePublicationDates: Bool
    /// Weighted cosine of shared terms at or above which two same-date sentences are one event.
    public var mergeThreshold: Double
    /// Shared content terms two same-date sentences need to be one event.
    public var minimumSharedTerms: Int

    public init(includePublicationDates: Bool = true, mergeThreshold: Double = 0.3, minimumSharedTerms: Int = 2) {
        self.includePublicationDates = includePublicationDates
        self.mergeThreshold = mergeThreshold
        self.minimumSharedTerms = minimumSharedTerms
    }
}

import CrossreadCore

/// What `QuoteFinder` finds in a text: the quotes (speech), the quoted words that are not speech,
/// and the speakers whose names entity recognition missed, as mentions and entities to add.
public struct QuoteFindings: Sendable, Equatable {
    public var quotes: [Quote] = []
    public var terms: [QuotedTerm] = []
    /// Mentions of speakers' names recognition missed ("Lt. Hastings said"), in text order.
    public var mentions: [EntityMention] = []
    /// The entities those mentions name, when the document had none of that id.
    public var entities: [Entity] = []

    public init() {}
}

import CrossreadCore

/// One unit compared across sources: a sentence of the narrative, or one segment of a quote, with
/// its comparison terms, figures, people, places and dates.
struct Statement: Sendable {
    /// Position of the document in the comparer's input.
    var documentIndex: Int
    var document: String
    /// The independent source: copies of one article (one duplicate group) share it.
    var source: Int
    /// The sentence that states it (the evidence shown to users).
    var sentence: Range<Int>
    /// The words compared: the sentence, or the quote segment inside it.
    var span: Range<Int>
    var text: String
    var isQuote: Bool
    /// Entity id, name and folded surname of the speaker, for quotes.
    var speaker: String?
    var speakerName: String?
    var speakerKey: String?
    var venue: String?
    var tokens: [StatementToken]
    /// Distinct content terms (stems), in first-seen order.
    var terms: [String]
    /// The terms written capitalized inside the sentence (names, titles): they weigh less, since
    /// the people of a story are named in most of its sentences.
    var nameTerms: Set<String> = []
    var numbers: [NumberMention]
    /// Folded surnames of the people it names (or of capitalized names when no entities were annotated).
    var people: Set<String>
    /// Places introduced by "in" or "at", folded.
    var places: [String]
    /// Resolved time values inside the span.
    var dates: [String]
    /// Resolved values of the time expressions that name a date outright ("March 3", "June 24, 2005"),
    /// not relative ones ("Thursday", "last week") whose value depends on a publication date.
    var explicitDates: [String] = []
    /// Language analysis marked the sentence as a checkable claim.
    var isClaim: Bool
    /// Terms of each clause when a long sentence has several ("..., focusing on ...", "...; ..."),
    /// else empty: a fact may be one clause of a longer sentence.
    var clauseTerms: [[String]] = []
    /// Term ids after vocabulary merging, sorted and unique (filled by `TermWeights`).
    var termIDs: [Int] = []
    var clauseTermIDs: [[Int]] = []
}

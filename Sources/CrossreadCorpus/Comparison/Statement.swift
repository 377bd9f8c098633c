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
    /// Language analysis marked the sentence as a checkable claim.
    var isClaim: Bool
    /// Terms of each clause when a long sentence has several ("..., focusing on ...", "...; ..."),
    /// else empty: a fact may be one clause of a longer sentence.
    var clauseTerms: [[String]] = []
    /// Term ids after vocabulary merging, sorted and unique (filled by `TermWeights`).
    var termIDs: [Int] = []
    var clauseTermIDs: [[Int]] = []
}

/// A figure and what it counts: "three times", "17% tariff", "40,000-seat stadium".
struct NumberMention: Sendable, Equatable {
    var value: Double
    /// The counted noun's comparison term and its surface form.
    var noun: String
    var nounText: String
    var isPercent: Bool
    var isCurrency: Bool
    var range: Range<Int>
    var text: String

    /// Another figure for the same thing with a different value.
    func conflicts(with other: NumberMention) -> Bool {
        guard noun == other.noun, isPercent == other.isPercent, isCurrency == other.isCurrency else { return false }
        let scale = max(abs(value), abs(other.value), 1)
        return abs(value - other.value) / scale > 0.005
    }
}

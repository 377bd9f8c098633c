/// A sentence that says a claim is false, inaccurate, misleading or unfounded, and what it points
/// at: the disputed words when the text gives them, or whose claim it is.
public struct Dispute: Sendable, Equatable {
    /// UTF-8 byte range of the disputing sentence in the document text.
    public var sentence: Range<Int>
    /// The refuting words as written, lowercased ("inaccurate", "not true", "contrary to", "denied").
    public var cue: String
    /// The disputed words in the same document: a quote, a that-clause, or the sentence before.
    public var target: Range<Int>?
    /// Whose claim it disputes, when the text names them ("contrary to what Smith said").
    public var claimant: String?

    public init(sentence: Range<Int>, cue: String, target: Range<Int>?, claimant: String? = nil) {
        self.sentence = sentence
        self.cue = cue
        self.target = target
        self.claimant = claimant
    }
}

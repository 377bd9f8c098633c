/// A word, number or punctuation mark of a statement, with its UTF-8 byte range in the document
/// text and its comparison form (lowercased, irregular forms and synonyms folded, stemmed).
struct StatementToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case word, number, punctuation }

    var kind: Kind
    var range: Range<Int>
    /// Lowercased surface form; curly quotes fold to `"` and `'`, dashes to `-`.
    var folded: String
    /// The comparison form: a stem for words, `#` and the value for numbers.
    var term: String
    var isCapitalized: Bool
    /// Not a function word: counts when statements are compared.
    var isContent: Bool
    /// The value of a number ("40,000", "three", "2.5 million").
    var value: Double? = nil
    var isPercent = false
    var isCurrency = false
    /// A vague amount ("several", "thousands"): never in conflict with a figure.
    var isVague = false

    var isWord: Bool { kind == .word }
    var isQuoteMark: Bool { kind == .punctuation && (folded == "\"" || folded == "'") }
}

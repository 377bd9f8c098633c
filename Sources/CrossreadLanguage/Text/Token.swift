/// One token of a text: a UTF-8 byte range into the text, what kind of token it is, and the
/// whitespace before it. Tokens never allocate: read their bytes through the text they came from.
public struct Token: Sendable, Equatable, Hashable {
    /// UTF-8 byte range in the text.
    public var range: Range<Int>
    public var kind: Kind
    /// The whitespace between the previous token (or the start of the text) and this one.
    public var gap: Gap

    public init(range: Range<Int>, kind: Kind, gap: Gap) {
        self.range = range
        self.kind = kind
        self.gap = gap
    }

    /// What a token is made of.
    public enum Kind: UInt8, Sendable, Codable {
        /// Letters, possibly with digits, inner apostrophes ("don’t") or the periods of an
        /// abbreviation or initial ("U.S.", "Dr.", "J.").
        case word
        /// Starts with a digit: "17", "40,000", "3.5", "12:13", "1990s", "7th".
        case number
        /// Sentence and clause punctuation: `. , ; : ! ? ( ) [ ] { } …` and "...".
        case punctuation
        /// A straight or curly quote mark that is not an apostrophe inside a word.
        case quote
        /// The possessive ending split off a word: "’s", "'s", or a lone "’" after a plural.
        case possessive
        /// A hyphen joining two tokens with no space: the "-" of "Netanyahu-Trump".
        case hyphen
        /// An em or en dash, a spaced hyphen or "--".
        case dash
        /// Currency signs, "%", "&", "@", "#", "+", "/", emoji and other symbols.
        case symbol
        /// A URL or e-mail address.
        case link
    }

    /// Whitespace before a token.
    public enum Gap: UInt8, Sendable, Codable, Comparable {
        /// The token touches the previous one ("Trump" and "’s", "17" and "%").
        case none
        /// Spaces or tabs.
        case space
        /// One line break.
        case line
        /// A blank line: a paragraph boundary.
        case paragraph

        public static func < (a: Gap, b: Gap) -> Bool { a.rawValue < b.rawValue }
    }
}

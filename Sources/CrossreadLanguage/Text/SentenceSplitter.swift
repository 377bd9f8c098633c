import CrossreadCore

/// Splits clean text into sentences, robust to news text: abbreviations ("U.S.", "Gov.", "Oct."),
/// initials, quotes closing after the period, ellipses, decimals, and headings without final
/// punctuation (a paragraph boundary always ends a sentence; a line break ends one unless the
/// next line continues in lower case).
public struct SentenceSplitter: Sendable {
    public init() {}

    /// Sentences of `text` as UTF-8 byte ranges, trimmed of surrounding whitespace.
    public func split(_ text: String) -> [Sentence] {
        split(text, tokens: Tokenizer().tokenize(text))
    }

    /// Sentences of `text`, reusing its tokens.
    public func split(_ text: String, tokens: [Token]) -> [Sentence] {
        var text = text
        return text.withUTF8 { bytes in
            tokenRanges(bytes, tokens: tokens).map { Sentence(range: tokens[$0.lowerBound].range.lowerBound..<tokens[$0.upperBound - 1].range.upperBound) }
        }
    }

    /// Sentences as ranges of token indices (each non-empty, in order, covering every token).
    public func tokenRanges(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let m = tokens.count
        var start = 0
        var k = 0
        while k < m {
            let token = tokens[k]
            if k > start, token.gap == .paragraph || (token.gap == .line && !continuesLine(bytes, token)) {
                result.append(start..<k)
                start = k
            }
            if let end = boundaryAfter(bytes, tokens, k) {
                result.append(start..<end)
                start = end
                k = end
                continue
            }
            k += 1
        }
        if start < m { result.append(start..<m) }
        return result
    }

    /// A line that starts in lower case continues the sentence of the line before (wrapped text).
    func continuesLine(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        bytes[token.range.lowerBound].isASCIILower
    }

    /// If a sentence ends with token `k`, the index of the first token after it (closing quotes and
    /// brackets stay with the sentence they close).
    func boundaryAfter(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int) -> Int? {
        let token = tokens[k]
        let first = bytes[token.range.lowerBound]
        let last = bytes[token.range.upperBound - 1]
        var isEllipsis = false
        var abbreviation = AbbreviationKind.none
        switch token.kind {
        case .punctuation:
            if first == UInt8(ascii: ".") {
                isEllipsis = token.range.count > 1
            } else if first == UInt8(ascii: "!") || first == UInt8(ascii: "?") {
            } else if first == 0xE2, token.range.count == 3, bytes[token.range.lowerBound + 2] == 0xA6 {
                isEllipsis = true  // "…"
            } else {
                return nil
            }
        case .word where last == UInt8(ascii: "."):
            abbreviation = abbreviationKind(bytes, token)
            if abbreviation == .never { return nil }
        default:
            return nil
        }
        // Closing quotes and brackets that touch the mark belong to this sentence.
        var j = k + 1
        while j < tokens.count, tokens[j].gap == .none {
            let t = tokens[j]
            let b = bytes[t.range.lowerBound]
            if t.kind == .quote || b == UInt8(ascii: ")") || b == UInt8(ascii: "]") {
                if t.kind == .quote, isOpeningQuote(bytes, t), j + 1 < tokens.count, tokens[j + 1].gap == .none { break }
                j += 1
            } else {
                break
            }
        }
        guard j < tokens.count else { return j }
        let next = tokens[j]
        if next.gap >= .line { return j }        // the line or paragraph ends here anyway
        if next.gap == .none { return nil }      // "Yahoo!Inc", ".com"
        let b = bytes[next.range.lowerBound]
        switch next.kind {
        case .word:
            if b.isASCIILower { return nil }
            if abbreviation == .ambiguous || isEllipsis {
                return isSentenceStarter(bytes, next) ? j : nil
            }
            return j
        case .number:
            return abbreviation == .none && !isEllipsis ? j : nil
        case .quote, .dash, .symbol:
            if abbreviation == .ambiguous { return next.kind == .quote ? j : nil }
            return j
        case .punctuation:
            return b == UInt8(ascii: "(") || b == UInt8(ascii: "[") ? j : nil
        default:
            return nil
        }
    }

    enum AbbreviationKind { case none, never, ambiguous }

    /// How a word ending in a period relates to sentence ends: titles and initials never end one;
    /// other abbreviations ("U.S.", "Inc.", "a.m.") end one only before a typical sentence opener.
    func abbreviationKind(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> AbbreviationKind {
        let r = token.range
        let bare = r.lowerBound..<(r.upperBound - 1)
        if bare.count == 1, bytes[bare.lowerBound].isASCIIUpper { return .never }
        if Abbreviations.titles.contains(Abbreviations.key(bytes, bare.lowerBound, bare.upperBound)) { return .never }
        if Abbreviations.beforeNumbers.contains(Abbreviations.key(bytes, bare.lowerBound, bare.upperBound)) { return .never }
        return .ambiguous
    }

    func isOpeningQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        let b = bytes[token.range.lowerBound]
        // “ (E2 80 9C) and ‘ (E2 80 98) open; straight quotes are decided by position elsewhere.
        return b == 0xE2 && token.range.count == 3 && (bytes[token.range.lowerBound + 2] == 0x9C || bytes[token.range.lowerBound + 2] == 0x98)
    }

    func isSentenceStarter(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        SentenceStarters.words.contains(ByteHash.hash(bytes, token.range))
    }
}

/// Capitalized words that usually open a sentence rather than continue a name ("He", "The", "But").
enum SentenceStarters {
    static let words: Set<UInt64> = Set([
        "a", "an", "the", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "our", "its", "my",
        "this", "that", "these", "those", "there", "here", "but", "and", "or", "so", "yet", "nor", "if", "when",
        "while", "after", "before", "as", "since", "although", "though", "because", "however", "meanwhile",
        "in", "on", "at", "for", "with", "from", "by", "to", "of", "about", "during", "despite", "under", "over",
        "some", "many", "most", "all", "no", "not", "one", "two", "each", "every", "both", "such", "other",
        "what", "who", "why", "how", "where", "which", "then", "now", "still", "also", "even", "only", "yes",
        "officials", "critics", "analysts", "experts", "according", "last", "earlier", "later", "today",
        "yesterday", "tomorrow", "instead", "indeed", "nevertheless", "moreover", "furthermore", "thus",
    ].map { ByteHash.hash($0) })
}

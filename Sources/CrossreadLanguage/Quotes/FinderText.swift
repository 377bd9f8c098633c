/// The clean text as UTF-8 bytes and tokens, with the small lookups the quote, time and claim
/// finders share. Built once per document; every lookup works on bytes, without allocating.
struct FinderText {
    let bytes: [UInt8]
    let tokens: [Token]

    init(_ text: String) {
        self.bytes = Array(text.utf8)
        self.tokens = Tokenizer().tokenize(text)
    }

    init(bytes: [UInt8], tokens: [Token]) {
        self.bytes = bytes
        self.tokens = tokens
    }

    var count: Int { tokens.count }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    func string(tokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return string(tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound)
    }

    func text(_ i: Int) -> String { string(tokens[i].range) }

    /// The kind of token `i`; `.link` (which no rule looks for) outside the text.
    @inline(__always) func kind(_ i: Int) -> Token.Kind { i >= 0 && i < tokens.count ? tokens[i].kind : .link }

    @inline(__always) func isWord(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .word }

    /// True when token `i` equals `word` (lowercase ASCII) without regard to ASCII case.
    @inline(__always)
    func token(_ i: Int, is word: StaticString) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let r = tokens[i].range
        guard r.count == word.utf8CodeUnitCount else { return false }
        let start = word.utf8Start
        var k = 0
        for j in r {
            let b = bytes[j]
            let folded = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if folded != start[k] { return false }
            k += 1
        }
        return true
    }

    /// True when token `i` is one of `words`.
    func token(_ i: Int, isOneOf words: FoldedWordTable<Bool>) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        return words.value(bytes, tokens[i].range) != nil
    }

    /// The first byte of token `i` is an ASCII capital, or a non-ASCII letter that is uppercase.
    func isCapitalized(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return false }
        let start = tokens[i].range.lowerBound
        let b = bytes[start]
        if b >= 0x41 && b <= 0x5A { return true }
        if b < 0x80 { return false }
        // Decode the first scalar ("É", "Ł") without building a string.
        var value: UInt32
        let length: Int
        if b & 0xE0 == 0xC0 { value = UInt32(b & 0x1F); length = 2 }
        else if b & 0xF0 == 0xE0 { value = UInt32(b & 0x0F); length = 3 }
        else if b & 0xF8 == 0xF0 { value = UInt32(b & 0x07); length = 4 }
        else { return false }
        guard start + length <= bytes.count else { return false }
        for k in 1..<length { value = value << 6 | UInt32(bytes[start + k] & 0x3F) }
        return Unicode.Scalar(value)?.properties.isUppercase ?? false
    }

    /// True when token `i` is the sentence punctuation `.`, `!` or `?` (possibly repeated).
    func isSentenceEnd(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .punctuation else { return false }
        let b = bytes[tokens[i].range.lowerBound]
        return b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
            || (b == 0xE2 && tokens[i].range.count == 3 && bytes[tokens[i].range.lowerBound + 2] == 0xA6)
    }

    /// True when token `i` is the punctuation `mark` (one ASCII byte).
    @inline(__always)
    func isPunctuation(_ i: Int, _ mark: Character) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].range.count == 1 else { return false }
        return bytes[tokens[i].range.lowerBound] == mark.asciiValue!
    }

    /// The index of the first token starting at or after byte `offset` (`count` when none).
    func firstToken(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.lowerBound < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The index of the first token ending after byte `offset` (`count` when none): the token holding
    /// `offset`, or the one after it.
    func firstToken(endingAfter offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Token indices inside the byte range.
    func tokens(in range: Range<Int>) -> Range<Int> {
        let start = firstToken(atOrAfter: range.lowerBound)
        var end = start
        let limit = firstToken(atOrAfter: range.upperBound)
        end = max(end, limit)
        return start..<end
    }

    /// A fallback sentence split for callers that pass no sentences: breaks at a blank or single
    /// line break and after `.`, `!` or `?` (and any closing quote marks) before a capital or a quote.
    func fallbackSentences() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int? = nil
        var i = 0
        while i < tokens.count {
            if let s = start, tokens[i].gap >= .line {
                result.append(s..<tokens[i - 1].range.upperBound)
                start = nil
            }
            if start == nil { start = tokens[i].range.lowerBound }
            if isSentenceEnd(i) && !(kind(i) == .word) {
                var end = i
                while end + 1 < tokens.count, tokens[end + 1].kind == .quote, tokens[end + 1].gap == .none { end += 1 }
                let next = end + 1
                if next >= tokens.count || (tokens[next].gap != .none
                    && (isCapitalized(next) || tokens[next].kind == .quote || tokens[next].kind == .number)) {
                    result.append(start!..<tokens[end].range.upperBound)
                    start = nil
                    i = end + 1
                    continue
                }
            }
            i += 1
        }
        if let s = start, let last = tokens.last { result.append(s..<last.range.upperBound) }
        return result
    }
}

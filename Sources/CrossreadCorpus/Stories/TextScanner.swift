/// Splits a UTF-8 text into word tokens in one pass over its bytes, noting for each whether it is
/// capitalized, opens a sentence or a line, lies in a title-case line, or is all digits.
struct TextScanner {
    struct Token {
        var start: Int
        var end: Int
        var capitalized: Bool
        var sentenceStart: Bool
        /// Only spaces separate this token from the previous one on the same line.
        var joinedToPrevious: Bool
        var allDigits: Bool
        var inTitleCaseLine: Bool
        /// Hash of the lowercased token.
        var hash: UInt64
    }

    private(set) var tokens: [Token] = []
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
        scan()
    }

    private mutating func scan() {
        var index = 0
        var sentenceStart = true
        var onlySpacesSinceToken = false
        var lineFirstToken = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if TextScanner.isWordStart(bytes, index) {
                let start = index
                var digits = true
                var hash = WordHasher.fnvOffset
                while index < count, TextScanner.isWordStart(bytes, index) {
                    let width = TextScanner.width(bytes[index])
                    for offset in 0..<width where index + offset < count {
                        var b = bytes[index + offset]
                        if b < 0x30 || b > 0x39 { digits = false }
                        if b &- 0x41 < 26 { b |= 0x20 }
                        hash = (hash ^ UInt64(b)) &* WordHasher.fnvPrime
                    }
                    index += width
                }
                let first = bytes[start]
                let capitalized = (first &- 0x41 < 26)
                    || (first == 0xC3 && start + 1 < count && bytes[start + 1] >= 0x80 && bytes[start + 1] <= 0x9E)
                tokens.append(Token(start: start, end: index, capitalized: capitalized, sentenceStart: sentenceStart,
                                    joinedToPrevious: onlySpacesSinceToken && !sentenceStart, allDigits: digits,
                                    inTitleCaseLine: false, hash: WordHasher.finalize(hash)))
                sentenceStart = false
                onlySpacesSinceToken = true
                continue
            }
            switch byte {
            case 0x0A:
                markTitleCase(from: lineFirstToken)
                lineFirstToken = tokens.count
                sentenceStart = true
                onlySpacesSinceToken = false
            case 0x20, 0x09:
                break
            case 0x2E, 0x21, 0x3F:  // . ! ?
                // A period followed by a space ends a sentence; "U.S." inside a token run does not matter here.
                if index + 1 >= count || bytes[index + 1] == 0x20 || bytes[index + 1] == 0x0A { sentenceStart = true }
                onlySpacesSinceToken = false
            case 0x22, 0x27, 0x28:  // opening quotes and parentheses keep a pending sentence start
                onlySpacesSinceToken = false
            default:  // other punctuation, “ included, keeps a pending sentence start
                onlySpacesSinceToken = false
            }
            index += byte < 0x80 ? 1 : TextScanner.width(byte)
        }
        markTitleCase(from: lineFirstToken)
    }

    /// A line where most words of four or more letters are capitalized is a headline or a menu:
    /// its capitals do not mark names.
    private mutating func markTitleCase(from first: Int) {
        guard first < tokens.count else { return }
        var long = 0, capitalized = 0
        for token in tokens[first...] where token.end - token.start >= 4 && !token.allDigits {
            long += 1
            if token.capitalized { capitalized += 1 }
        }
        guard long >= 3, capitalized * 10 >= long * 6 else { return }
        for index in first..<tokens.count { tokens[index].inTitleCaseLine = true }
    }

    /// The lowercased bytes of a token.
    func lowercased(_ token: Token) -> [UInt8] {
        bytes[token.start..<token.end].map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    }

    static func hash(lowercased bytes: [UInt8]) -> UInt64 {
        var hash = WordHasher.fnvOffset
        for b in bytes { hash = (hash ^ UInt64(b)) &* WordHasher.fnvPrime }
        return WordHasher.finalize(hash)
    }

    @inline(__always)
    static func width(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// ASCII letters and digits and non-ASCII letters; apostrophes, hyphens and punctuation split words.
    @inline(__always)
    static func isWordStart(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte &- 0x30 < 10) || ((byte | 0x20) &- 0x61 < 26)
        }
        return bytes.withUnsafeBufferPointer { !WordHasher.isPunctuationSequence($0, at: index, lead: byte) }
    }
}

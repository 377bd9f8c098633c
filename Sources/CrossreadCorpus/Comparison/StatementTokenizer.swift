import Foundation

/// Splits a span of UTF-8 text into words, numbers and punctuation on its bytes. Possessive
/// "'s" is dropped, "n't" becomes "not", hyphenated words split, "U.S." stays one word, and
/// "40,000", "2.5 million", "17%" and "three" become numbers.
struct StatementTokenizer: Sendable {
    /// Compute comparison terms (stems); the dispute detector reads surface forms only.
    var computesTerms = true

    func tokens(_ bytes: [UInt8], in range: Range<Int>, cache: TermCache? = nil) -> [StatementToken] {
        var raw: [StatementToken] = []
        raw.reserveCapacity(range.count / 5)
        let end = min(range.upperBound, bytes.count)
        var i = max(0, range.lowerBound)
        while i < end {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                i += 1
            } else if Self.isWordByte(bytes, i, end) {
                i = readWord(bytes, from: i, end: end, into: &raw, cache: cache)
            } else {
                let width = Self.scalarWidth(b)
                let stop = min(i + width, end)
                let scalar = String(decoding: bytes[i..<stop], as: UTF8.self)
                if scalar != "\u{00A0}" {
                    raw.append(StatementToken(kind: .punctuation, range: i..<stop, folded: Self.foldPunctuation(scalar),
                                              term: "", isCapitalized: false, isContent: false))
                }
                i = stop
            }
        }
        return Self.combineNumbers(raw)
    }

    // MARK: - Words

    private func readWord(_ bytes: [UInt8], from start: Int, end: Int, into out: inout [StatementToken],
                          cache: TermCache?) -> Int {
        if bytes[start] >= 0x30 && bytes[start] <= 0x39 { return readNumber(bytes, from: start, end: end, into: &out) }
        if let abbreviationEnd = Self.dottedAbbreviationEnd(bytes, from: start, end: end) {
            var folded = Array(bytes[start..<abbreviationEnd])
            for k in folded.indices where folded[k] >= 0x41 && folded[k] <= 0x5A { folded[k] |= 0x20 }
            appendWord(folded, range: start..<abbreviationEnd, bytes: bytes, into: &out, cache: cache)
            return abbreviationEnd
        }
        var i = start
        var folded: [UInt8] = []
        while i < end {
            if Self.isWordByte(bytes, i, end) {
                let width = Self.scalarWidth(bytes[i])
                for k in i..<min(i + width, end) {
                    let c = bytes[k]
                    folded.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                }
                i += width
                continue
            }
            // Apostrophes inside a word: possessives, contractions, names like O'Brien.
            let apostropheWidth = Self.apostropheWidth(bytes, i, end)
            if apostropheWidth > 0, i + apostropheWidth < end, Self.isASCIILetter(bytes[i + apostropheWidth]) {
                var j = i + apostropheWidth
                var suffix: [UInt8] = []
                while j < end, Self.isASCIILetter(bytes[j]) {
                    suffix.append(bytes[j] | 0x20)
                    j += 1
                }
                let wordEnd = i
                switch String(decoding: suffix, as: UTF8.self) {
                case "s":
                    appendWord(folded, range: start..<wordEnd, bytes: bytes, into: &out, cache: cache)
                    let word = String(decoding: folded, as: UTF8.self)
                    if Self.contractsIs.contains(word) {
                        appendWord(Array("is".utf8), range: wordEnd..<j, bytes: bytes, into: &out, cache: cache)
                    }
                    return j
                case "t" where folded.last == 0x6E:
                    folded.removeLast()
                    appendWord(folded, range: start..<(wordEnd - 1), bytes: bytes, into: &out, cache: cache)
                    appendWord(Array("not".utf8), range: (wordEnd - 1)..<j, bytes: bytes, into: &out, cache: cache)
                    return j
                case "ve", "ll", "re", "d", "m":
                    appendWord(folded, range: start..<wordEnd, bytes: bytes, into: &out, cache: cache)
                    return j
                default:
                    i = i + apostropheWidth
                    continue
                }
            }
            break
        }
        appendWord(folded, range: start..<i, bytes: bytes, into: &out, cache: cache)
        return i
    }

    private func appendWord(_ folded: [UInt8], range: Range<Int>, bytes: [UInt8], into out: inout [StatementToken],
                            cache: TermCache?) {
        guard !folded.isEmpty else { return }
        let surface = String(decoding: folded, as: UTF8.self)
        let first = bytes[range.lowerBound]
        let capitalized = (first >= 0x41 && first <= 0x5A)
            || (first >= 0xC3 && String(decoding: bytes[range.lowerBound..<min(range.upperBound, range.lowerBound + 4)],
                                         as: UTF8.self).unicodeScalars.first?.properties.isUppercase == true)
        // One look-up says what the lexicons say of the word (a number word, a stop word, a vague amount)
        // and its comparison form.
        let word = cache?.word(surface) ?? SharedTerms.shared.word(surface)
        if let value = word.numberValue {
            out.append(StatementToken(kind: .number, range: range, folded: surface, term: Self.numberTerm(value),
                                      isCapitalized: capitalized, isContent: true, value: value))
            return
        }
        let term = computesTerms ? word.term : surface
        let content: Bool
        if word.isStopWord {
            content = false
        } else if folded.count == 1 {
            content = capitalized && surface != "a" && surface != "i"
        } else {
            content = true
        }
        var token = StatementToken(kind: .word, range: range, folded: surface, term: term,
                                   isCapitalized: capitalized, isContent: content)
        token.isVague = word.isVague
        out.append(token)
    }

    /// The comparison form of a lowercased word.
    static func term(for surface: String) -> String {
        let base = ComparisonLexicon.irregular[surface] ?? surface
        let stem = base.utf8.contains(0x2E) ? base : PorterStemmer.stem(base)
        return ComparisonLexicon.synonyms[stem] ?? stem
    }

    // MARK: - Numbers

    private func readNumber(_ bytes: [UInt8], from start: Int, end: Int, into out: inout [StatementToken]) -> Int {
        var i = start
        var digits: [UInt8] = []
        while i < end {
            let c = bytes[i]
            if c >= 0x30 && c <= 0x39 {
                digits.append(c)
                i += 1
            } else if (c == 0x2C || c == 0x2E), i + 1 < end, bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39, !digits.isEmpty {
                if c == 0x2E { digits.append(c) }
                i += 1
            } else {
                break
            }
        }
        // Letters glued to digits ("17th", "1990s", "5G") make a word, not a number.
        if i < end, Self.isWordByte(bytes, i, end), !(bytes[i] >= 0x30 && bytes[i] <= 0x39) {
            var j = i
            while j < end, Self.isWordByte(bytes, j, end) { j += Self.scalarWidth(bytes[j]) }
            var folded = Array(bytes[start..<j])
            for k in folded.indices where folded[k] >= 0x41 && folded[k] <= 0x5A { folded[k] |= 0x20 }
            let surface = String(decoding: folded, as: UTF8.self)
            out.append(StatementToken(kind: .word, range: start..<j, folded: surface, term: surface,
                                      isCapitalized: false, isContent: true))
            return j
        }
        let text = String(decoding: digits, as: UTF8.self)
        let value = Double(text) ?? 0
        var token = StatementToken(kind: .number, range: start..<i, folded: text, term: Self.numberTerm(value),
                                   isCapitalized: false, isContent: true, value: value)
        if start > 0 {
            let before = bytes[start - 1]
            token.isCurrency = before == 0x24 || (start >= 2 && bytes[start - 2] == 0xC2 && before == 0xA3)
                || (start >= 3 && bytes[start - 3] == 0xE2 && bytes[start - 2] == 0x82 && before == 0xAC)
        }
        if i < end, bytes[i] == 0x25 { token.isPercent = true }
        out.append(token)
        return i
    }

    /// Joins a number with a following multiplier ("2.5 million") and marks "percent".
    static func combineNumbers(_ tokens: [StatementToken]) -> [StatementToken] {
        var out: [StatementToken] = []
        out.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            var token = tokens[index]
            index += 1
            guard token.kind == .number, var value = token.value else {
                out.append(token)
                continue
            }
            while index < tokens.count, let factor = ComparisonLexicon.multipliers[tokens[index].folded] {
                value *= factor
                token.range = token.range.lowerBound..<tokens[index].range.upperBound
                index += 1
            }
            if index < tokens.count, tokens[index].folded == "percent" || tokens[index].folded == "per" {
                token.isPercent = true
            }
            token.value = value
            token.term = numberTerm(value)
            out.append(token)
        }
        return out
    }

    static func numberTerm(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "#\(Int(value))" : "#\(value)"
    }

    // MARK: - Bytes

    /// Words after which "'s" means "is" ("it's false").
    private static let contractsIs: Set<String> = ["it", "that", "this", "what", "there", "here", "who", "which"]

    /// The end of "U.S." or "D.C." (single letters each followed by a period, two or more), or nil.
    static func dottedAbbreviationEnd(_ bytes: [UInt8], from start: Int, end: Int) -> Int? {
        var i = start
        var letters = 0
        while i + 1 < end, isASCIILetter(bytes[i]), bytes[i + 1] == 0x2E {
            letters += 1
            i += 2
        }
        return letters >= 2 ? i : nil
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    static func scalarWidth(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// ASCII letters and digits, and non-ASCII letters (not Latin-1 or General Punctuation).
    static func isWordByte(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return isASCIILetter(b) || (b >= 0x30 && b <= 0x39) }
        guard b >= 0xC0, i + 1 < end else { return false }
        let second = bytes[i + 1]
        switch b {
        case 0xC2: return false
        case 0xC3: return second != 0x97 && second != 0xB7
        case 0xE2, 0xE3: return false
        case 0xEF: return second != 0xBB && second != 0xBC && second != 0xBD
        default: return true
        }
    }

    /// The byte width of an apostrophe at `i` (' or ’), or 0.
    static func apostropheWidth(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int {
        if bytes[i] == 0x27 { return 1 }
        if bytes[i] == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
        return 0
    }

    static func foldPunctuation(_ scalar: String) -> String {
        switch scalar {
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{201F}": return "\""
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2039}", "\u{203A}": return "'"
        case "\u{2014}", "\u{2013}", "\u{2012}", "\u{2010}", "\u{2011}", "\u{2015}": return "-"
        case "\u{2026}": return "..."
        default: return scalar
        }
    }
}

/// What the comparison lexicons say of a lowercased word, and its comparison form.
struct LexiconWord: Sendable {
    var term: String
    var numberValue: Double?
    var isStopWord: Bool
    var isVague: Bool

    init(_ surface: String) {
        numberValue = ComparisonLexicon.numberWords[surface]
        term = numberValue == nil ? StatementTokenizer.term(for: surface) : surface
        isStopWord = ComparisonLexicon.stopWords.contains(surface)
        isVague = ComparisonLexicon.vagueAmounts.contains(surface)
    }
}

/// Remembers what the lexicons say of each word seen (stemming is the costly part of tokenizing,
/// and news repeats its words): words of this run first, then those of every run of the process
/// (`SharedTerms`), so that comparing one small story after another does not stem the language again.
final class TermCache {
    private var words: [String: LexiconWord] = [:]

    func word(_ surface: String) -> LexiconWord {
        if let known = words[surface] { return known }
        let word = SharedTerms.shared.word(surface)
        words[surface] = word
        return word
    }
}

/// What the lexicons say of words, shared by all threads of the process, bounded: when it holds
/// `capacity` words it starts again empty.
final class SharedTerms: @unchecked Sendable {
    static let shared = SharedTerms()
    private let lock = NSLock()
    private var words: [String: LexiconWord] = [:]
    private let capacity = 400_000

    func word(_ surface: String) -> LexiconWord {
        if let known = lock.withLock({ words[surface] }) { return known }
        let word = LexiconWord(surface)
        lock.withLock {
            if words.count >= capacity { words.removeAll(keepingCapacity: true) }
            words[surface] = word
        }
        return word
    }
}

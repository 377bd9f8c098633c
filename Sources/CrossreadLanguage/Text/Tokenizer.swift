/// Splits UTF-8 text into tokens with byte ranges: words (abbreviations and initials keep their
/// period), numbers, punctuation, quote marks, split-off possessives, joining hyphens and dashes.
///
/// "Netanyahu’s" is `Netanyahu` + `’s`; "U.S.-Israel" is `U.S.` + `-` + `Israel`; "17%" is `17` + `%`;
/// "$12 million" is `$` + `12` + `million`. One pass over the bytes, no allocation per token.
public struct Tokenizer: Sendable {
    public init() {}

    /// Tokens of a string; ranges are UTF-8 byte offsets into it.
    public func tokenize(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokenize($0) }
    }

    /// Tokens of UTF-8 bytes.
    public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5 + 4)
        let n = bytes.count
        var i = 0
        var gap = Token.Gap.none
        var newlines = 0

        @inline(__always) func emit(_ start: Int, _ end: Int, _ kind: Token.Kind) {
            tokens.append(Token(range: start..<end, kind: kind, gap: gap))
            gap = .none
            newlines = 0
        }

        while i < n {
            let (cls, len) = CharClass.at(bytes, i)
            switch cls {
            case .space:
                if gap < .space { gap = .space }
                i += len
            case .newline:
                newlines += 1
                gap = newlines >= 2 ? .paragraph : .line
                i += len
            case .letter:
                let end = wordEnd(bytes, from: i)
                if let link = linkEnd(bytes, start: i, wordEnd: end) {
                    emit(i, link, .link)
                    i = link
                    continue
                }
                emit(i, end, .word)
                i = end
                if let possessive = possessiveEnd(bytes, wordStart: tokens[tokens.count - 1].range.lowerBound, at: i) {
                    emit(i, possessive, .possessive)
                    i = possessive
                }
            case .digit:
                let end = numberEnd(bytes, from: i)
                emit(i, end, .number)
                i = end
                if let possessive = possessiveEnd(bytes, wordStart: tokens[tokens.count - 1].range.lowerBound, at: i) {
                    emit(i, possessive, .possessive)
                    i = possessive
                }
            case .hyphen:
                var end = i + len
                while end < n, CharClass.at(bytes, end).0 == .hyphen { end += CharClass.at(bytes, end).1 }
                if end - i > len {
                    emit(i, end, .dash)
                } else {
                    let touchesBefore = gap == .none && !tokens.isEmpty
                    let touchesAfter = end < n && [.letter, .digit].contains(CharClass.at(bytes, end).0)
                    emit(i, end, touchesBefore && touchesAfter ? .hyphen : (touchesAfter ? .symbol : .dash))
                }
                i = end
            case .dash:
                emit(i, i + len, .dash)
                i += len
            case .period:
                var end = i + 1
                while end < n, bytes[end] == UInt8(ascii: ".") { end += 1 }
                emit(i, end, .punctuation)
                i = end
            case .ellipsis:
                emit(i, i + len, .punctuation)
                i += len
            case .punctuation:
                var end = i + len
                let b = bytes[i]
                if b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
                    while end < n, bytes[end] == UInt8(ascii: "!") || bytes[end] == UInt8(ascii: "?") { end += 1 }
                }
                emit(i, end, .punctuation)
                i = end
            case .apostrophe, .quote:
                emit(i, i + len, .quote)
                i += len
            case .symbol:
                emit(i, i + len, .symbol)
                i += len
            }
        }
        return tokens
    }

    /// End of the word starting at `start`: letters and digits, inner apostrophes ("don’t",
    /// "O’Brien") but not a possessive "’s", then an abbreviation's or an initial's period.
    @inline(__always)
    func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = bytes.count
        var j = start
        while j < n {
            let (cls, len) = CharClass.at(bytes, j)
            if cls == .letter || cls == .digit {
                j += len
                continue
            }
            if cls == .apostrophe, j + len < n {
                let (next, nextLen) = CharClass.at(bytes, j + len)
                guard next == .letter else { break }
                let s = bytes[j + len]
                if s == UInt8(ascii: "s") || s == UInt8(ascii: "S") {
                    let after = j + len + nextLen
                    if after >= n || !isWordClass(CharClass.at(bytes, after).0) { break }
                }
                j += len
                continue
            }
            break
        }
        guard j < n, bytes[j] == UInt8(ascii: ".") else { return j }
        // "U.S.", "a.m.", "Ph.D.", "e.g.": short letter runs each followed by a period.
        if j - start <= 2, bytes[start].isASCIILetter, bytes[j - 1].isASCIILetter, j + 1 < n, bytes[j + 1].isASCIILetter {
            var k = j + 1
            var segments = 1
            while true {
                var m = k
                while m < n, bytes[m].isASCIILetter { m += 1 }
                if m - k >= 1, m - k <= 2, m < n, bytes[m] == UInt8(ascii: ".") {
                    segments += 1
                    k = m + 1
                    if k < n, bytes[k].isASCIILetter { continue }
                }
                break
            }
            if segments >= 2 { return k }
        }
        // A single capital letter: an initial ("J. R. Smith").
        if j - start == 1, bytes[start].isASCIIUpper { return j + 1 }
        let key = Abbreviations.key(bytes, start, j)
        if Abbreviations.titles.contains(key) || Abbreviations.others.contains(key) { return j + 1 }
        if Abbreviations.beforeNumbers.contains(key) {
            var k = j + 1
            while k < n, bytes[k] == UInt8(ascii: " ") { k += 1 }
            if k < n, bytes[k].isASCIIDigit { return j + 1 }
        }
        return j
    }

    /// End of the number starting at `start`: digits with inner "." "," ":" "/" before a digit
    /// ("40,000", "3.5", "12:13", "11/10"), then attached letters ("1990s", "7th", "5pm").
    @inline(__always)
    func numberEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = bytes.count
        var j = start
        while j < n {
            let b = bytes[j]
            if b.isASCIIDigit { j += 1; continue }
            if (b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ":") || b == UInt8(ascii: "/")),
               j + 1 < n, bytes[j + 1].isASCIIDigit, j > start {
                j += 1
                continue
            }
            if b >= 0x80 {
                let (cls, len) = CharClass.at(bytes, j)
                if cls == .digit || (cls == .letter && j > start) { j += len; continue }
                break
            }
            if b.isASCIILetter { j += 1; continue }
            break
        }
        return j
    }

    /// The end of a possessive ending ("’s", "'s", or "’" after a word ending in s) at `at`, if one is there.
    @inline(__always)
    func possessiveEnd(_ bytes: UnsafeBufferPointer<UInt8>, wordStart: Int, at: Int) -> Int? {
        let n = bytes.count
        guard at < n else { return nil }
        let (cls, len) = CharClass.at(bytes, at)
        guard cls == .apostrophe else { return nil }
        let after = at + len
        if after < n, bytes[after] == UInt8(ascii: "s") || bytes[after] == UInt8(ascii: "S") {
            if after + 1 >= n || !isWordClass(CharClass.at(bytes, after + 1).0) { return after + 1 }
            return nil
        }
        // Plural possessive: "leaders’ view". The word must end in "s" and the mark be followed by a space.
        let last = bytes[at - 1]
        if at - wordStart >= 2, last == UInt8(ascii: "s") || last == UInt8(ascii: "S"),
           after < n, bytes[after] == UInt8(ascii: " "), after + 1 < n, bytes[after + 1].isASCIILetter {
            return after
        }
        return nil
    }

    /// The end of a URL or e-mail address starting with the word `start..<wordEnd`, if it is one.
    @inline(__always)
    func linkEnd(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, wordEnd: Int) -> Int? {
        let n = bytes.count
        guard wordEnd < n else { return nil }
        let b = bytes[wordEnd]
        let length = wordEnd - start
        let isScheme = b == UInt8(ascii: ":") && wordEnd + 2 < n && bytes[wordEnd + 1] == UInt8(ascii: "/")
            && bytes[wordEnd + 2] == UInt8(ascii: "/") && (length == 4 || length == 5)
        let isWWW = b == UInt8(ascii: ".") && length == 3 && bytes[start] | 0x20 == UInt8(ascii: "w")
            && bytes[start + 1] | 0x20 == UInt8(ascii: "w") && bytes[start + 2] | 0x20 == UInt8(ascii: "w")
        let isMail = b == UInt8(ascii: "@") && wordEnd + 1 < n && bytes[wordEnd + 1].isASCIILetter
        guard isScheme || isWWW || isMail else { return nil }
        var j = wordEnd
        while j < n {
            let c = bytes[j]
            if c <= 0x20 || c >= 0x80 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") { break }
            j += 1
        }
        // Trailing sentence punctuation is not part of the link.
        while j > wordEnd, [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                            UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "'")].contains(bytes[j - 1]) { j -= 1 }
        if isMail, !bytes[wordEnd..<j].contains(UInt8(ascii: ".")) { return nil }
        return j > wordEnd + 1 ? j : nil
    }

    @inline(__always) func isWordClass(_ cls: CharClass) -> Bool { cls == .letter || cls == .digit }
}

extension Tokenizer {
    /// Text and tokens for words that are already split (an evaluation corpus): the words are
    /// joined by single spaces and each becomes one token, its kind read from its first character.
    public func join(words: [String]) -> (text: String, tokens: [Token]) {
        var text = ""
        var tokens: [Token] = []
        tokens.reserveCapacity(words.count)
        var offset = 0
        for (index, word) in words.enumerated() {
            if index > 0 { text += " "; offset += 1 }
            text += word
            let length = word.utf8.count
            var word = word
            let kind: Token.Kind = word.withUTF8 { bytes in
                let inner = tokenize(bytes)
                if inner.count == 1 { return inner[0].kind }
                guard let first = inner.first else { return .symbol }
                if first.kind == .quote, bytes.count >= 2, bytes.contains(where: { $0 == UInt8(ascii: "s") || $0 == UInt8(ascii: "S") }) { return .possessive }
                return first.kind == .punctuation ? .punctuation : first.kind
            }
            tokens.append(Token(range: offset..<(offset + length), kind: kind, gap: index == 0 ? .none : .space))
            offset += length
        }
        return (text, tokens)
    }
}

import CrossreadCore

/// Measures lines: words, stop words, capitals, punctuation, dates, lexicon hits. Works on bytes.
struct LineScanner {
    /// Bit mask of the document's languages in `LanguageGuess.codes` order (all bits when unknown).
    var languageMask: UInt16
    private var hashes: [UInt64] = []
    /// Hashes of the content words (four or more letters, not stop words) of every line scanned,
    /// in order; `contentWordEnds[k]` is where line k's words end.
    var contentWords: [UInt64] = []
    var contentWordEnds: [Int] = []

    init(languageMask: UInt16) {
        self.languageMask = languageMask
        hashes.reserveCapacity(256)
    }

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> LineStats {
        var stats = LineStats()
        hashes.removeAll(keepingCapacity: true)
        guard start < end else {
            contentWordEnds.append(contentWords.count)
            return stats
        }
        var i = start
        var lastVisibleIndex = start
        var previousWordLength = 0
        var previousWordDigits = false
        var previousWasDigitsDot = 0  // state for dd.mm.yyyy
        var lineHash: UInt64 = 0xcbf2_9ce4_8422_2325
        var openParenthesis = -1
        var slashAfterParenthesis = false
        var sawColonTime = false
        var creditColonWord = -100
        var creditAfterParenthesis = false

        while i < end {
            let b = bytes[i]
            // A word: letters and digits.
            if Self.isWordStart(bytes, i, end) {
                var key: UInt64 = 0
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                var length = 0
                var charsInWord = 0
                var letters = 0, upperLetters = 0, digits = 0
                var firstUpper = false, firstLower = false
                let wordStart = i
                while i < end {
                    let c = bytes[i]
                    if c < 0x80 {
                        let lower = c | 0x20
                        let isLetter = lower >= 0x61 && lower <= 0x7A
                        let isDigit = c >= 0x30 && c <= 0x39
                        guard isLetter || isDigit else { break }
                        let folded = (c >= 0x41 && c <= 0x5A) ? lower : c
                        if isLetter {
                            letters += 1
                            if c < 0x61 { upperLetters += 1; if charsInWord == 0 { firstUpper = true } }
                            else if charsInWord == 0 { firstLower = true }
                        } else {
                            digits += 1
                        }
                        key = key << 8 | UInt64(folded)
                        hash = (hash ^ UInt64(folded)) &* 0x100_0000_01b3
                        length += 1
                        charsInWord += 1
                        i += 1
                    } else {
                        var size = 1
                        if c >= 0xF0 { size = 4 } else if c >= 0xE0 { size = 3 } else if c >= 0xC0 { size = 2 }
                        guard i + size <= end, !LanguageGuess.isSeparatorCharacter(bytes, at: i, size: size) else { break }
                        // A Chinese or Japanese character is a word of its own.
                        let ideograph = LanguageGuess.isIdeograph(bytes, at: i, size: size)
                        if ideograph && charsInWord > 0 { break }
                        var first = c
                        var second = size > 1 ? bytes[i + 1] : 0
                        if size == 2 {
                            let wasFirst = first, wasSecond = second
                            LanguageGuess.lowercaseLatin(&first, &second)
                            let upper = first != wasFirst || second != wasSecond
                            if upper { upperLetters += 1; if charsInWord == 0 { firstUpper = true } }
                            else if charsInWord == 0 { firstLower = true }
                        }
                        letters += 1
                        key = key << 8 | UInt64(first)
                        hash = (hash ^ UInt64(first)) &* 0x100_0000_01b3
                        if size > 1 {
                            key = key << 8 | UInt64(second)
                            hash = (hash ^ UInt64(second)) &* 0x100_0000_01b3
                        }
                        if size > 2 {
                            for k in 2..<size {
                                key = key << 8 | UInt64(bytes[i + k])
                                hash = (hash ^ UInt64(bytes[i + k])) &* 0x100_0000_01b3
                            }
                        }
                        length += size
                        charsInWord += 1
                        i += size
                        if ideograph { break }
                    }
                }
                stats.letters += letters
                stats.digits += digits
                if length > stats.longestWord { stats.longestWord = length }
                hashes.append(hash)
                lineHash = (lineHash ^ hash) &* 0x100_0000_01b3
                if letters > 0 {
                    stats.words += 1
                    if stats.words == 1 && firstLower { stats.lowerStart = true }
                    if firstUpper { stats.capitalized += 1 }
                    if letters >= 2, upperLetters == letters { stats.allCaps += 1 }
                    let mask = length <= 8 ? LanguageGuess.stopWordMask(key: key) : 0
                    if mask != 0 {
                        stats.anyStopWords += 1
                        if mask & languageMask != 0 { stats.stopWords += 1 }
                    } else if letters >= 4 {
                        contentWords.append(hash)
                    }
                    if Lexicons.actionWords.contains(hash) { stats.actionWords += 1 }
                    if Lexicons.commentVerbs.contains(hash) { stats.commentVerb = true }
                    if Lexicons.creditWords.contains(hash) {
                        let next = i < end ? bytes[i] : 0
                        let followedByMark = next == 0x3A || next == 0x2F
                            || (next == 0x20 && i + 1 < end && bytes[i + 1] == 0x3A)
                        if stats.words == 1 && followedByMark { stats.creditAtStart = true }
                        if followedByMark && next != 0x2F { creditColonWord = stats.words }
                        if openParenthesis >= 0 { creditAfterParenthesis = true }
                    }
                    if Lexicons.monthNames.contains(hash) { stats.monthNames += 1 }
                } else {
                    stats.numbers += 1
                    if digits == 4, length == 4 {
                        let year = Self.number(bytes, wordStart, i)
                        if year >= 1900 && year <= 2099 { stats.hasYear = true }
                    }
                    // dd.mm.yyyy / dd.mm.yy / yyyy-mm-dd
                    if previousWasDigitsDot >= 2 { stats.hasDate = true }
                    if i < end, bytes[i] == 0x2E || bytes[i] == 0x2D || bytes[i] == 0x2F,
                       i + 1 < end, bytes[i + 1] >= 0x30, bytes[i + 1] <= 0x39 {
                        previousWasDigitsDot += 1
                    } else {
                        previousWasDigitsDot = 0
                    }
                    if i + 2 < end, bytes[i] == 0x3A, digits <= 2, bytes[i + 1] >= 0x30, bytes[i + 1] <= 0x39,
                       bytes[i + 2] >= 0x30, bytes[i + 2] <= 0x39, i + 3 >= end || !(bytes[i + 3] >= 0x30 && bytes[i + 3] <= 0x39) {
                        sawColonTime = true
                    }
                }
                if letters > 0 { previousWasDigitsDot = 0 }
                previousWordLength = letters
                previousWordDigits = letters == 0
                lastVisibleIndex = i - 1
                continue
            }
            // Not a word character.
            let width: Int
            if b < 0x80 {
                width = 1
                switch b {
                case 0x2C: stats.commas += 1  // ,
                case 0x2E, 0x21, 0x3F:  // . ! ?
                    let next = i + 1 < end ? bytes[i + 1] : 0x20
                    if (next == 0x20 || i + 1 >= end || next == 0x22 || next == 0x29),
                       previousWordLength >= 2 || (b != 0x2E && !previousWordDigits) {
                        stats.sentenceEnds += 1
                    }
                case 0x7C: stats.separators += 1  // |
                case 0x2F:  // /
                    stats.slashes += 1
                    if openParenthesis >= 0 { slashAfterParenthesis = true }
                    if i > start, i + 1 < end, bytes[i - 1] == 0x20, bytes[i + 1] == 0x20 { stats.separators += 1 }
                case 0x28: openParenthesis = i; slashAfterParenthesis = false; creditAfterParenthesis = false  // (
                case 0x40: stats.urlLike = true  // @
                default: break
                }
                if b != 0x20 && b != 0x09 {
                    lastVisibleIndex = i
                }
            } else {
                var size = 1
                if b >= 0xF0 { size = 4 } else if b >= 0xE0 { size = 3 } else if b >= 0xC0 { size = 2 }
                width = min(size, end - i)
                if size == 3, b == 0xE2, i + 2 < end {
                    let c1 = bytes[i + 1], c2 = bytes[i + 2]
                    if c1 == 0x80 && (c2 == 0xA2 || c2 == 0xBA) { stats.separators += 1 }  // • ›
                    if c1 == 0x80 && c2 == 0xA6, previousWordLength >= 2 { stats.sentenceEnds += 1 }  // …
                }
                if size == 3, i + 2 < end, (b == 0xE3 && bytes[i + 1] == 0x80) || (b == 0xEF && bytes[i + 1] == 0xBC) {
                    let c = bytes[i + 2]
                    if (b == 0xE3 && c == 0x82) || (b == 0xEF && (c == 0x81 || c == 0x9F)) { stats.sentenceEnds += 1 }  // 。！？
                    if (b == 0xE3 && c == 0x81) || (b == 0xEF && c == 0x8C) { stats.commas += 1 }  // 、，
                }
                if size == 2, b == 0xC2, i + 1 < end {
                    let c1 = bytes[i + 1]
                    if c1 == 0xB7 || c1 == 0xBB { stats.separators += 1 }  // · »
                    if c1 == 0xA9 { stats.hasCopyrightSign = true }  // ©
                }
                if !LineSplitter.isSpace(bytes, i) {
                    lastVisibleIndex = i + width - 1
                }
            }
            i += width
        }
        // How the line ends: skip closing quotes and brackets.
        var j = lastVisibleIndex
        var closingSteps = 0
        while j >= start, closingSteps < 3 {
            let c = bytes[j]
            if c == 0x22 || c == 0x27 || c == 0x29 || c == 0x5D || c == 0x2A { j -= 1; closingSteps += 1; continue }
            if c >= 0x80 && c < 0xC0 {
                // Walk to the start of a multi-byte character and check for ” ’ » “.
                var k = j
                while k > start, bytes[k] & 0xC0 == 0x80 { k -= 1 }
                if bytes[k] == 0xE2, k + 2 <= j, bytes[k + 1] == 0x80,
                   bytes[k + 2] == 0x9D || bytes[k + 2] == 0x99 || bytes[k + 2] == 0x9C || bytes[k + 2] == 0x9E {
                    j = k - 1; closingSteps += 1; continue
                }
                if bytes[k] == 0xC2, bytes[k + 1] == 0xBB || bytes[k + 1] == 0xAB { j = k - 1; closingSteps += 1; continue }
                if bytes[k] == 0xE2, bytes[k + 1] == 0x80, bytes[k + 2] == 0xA6 { stats.endsSentence = true }
                if k + 2 <= j, bytes[k] == 0xE3, bytes[k + 1] == 0x80 {
                    if bytes[k + 2] == 0x8D || bytes[k + 2] == 0x8F { j = k - 1; closingSteps += 1; continue }  // 」』
                    if bytes[k + 2] == 0x82 { stats.endsSentence = true }  // 。
                }
                if k + 2 <= j, bytes[k] == 0xEF, bytes[k + 1] == 0xBC, bytes[k + 2] == 0x81 || bytes[k + 2] == 0x9F {
                    stats.endsSentence = true  // ！？
                }
                break
            }
            break
        }
        if j >= start {
            let c = bytes[j]
            stats.finalMark = c < 0x80 ? c : 0
            if c == 0x2E || c == 0x21 || c == 0x3F { stats.endsSentence = true }
            if c == 0x3A { stats.endsColon = true }
        }
        stats.parenthesisAtEnd = lastVisibleIndex >= start && bytes[lastVisibleIndex] == 0x29
        stats.slashInFinalParenthesis = stats.parenthesisAtEnd && slashAfterParenthesis
        stats.creditInFinalParenthesis = stats.parenthesisAtEnd && creditAfterParenthesis
        stats.creditAtEnd = creditColonWord > 0 && stats.words - creditColonWord <= 5
        if stats.endsSentence, stats.sentenceEnds == 0 { stats.sentenceEnds = 1 }
        stats.hasTime = sawColonTime
        if stats.monthNames > 0, stats.numbers > 0 { stats.hasDate = true }
        stats.wordsHash = lineHash
        var k = start
        while k < end { if bytes[k] & 0xC0 != 0x80 { stats.chars += 1 }; k += 1 }
        stats.urlLike = stats.urlLike || Self.containsURL(bytes, start, end)
        stats.lexicon = hashes.withUnsafeBufferPointer { Lexicons.chrome.match($0) }
        contentWordEnds.append(contentWords.count)
        return stats
    }

    @inline(__always)
    private static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 {
            let lower = b | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39)
        }
        if b < 0xC0 { return false }
        var size = 2
        if b >= 0xF0 { size = 4 } else if b >= 0xE0 { size = 3 }
        guard i + size <= end else { return false }
        return !LanguageGuess.isSeparatorCharacter(bytes, at: i, size: size)
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        var value = 0
        for k in s..<e { value = value * 10 + Int(bytes[k] &- 0x30) }
        return value
    }

    /// "http", "www." or a domain ending such as ".com/" inside the line.
    private static func containsURL(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var i = s
        while i + 4 <= e {
            if bytes[i] == 0x68, bytes[i + 1] == 0x74, bytes[i + 2] == 0x74, bytes[i + 3] == 0x70 { return true }  // http
            if bytes[i] == 0x77, bytes[i + 1] == 0x77, bytes[i + 2] == 0x77, bytes[i + 3] == 0x2E { return true }  // www.
            i += 1
        }
        return false
    }
}

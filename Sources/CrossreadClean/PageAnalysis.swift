import CrossreadCore

/// Everything the cleaner measures about one input before deciding: its lines, their stats,
/// the document language and how often each line repeats. Computed once, read by every step.
struct PageAnalysis: Sendable {
    var lines: [TextLine]
    var stats: [LineStats]
    /// How many lines of the page have the same words as this one (1 when unique).
    var repeats: [Int]
    /// A line that reads as running prose: long enough, with stop words and a sentence end.
    var prose: [Bool]
    /// The line starts with a dash (— – -), as signatures and some credits do.
    var startsWithDash: [Bool]
    /// ISO code of the page language, when the stop words tell.
    var language: String?
    var languageMask: UInt16
    /// Content-word hashes of all lines, and where each line's words end in that array.
    var contentWords: [UInt64]
    var contentWordEnds: [Int]

    /// The content words of line `i`.
    func contentWords(of i: Int) -> ArraySlice<UInt64> {
        contentWords[(i == 0 ? 0 : contentWordEnds[i - 1])..<contentWordEnds[i]]
    }

    var count: Int { lines.count }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        lines = LineSplitter.lines(bytes)
        // Language from the longer lines: menus carry few stop words and many names.
        var counts = [Double](repeating: 0, count: LanguageGuess.codes.count)
        var sampled = 0
        for line in lines where line.end - line.contentStart >= 80 {
            let slice = UnsafeBufferPointer(rebasing: bytes[line.contentStart..<line.end])
            let lineCounts = LanguageGuess.stopWordCounts(slice)
            for k in counts.indices { counts[k] += lineCounts[k] }
            sampled += line.end - line.contentStart
            if sampled > 200_000 { break }
        }
        language = LanguageGuess.decide(counts)
        if let language, let index = LanguageGuess.codes.firstIndex(of: language) {
            languageMask = UInt16(1) << UInt16(index)
        } else {
            languageMask = 0xFFFF
        }
        var scanner = LineScanner(languageMask: languageMask)
        stats = lines.map { scanner.scan(bytes, from: $0.contentStart, to: $0.end) }
        contentWords = scanner.contentWords
        contentWordEnds = scanner.contentWordEnds
        var seen: [UInt64: Int] = [:]
        seen.reserveCapacity(lines.count)
        for s in stats where s.words > 0 { seen[s.wordsHash, default: 0] += 1 }
        repeats = stats.map { $0.words > 0 ? seen[$0.wordsHash] ?? 1 : 1 }
        startsWithDash = lines.map { line in
            let b = bytes[line.start]
            if b == 0x2D { return true }
            return b == 0xE2 && line.end - line.start >= 3 && bytes[line.start + 1] == 0x80
                && (bytes[line.start + 2] == 0x93 || bytes[line.start + 2] == 0x94)
        }
        let knownLanguage = languageMask != 0xFFFF
        prose = stats.map { s in
            let ratio = knownLanguage ? s.stopRatio : s.anyStopRatio
            return s.words >= 10 && ratio >= 0.12 && (s.endsSentence || s.sentenceEnds >= 2)
        }
    }
}

/// Sentence ranges for a document that has no sentence annotations: a break after `.`, `!` or
/// `?` (and any closing quote) before a space and a capital letter or opening quote, and at newlines.
/// Single capital letters and common titles before a period ("U.S.", "Dr.") do not end a sentence.
enum FallbackSentenceSplitter {
    static func sentences(in bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        func close(_ end: Int) {
            let trimmed = StatementExtractor.trim(bytes, start..<end)
            if !trimmed.isEmpty { out.append(trimmed) }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                close(i)
                start = i + 1
                i += 1
                continue
            }
            if b == 0x2E || b == 0x21 || b == 0x3F {
                var end = i + 1
                while end < bytes.count, bytes[end] == 0x22 || bytes[end] == 0x27 || bytes[end] == 0x29 { end += 1 }
                if end + 2 < bytes.count, bytes[end] == 0xE2, bytes[end + 1] == 0x80, bytes[end + 2] == 0x9D || bytes[end + 2] == 0x99 { end += 3 }
                if end < bytes.count, bytes[end] == 0x20, end + 1 < bytes.count, startsSentence(bytes, end + 1),
                   b != 0x2E || !isAbbreviation(bytes, before: i) {
                    close(end)
                    start = end + 1
                    i = end + 1
                    continue
                }
            }
            i += 1
        }
        close(bytes.count)
        return out
    }

    private static func startsSentence(_ bytes: [UInt8], _ i: Int) -> Bool {
        let b = bytes[i]
        if b >= 0x41 && b <= 0x5A || b == 0x22 || b >= 0x30 && b <= 0x39 { return true }
        return b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x9C
    }

    private static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "st", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "prof", "jr", "sr", "no", "vs", "etc"]

    private static func isAbbreviation(_ bytes: [UInt8], before period: Int) -> Bool {
        var j = period
        while j > 0, StatementTokenizer.isASCIILetter(bytes[j - 1]) { j -= 1 }
        let word = String(decoding: bytes[j..<period], as: UTF8.self).lowercased()
        return word.count == 1 || titles.contains(word)
    }
}

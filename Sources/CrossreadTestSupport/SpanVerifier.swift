import CrossreadCore

/// Checks that spans are in bounds of a text, start on character boundaries, are ordered, and
/// that the text at their offsets is what they claim. Every stage's spans go through it in tests.
public enum SpanVerifier {
    /// Returns a list of problems; empty when every span is valid.
    public static func problems(text: String, spans: [(range: Range<Int>, expected: String?)],
                                mustBeOrdered: Bool = true) -> [String] {
        let bytes = Array(text.utf8)
        var problems: [String] = []
        var previousStart = -1
        for (index, span) in spans.enumerated() {
            let r = span.range
            guard r.lowerBound >= 0, r.upperBound <= bytes.count, r.lowerBound <= r.upperBound else {
                problems.append("span \(index) \(r) is out of bounds (text has \(bytes.count) bytes)")
                continue
            }
            if r.lowerBound < bytes.count, bytes[r.lowerBound] & 0xC0 == 0x80 {
                problems.append("span \(index) \(r) starts inside a character")
            }
            if r.upperBound < bytes.count, bytes[r.upperBound] & 0xC0 == 0x80 {
                problems.append("span \(index) \(r) ends inside a character")
            }
            if mustBeOrdered, r.lowerBound < previousStart {
                problems.append("span \(index) \(r) starts before the span preceding it")
            }
            previousStart = r.lowerBound
            if let expected = span.expected {
                let actual = String(decoding: bytes[r], as: UTF8.self)
                if actual != expected { problems.append("span \(index) \(r) holds \"\(actual)\", not \"\(expected)\"") }
            }
        }
        return problems
    }

    /// Problems with a document's paragraph ranges: each must lie in the text, in order, not overlap,
    /// and hold no blank line.
    public static func problems(paragraphsOf cleaned: CleanedArticle) -> [String] {
        var found = problems(text: cleaned.text, spans: cleaned.paragraphs.map { ($0.range, nil) })
        let bytes = Array(cleaned.text.utf8)
        var previousEnd = 0
        for (index, paragraph) in cleaned.paragraphs.enumerated() {
            if paragraph.range.lowerBound < previousEnd { found.append("paragraph \(index) overlaps the one before") }
            previousEnd = paragraph.range.upperBound
            guard paragraph.range.upperBound <= bytes.count else { continue }
            let slice = String(decoding: bytes[paragraph.range], as: UTF8.self)
            if slice.contains("\n\n") { found.append("paragraph \(index) holds a blank line") }
            if slice.isEmpty { found.append("paragraph \(index) is empty") }
        }
        return found
    }
}

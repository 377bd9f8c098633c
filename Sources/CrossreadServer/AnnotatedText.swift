import CrossreadCore

/// A document's clean text as HTML paragraphs with its annotations marked: quotes as `<q class="quote">`,
/// entity mentions as links (`a.mention.person` …) and time expressions as `<time class="time">`.
/// Spans are UTF-8 ranges into the text; inner spans that cross a quote's edge are split there, so
/// the markup always nests.
struct AnnotatedText {
    var text: String
    var paragraphs: [Paragraph]
    var annotations: Annotations
    /// The link for an entity id, or nil when the entity has no page.
    var entityLink: (String) -> String?

    private enum Inner {
        case mention(EntityMention)
        case time(TimeExpression)
    }

    func html() -> String {
        let bytes = Array(text.utf8)
        let paragraphs = self.paragraphs.isEmpty && !bytes.isEmpty ? [Paragraph(range: 0..<bytes.count, kind: .body)] : self.paragraphs
        let quotes = Self.nonOverlapping(annotations.quotes.map { ($0.range, $0) }, count: bytes.count)
        let inner = Self.nonOverlapping(annotations.mentions.map { ($0.range, Inner.mention($0)) }
            + annotations.times.map { ($0.range, Inner.time($0)) }, count: bytes.count)
        var out = ""
        var quoteCursor = 0, innerCursor = 0
        for paragraph in paragraphs {
            let start = Self.boundary(bytes, paragraph.range.lowerBound), end = Self.boundary(bytes, paragraph.range.upperBound)
            guard start < end else { continue }
            while quoteCursor < quotes.count, quotes[quoteCursor].range.upperBound <= start { quoteCursor += 1 }
            while innerCursor < inner.count, inner[innerCursor].range.upperBound <= start { innerCursor += 1 }
            var cuts: Set<Int> = [start, end]
            var q = quoteCursor
            while q < quotes.count, quotes[q].range.lowerBound < end {
                cuts.insert(Self.boundary(bytes, max(start, quotes[q].range.lowerBound)))
                cuts.insert(Self.boundary(bytes, min(end, quotes[q].range.upperBound))); q += 1
            }
            var i = innerCursor
            while i < inner.count, inner[i].range.lowerBound < end {
                cuts.insert(Self.boundary(bytes, max(start, inner[i].range.lowerBound)))
                cuts.insert(Self.boundary(bytes, min(end, inner[i].range.upperBound))); i += 1
            }
            let points = cuts.sorted()
            var html = ""
            var openQuote: Int?, openInner: Int?
            q = quoteCursor; i = innerCursor
            for (lower, upper) in zip(points, points.dropFirst()) where lower < upper {
                while q < quotes.count, quotes[q].range.upperBound <= lower { q += 1 }
                while i < inner.count, inner[i].range.upperBound <= lower { i += 1 }
                let quote = q < quotes.count && quotes[q].range.lowerBound <= lower ? q : nil
                let span = i < inner.count && inner[i].range.lowerBound <= lower ? i : nil
                if openQuote != quote || openInner != span {
                    if let open = openInner { html += closing(inner[open].value) }
                    openInner = nil
                }
                if openQuote != quote {
                    if openQuote != nil { html += "</q>" }
                    if let quote { html += opening(quotes[quote].value) }
                    openQuote = quote
                }
                if openInner != span, let span {
                    html += opening(inner[span].value)
                    openInner = span
                }
                html += HTML.text(String(decoding: bytes[lower..<upper], as: UTF8.self))
            }
            if let open = openInner { html += closing(inner[open].value) }
            if openQuote != nil { html += "</q>" }
            switch paragraph.kind {
            case .subheading: out += "<h2 class=\"subheading\">\(html)</h2>\n"
            case .quote: out += "<blockquote><p>\(html)</p></blockquote>\n"
            case .listItem: out += "<p class=\"list-item\">\(html)</p>\n"
            case .table: out += "<p class=\"table-text\">\(html)</p>\n"
            case .body: out += "<p>\(html)</p>\n"
            }
        }
        return out
    }

    private func opening(_ quote: Quote) -> String {
        var title = "quote"
        if let speaker = quote.speakerName { title += " · \(speaker)" }
        if let cue = quote.cue { title += " · \(cue)" }
        if let venue = quote.venue { title += " · on \(venue)" }
        return "<q class=\"quote\" title=\"\(HTML.text(title))\">"
    }

    private func opening(_ inner: Inner) -> String {
        switch inner {
        case .mention(let mention):
            let role = mention.role.map { " · \($0)" } ?? ""
            let attributes = "class=\"mention \(mention.type.rawValue)\" title=\"\(HTML.text(mention.type.rawValue + role))\""
            if let href = entityLink(mention.entity) { return "<a \(attributes) href=\"\(HTML.text(href))\">" }
            return "<span \(attributes)>"
        case .time(let time):
            let value = time.value.map { " datetime=\"\(HTML.text($0))\"" } ?? ""
            return "<time class=\"time\"\(value) title=\"\(HTML.text(time.value ?? time.unresolvedReason ?? "unresolved"))\">"
        }
    }

    private func closing(_ inner: Inner) -> String {
        switch inner {
        case .mention(let mention): entityLink(mention.entity) == nil ? "</span>" : "</a>"
        case .time: "</time>"
        }
    }

    /// Spans sorted by start, clamped to the text, dropping empty ones and any that overlap an earlier one.
    private static func nonOverlapping<T>(_ spans: [(Range<Int>, T)], count: Int) -> [(range: Range<Int>, value: T)] {
        var result: [(range: Range<Int>, value: T)] = []
        var end = 0
        for (range, value) in spans.sorted(by: { ($0.0.lowerBound, $1.0.upperBound) < ($1.0.lowerBound, $0.0.upperBound) }) {
            let lower = max(0, min(range.lowerBound, count)), upper = max(lower, min(range.upperBound, count))
            guard lower < upper, lower >= end else { continue }
            result.append((lower..<upper, value))
            end = upper
        }
        return result
    }

    /// `offset` clamped to the bytes and moved forward to the start of a character.
    /// The text of a span, its ends moved to character boundaries and kept in bounds.
    static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        let lower = boundary(bytes, range.lowerBound), upper = boundary(bytes, max(lower, range.upperBound))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    static func boundary(_ bytes: [UInt8], _ offset: Int) -> Int {
        var position = max(0, min(offset, bytes.count))
        while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
        return position
    }
}

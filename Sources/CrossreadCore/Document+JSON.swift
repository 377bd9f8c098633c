import Foundation

/// The document JSON contract (`crossread/1`): later stages add fields, never rename these.
/// Offsets in JSON count Unicode code points into `text`.
public struct DocumentJSON: Encodable, Sendable {
    public var document: Document
    /// Adds `sentences`, `entities`, `quotes`, `times`, `claims` (issue: language analysis) and
    /// `terms`, quoted words that are not speech.
    public var includeAnnotations: Bool

    public init(_ document: Document, includeAnnotations: Bool = false) {
        self.document = document
        self.includeAnnotations = includeAnnotations
    }

    enum Key: String, CodingKey {
        case id, source, format, title, authors, published, updated, publisher, language, url,
             description, fetched, text, paragraphs, removed, sentences, entities, quotes, times, claims, terms
    }

    struct SpanJSON: Encodable {
        var start: Int
        var end: Int
        var text: String
    }

    struct MentionJSON: Encodable {
        var start: Int, end: Int, text: String, type: EntityType, entity: String, role: String?
        enum CodingKeys: String, CodingKey { case start, end, text, type, entity, role }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(start, forKey: .start); try c.encode(end, forKey: .end); try c.encode(text, forKey: .text)
            try c.encode(type, forKey: .type); try c.encode(entity, forKey: .entity); try c.encode(role, forKey: .role)
        }
    }

    struct QuoteJSON: Encodable {
        var start: Int, end: Int, text: String, speaker: String?, speakerName: String?, cue: String?, venue: String?
        enum CodingKeys: String, CodingKey { case start, end, text, speaker, speakerName, cue, venue }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(start, forKey: .start); try c.encode(end, forKey: .end); try c.encode(text, forKey: .text)
            try c.encode(speaker, forKey: .speaker); try c.encode(speakerName, forKey: .speakerName)
            try c.encode(cue, forKey: .cue); try c.encode(venue, forKey: .venue)
        }
    }

    struct TimeJSON: Encodable {
        var start: Int, end: Int, text: String, value: String?, unresolved: String?
        enum CodingKeys: String, CodingKey { case start, end, text, value, unresolved }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(start, forKey: .start); try c.encode(end, forKey: .end); try c.encode(text, forKey: .text)
            try c.encode(value, forKey: .value); try c.encodeIfPresent(unresolved, forKey: .unresolved)
        }
    }

    struct ClaimJSON: Encodable {
        var start: Int, end: Int, text: String, score: Double, speaker: String?, kinds: [String]
        enum CodingKeys: String, CodingKey { case start, end, text, score, speaker, kinds }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(start, forKey: .start); try c.encode(end, forKey: .end); try c.encode(text, forKey: .text)
            try c.encode((score * 1000).rounded() / 1000, forKey: .score); try c.encode(speaker, forKey: .speaker)
            try c.encode(kinds, forKey: .kinds)
        }
    }

    struct ParagraphJSON: Encodable {
        var start: Int
        var end: Int
        var kind: Paragraph.Kind
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        let meta = document.metadata
        try c.encode(document.id, forKey: .id)
        try c.encode(document.source, forKey: .source)
        try c.encode(document.format, forKey: .format)
        try c.encode(meta.title, forKey: .title)
        try c.encode(meta.authors, forKey: .authors)
        try c.encode(meta.published?.iso8601, forKey: .published)
        try c.encode(meta.updated?.iso8601, forKey: .updated)
        try c.encode(meta.publisher, forKey: .publisher)
        try c.encode(meta.language, forKey: .language)
        try c.encode(meta.url, forKey: .url)
        try c.encode(meta.description, forKey: .description)
        // Only crawled pages (WARC records) have a fetch time; other documents leave the key out.
        try c.encodeIfPresent(meta.fetched?.iso8601, forKey: .fetched)
        try c.encode(document.text, forKey: .text)
        let offsets = CodePointOffsets(document.text)
        try c.encode(document.paragraphs.map {
            ParagraphJSON(start: offsets.codePoint(atUTF8: $0.range.lowerBound),
                          end: offsets.codePoint(atUTF8: $0.range.upperBound), kind: $0.kind)
        }, forKey: .paragraphs)
        try c.encode(document.removed, forKey: .removed)
        guard includeAnnotations else { return }
        let a = document.annotations
        let bytes = Array(document.text.utf8)
        func cp(_ r: Range<Int>) -> (Int, Int, String) {
            (offsets.codePoint(atUTF8: r.lowerBound), offsets.codePoint(atUTF8: r.upperBound),
             String(decoding: bytes[max(0, min(r.lowerBound, bytes.count))..<max(0, min(r.upperBound, bytes.count))], as: UTF8.self))
        }
        try c.encode(a.sentences.map { let (s, e, t) = cp($0.range); return SpanJSON(start: s, end: e, text: t) }, forKey: .sentences)
        try c.encode(a.mentions.map { m in
            let (s, e, t) = cp(m.range)
            return MentionJSON(start: s, end: e, text: t, type: m.type, entity: m.entity, role: m.role)
        }, forKey: .entities)
        try c.encode(a.quotes.map { q in
            let (s, e, t) = cp(q.range)
            return QuoteJSON(start: s, end: e, text: t, speaker: q.speaker, speakerName: q.speakerName, cue: q.cue, venue: q.venue)
        }, forKey: .quotes)
        try c.encode(a.times.map { x in
            let (s, e, t) = cp(x.range)
            return TimeJSON(start: s, end: e, text: t, value: x.value, unresolved: x.unresolvedReason)
        }, forKey: .times)
        try c.encode(a.claims.map { x in
            let (s, e, t) = cp(x.range)
            return ClaimJSON(start: s, end: e, text: t, score: x.score, speaker: x.speaker, kinds: x.kinds)
        }, forKey: .claims)
        try c.encode(a.terms.map { let (s, e, t) = cp($0.range); return SpanJSON(start: s, end: e, text: t) }, forKey: .terms)
    }

    /// One line of JSON (no trailing newline).
    public func line() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Indented JSON, for a single document.
    public func pretty() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .prettyPrinted]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Converts UTF-8 byte offsets in a string to Unicode code point offsets (the JSON unit), in
/// constant time per offset after one pass over the text.
public struct CodePointOffsets: Sendable {
    /// `table[i]` is the number of code points that start before byte `i`.
    private let table: [Int32]

    public init(_ text: String) {
        var table = [Int32]()
        table.reserveCapacity(text.utf8.count + 1)
        var count: Int32 = 0
        for byte in text.utf8 {
            table.append(count)
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        table.append(count)
        self.table = table
    }

    /// Code points before the UTF-8 offset (clamped to the text).
    public func codePoint(atUTF8 offset: Int) -> Int {
        Int(table[max(0, min(offset, table.count - 1))])
    }
}

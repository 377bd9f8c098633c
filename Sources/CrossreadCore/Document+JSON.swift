import Foundation

/// The document JSON contract (`crossread/1`): later stages add fields, never rename these.
/// Offsets in JSON count Unicode code points into `text`.
public struct DocumentJSON: Encodable, Sendable {
    public var document: Document

    public init(_ document: Document) { self.document = document }

    enum Key: String, CodingKey {
        case id, source, format, title, authors, published, updated, publisher, language, url,
             description, text, paragraphs, removed
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
        try c.encode(document.text, forKey: .text)
        let offsets = CodePointOffsets(document.text)
        try c.encode(document.paragraphs.map {
            ParagraphJSON(start: offsets.codePoint(atUTF8: $0.range.lowerBound),
                          end: offsets.codePoint(atUTF8: $0.range.upperBound), kind: $0.kind)
        }, forKey: .paragraphs)
        try c.encode(document.removed, forKey: .removed)
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

/// Converts UTF-8 byte offsets in a string to Unicode code point offsets (the JSON unit).
public struct CodePointOffsets: Sendable {
    private let bytes: [UInt8]

    public init(_ text: String) { bytes = Array(text.utf8) }

    /// Code points before the UTF-8 offset: every byte that is not a continuation byte starts one.
    public func codePoint(atUTF8 offset: Int) -> Int {
        var count = 0
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}

import CrossreadCore
import Foundation
import PostgresNIO

/// A document as the `document` table holds it: lists (paragraphs, authors) as JSON text, dates as
/// ISO 8601 text (so they sort and filter as in SQLite), the original bytes as `bytea`.
struct DocumentColumns: Sendable {
    var id: String
    var contentHash: String
    var source: String
    var format: String
    var original: [UInt8]
    var text: String
    var paragraphs: String
    var title: String?
    var authors: String
    var published: String?
    var updated: String?
    var publisher: String?
    var language: String?
    var url: String?
    var description: String?
    var wordCount: Int
    var annotations: String?
    var fetched: String?

    /// A paragraph as stored: explicit field names, so the JSON does not depend on how `Range`
    /// happens to encode (the same shape the SQLite library keeps).
    struct StoredParagraph: Codable {
        var start: Int
        var end: Int
        var kind: String
    }

    /// The columns a SELECT must list, in the order `init(row:)` decodes them.
    static let selectList = """
        id, content_hash, source, format, original, text, paragraphs, title, authors, published, updated,
        publisher, language, url, description, word_count, annotations, fetched
        """

    init(_ document: Document) throws {
        let encoder = JSONEncoder()
        id = document.id
        contentHash = document.contentHash
        source = document.source
        format = document.format.rawValue
        original = document.original
        text = document.text
        paragraphs = String(decoding: try encoder.encode(document.paragraphs.map {
            StoredParagraph(start: $0.range.lowerBound, end: $0.range.upperBound, kind: $0.kind.rawValue)
        }), as: UTF8.self)
        let meta = document.metadata
        title = meta.title
        authors = String(decoding: try encoder.encode(meta.authors), as: UTF8.self)
        published = meta.published?.iso8601
        updated = meta.updated?.iso8601
        publisher = meta.publisher
        language = meta.language
        url = meta.url
        description = meta.description
        wordCount = document.wordCount
        annotations = document.annotations == Annotations()
            ? nil : String(decoding: try encoder.encode(document.annotations), as: UTF8.self)
        fetched = meta.fetched?.iso8601
    }

    init(row: PostgresRow) throws {
        let (id, contentHash, source, format, original, text, paragraphs, title, authors, published) =
            try row.decode((String, String, String, String, ByteBuffer, String, String, String?, String, String?).self)
        let cells = row.makeRandomAccess()
        self.id = id
        self.contentHash = contentHash
        self.source = source
        self.format = format
        self.original = Array(original.readableBytesView)
        self.text = text
        self.paragraphs = paragraphs
        self.title = title
        self.authors = authors
        self.published = published
        updated = try cells[10].decode(String?.self)
        publisher = try cells[11].decode(String?.self)
        language = try cells[12].decode(String?.self)
        url = try cells[13].decode(String?.self)
        description = try cells[14].decode(String?.self)
        wordCount = try cells[15].decode(Int.self)
        annotations = try cells[16].decode(String?.self)
        fetched = try cells[17].decode(String?.self)
    }

    /// The text fields PostgreSQL would refuse: a `text` value cannot hold a NUL character.
    var fieldsWithNUL: [String] {
        let fields: [(String, String?)] = [("source", source), ("text", text), ("title", title), ("authors", authors),
                                          ("publisher", publisher), ("language", language), ("url", url),
                                          ("description", description), ("annotations", annotations)]
        return fields.compactMap { name, value in value?.utf8.contains(0) == true ? name : nil }
    }

    /// The document this row holds, with its removed blocks (already in order).
    func document(removed: [RemovedBlock]) throws(CrossreadError) -> Document {
        guard let format = InputFormat(rawValue: format) else { throw unreadable("unknown format \"\(format)\"") }
        let decoder = JSONDecoder()
        let storedParagraphs: [StoredParagraph]
        let storedAuthors: [String]
        do {
            storedParagraphs = try decoder.decode([StoredParagraph].self, from: Data(paragraphs.utf8))
            storedAuthors = try decoder.decode([String].self, from: Data(authors.utf8))
        } catch {
            throw unreadable("bad paragraphs or authors (\(error))")
        }
        var stored: [Paragraph] = []
        stored.reserveCapacity(storedParagraphs.count)
        for paragraph in storedParagraphs {
            guard let kind = Paragraph.Kind(rawValue: paragraph.kind), paragraph.start <= paragraph.end else {
                throw unreadable("bad paragraph \(paragraph.start)..<\(paragraph.end) \"\(paragraph.kind)\"")
            }
            stored.append(Paragraph(range: paragraph.start..<paragraph.end, kind: kind))
        }
        let metadata = DocumentMetadata(
            title: title, authors: storedAuthors, published: try date(published, "published"),
            updated: try date(updated, "updated"), publisher: publisher, language: language, url: url,
            description: description, fetched: try date(fetched, "fetched"))
        var storedAnnotations = Annotations()
        if let annotations {
            do {
                storedAnnotations = try decoder.decode(Annotations.self, from: Data(annotations.utf8))
            } catch {
                throw unreadable("bad annotations (\(error))")
            }
        }
        return Document(contentHash: contentHash, source: source, format: format, original: original,
                        text: text, paragraphs: stored, metadata: metadata, removed: removed,
                        annotations: storedAnnotations)
    }

    private func date(_ value: String?, _ field: String) throws(CrossreadError) -> PublicationDate? {
        guard let value else { return nil }
        guard let date = PublicationDate.parse(value) else { throw unreadable("bad \(field) date \"\(value)\"") }
        return date
    }

    private func unreadable(_ what: String) -> CrossreadError {
        CrossreadError(source: id, stage: .store, reason: "stored document is unreadable: \(what)")
    }
}

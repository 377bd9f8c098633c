import CrossreadCore
import Foundation
internal import GRDB

/// One row of the `document` table. Lists (paragraphs, authors) are JSON text; dates are ISO 8601
/// text, so they sort and filter in SQL.
struct DocumentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "document"

    /// Ingest order, and the rowid the search index links to. Nil until inserted.
    var seq: Int64?
    var id: String
    var contentHash: String
    var source: String
    var format: String
    var original: Data
    var text: String
    var paragraphs: [StoredParagraph]
    var title: String?
    var authors: [String]
    var published: String?
    var updated: String?
    var publisher: String?
    var language: String?
    var url: String?
    var description: String?
    var fetched: String?
    var wordCount: Int
    var ingestedAt: String
    /// Annotations as JSON, once language analysis ran.
    var annotations: String?

    enum CodingKeys: String, CodingKey {
        case seq, id, source, format, original, text, paragraphs, title, authors, published, updated,
             publisher, language, url, description, fetched, annotations
        case contentHash = "content_hash"
        case wordCount = "word_count"
        case ingestedAt = "ingested_at"
    }

    /// A paragraph as stored: explicit field names, so the JSON does not depend on how `Range`
    /// happens to encode.
    struct StoredParagraph: Codable {
        var start: Int
        var end: Int
        var kind: String
    }

    init(_ document: Document, ingestedAt: String) {
        seq = nil
        id = document.id
        contentHash = document.contentHash
        source = document.source
        format = document.format.rawValue
        original = Data(document.original)
        text = document.text
        paragraphs = document.paragraphs.map {
            StoredParagraph(start: $0.range.lowerBound, end: $0.range.upperBound, kind: $0.kind.rawValue)
        }
        let meta = document.metadata
        title = meta.title
        authors = meta.authors
        published = meta.published?.iso8601
        updated = meta.updated?.iso8601
        publisher = meta.publisher
        language = meta.language
        url = meta.url
        description = meta.description
        fetched = meta.fetched?.iso8601
        wordCount = document.wordCount
        self.ingestedAt = ingestedAt
        annotations = document.annotations == Annotations()
            ? nil : (try? JSONEncoder().encode(document.annotations)).map { String(decoding: $0, as: UTF8.self) }
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        seq = inserted.rowID
    }

    /// The document this row holds, with its removed blocks (already in order).
    func document(removed: [RemovedBlock]) throws(CrossreadError) -> Document {
        guard let format = InputFormat(rawValue: format) else { throw unreadable("unknown format \"\(format)\"") }
        var stored: [Paragraph] = []
        stored.reserveCapacity(paragraphs.count)
        for paragraph in paragraphs {
            guard let kind = Paragraph.Kind(rawValue: paragraph.kind), paragraph.start <= paragraph.end else {
                throw unreadable("bad paragraph \(paragraph.start)..<\(paragraph.end) \"\(paragraph.kind)\"")
            }
            stored.append(Paragraph(range: paragraph.start..<paragraph.end, kind: kind))
        }
        let metadata = DocumentMetadata(
            title: title, authors: authors, published: try date(published, "published"),
            updated: try date(updated, "updated"), publisher: publisher, language: language, url: url,
            description: description, fetched: try date(fetched, "fetched"))
        var storedAnnotations = Annotations()
        if let annotations {
            do {
                storedAnnotations = try JSONDecoder().decode(Annotations.self, from: Data(annotations.utf8))
            } catch {
                throw unreadable("bad annotations (\(error))")
            }
        }
        return Document(contentHash: contentHash, source: source, format: format, original: Array(original),
                        text: text, paragraphs: stored, metadata: metadata, removed: removed,
                        annotations: storedAnnotations)
    }

    /// The summary a listing shows.
    var summary: DocumentSummary {
        DocumentSummary(id: id, source: source, title: title, published: published, publisher: publisher,
                        words: wordCount)
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

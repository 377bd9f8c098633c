/// One article as Crossread knows it: where it came from, its original bytes, its clean text,
/// its metadata and the boilerplate blocks that cleaning removed.
///
/// Offsets inside a document (paragraph ranges, later every annotation span) are UTF-8 byte
/// offsets into `text`; JSON output converts them to Unicode code points at the boundary.
public struct Document: Sendable, Equatable {
    /// Short, stable identifier derived from the content hash (the first 12 hex digits).
    public var id: String { String(contentHash.prefix(12)) }
    /// SHA-256 of the original bytes, lowercase hex: the document's identity in a library.
    public var contentHash: String
    /// The path or URL the document came from (for a feed item: the feed path and the item's link).
    public var source: String
    /// The format the original was read as.
    public var format: InputFormat
    /// The original bytes, as read (after gzip decompression).
    public var original: [UInt8]
    /// Clean body text: paragraphs separated by a blank line, subheadings as their own paragraphs.
    public var text: String
    /// The paragraphs of `text`, in order, with their kind (body or subheading).
    public var paragraphs: [Paragraph]
    public var metadata: DocumentMetadata
    /// Blocks cleaning removed, in document order, each with the reason it was removed.
    public var removed: [RemovedBlock]
    /// Sentences, entities, quotes, time expressions and claims, once language analysis ran.
    public var annotations: Annotations

    public init(contentHash: String, source: String, format: InputFormat, original: [UInt8],
                text: String, paragraphs: [Paragraph], metadata: DocumentMetadata,
                removed: [RemovedBlock], annotations: Annotations = Annotations()) {
        self.contentHash = contentHash
        self.source = source
        self.format = format
        self.original = original
        self.text = text
        self.paragraphs = paragraphs
        self.metadata = metadata
        self.removed = removed
        self.annotations = annotations
    }
}

/// A paragraph of a document's clean text.
public struct Paragraph: Sendable, Equatable, Codable {
    /// UTF-8 byte range of the paragraph in the document's clean text.
    public var range: Range<Int>
    public var kind: Kind

    public enum Kind: String, Sendable, Codable {
        case body, subheading, listItem, quote, table
    }

    public init(range: Range<Int>, kind: Kind) {
        self.range = range
        self.kind = kind
    }
}

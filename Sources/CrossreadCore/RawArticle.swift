/// One article as ingest hands it on: decoded text or HTML, its original bytes, and whatever
/// metadata its container gave (a feed item's title and date, a JSON Lines record's fields).
public struct RawArticle: Sendable, Equatable {
    /// The path or URL it came from; for an item of a feed or JSON Lines file, the file path with
    /// `#N` (the item's 1-based position), or the item's link when it has one.
    public var source: String
    /// `.text` or `.html` (containers are expanded by ingest).
    public var format: InputFormat
    /// The decoded content.
    public var content: String
    /// The bytes that identify the article: the file's bytes, or the item's own bytes in a container.
    public var original: [UInt8]
    /// Metadata given by the container, which cleaning may complete but does not override.
    public var given: DocumentMetadata

    public init(source: String, format: InputFormat, content: String, original: [UInt8],
                given: DocumentMetadata = DocumentMetadata()) {
        self.source = source
        self.format = format
        self.content = content
        self.original = original
        self.given = given
    }
}

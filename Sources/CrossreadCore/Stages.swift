/// The result of cleaning one article: its body text, paragraphs, metadata and removed blocks.
public struct CleanedArticle: Sendable, Equatable {
    /// Paragraphs joined by a blank line (`"\n\n"`).
    public var text: String
    public var paragraphs: [Paragraph]
    public var metadata: DocumentMetadata
    public var removed: [RemovedBlock]
    /// True when the input held no article (a home page, an error page): `text` is then the page's
    /// main content (a listing's items, never its navigation) or empty.
    public var noArticle: Bool

    public init(text: String, paragraphs: [Paragraph], metadata: DocumentMetadata,
                removed: [RemovedBlock], noArticle: Bool = false) {
        self.text = text
        self.paragraphs = paragraphs
        self.metadata = metadata
        self.removed = removed
        self.noArticle = noArticle
    }

    /// Builds the text and paragraph ranges from kept blocks, in order.
    public init(blocks: [(text: String, kind: Paragraph.Kind)], metadata: DocumentMetadata,
                removed: [RemovedBlock], noArticle: Bool = false) {
        var text = ""
        var paragraphs: [Paragraph] = []
        var offset = 0
        for block in blocks where !block.text.isEmpty {
            if !text.isEmpty {
                text += "\n\n"
                offset += 2
            }
            text += block.text
            let length = block.text.utf8.count
            paragraphs.append(Paragraph(range: offset..<(offset + length), kind: block.kind))
            offset += length
        }
        self.init(text: text, paragraphs: paragraphs, metadata: metadata, removed: removed, noArticle: noArticle)
    }
}

/// A cleaning stage: turns one raw article into clean text with metadata.
/// Requires: a `RawArticle` of the format it handles. Produces: a `CleanedArticle`.
public protocol ArticleCleaner: Sendable {
    func clean(_ article: RawArticle) throws(CrossreadError) -> CleanedArticle
}

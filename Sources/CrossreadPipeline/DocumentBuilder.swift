import CrossreadClean
import CrossreadCore
import CrossreadHTML

/// Turns one raw article into a document: picks the cleaner for its format, keeps the metadata its
/// container gave over what cleaning found, and fills the language when nothing stated it.
public struct DocumentBuilder: Sendable {
    public var options: PipelineOptions
    private let textCleaner = TextCleaner()
    private let htmlExtractor = HTMLExtractor()

    public init(options: PipelineOptions = PipelineOptions()) {
        self.options = options
    }

    public func document(from raw: RawArticle) throws(CrossreadError) -> Document {
        let cleaned: CleanedArticle
        switch raw.format {
        case .html:
            cleaned = try htmlExtractor.clean(raw)
        default:
            cleaned = options.clean ? try textCleaner.clean(raw) : Self.uncleaned(raw.content)
        }
        var metadata = raw.given.filling(from: cleaned.metadata)
        if metadata.language == nil { metadata.language = LanguageGuess.code(for: cleaned.text) }
        return Document(contentHash: SHA256.hex(raw.original), source: raw.source, format: raw.format,
                        original: raw.original, text: cleaned.text, paragraphs: cleaned.paragraphs,
                        metadata: metadata, removed: cleaned.removed)
    }

    /// Text taken as already clean: each non-blank line is a paragraph, nothing is removed.
    static func uncleaned(_ content: String) -> CleanedArticle {
        var blocks: [(text: String, kind: Paragraph.Kind)] = []
        for line in content.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { blocks.append((String(trimmed), .body)) }
        }
        return CleanedArticle(blocks: blocks, metadata: DocumentMetadata(), removed: [])
    }
}

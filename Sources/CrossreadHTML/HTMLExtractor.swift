import CrossreadCore

/// Extracts an HTML page's main article text and metadata through libxml2: one walk over the tree
/// collects blocks, hints and metadata sources; scoring picks the article container.
public struct HTMLExtractor: ArticleCleaner {
    /// Every setting of extraction, with defaults in code.
    public struct Options: Sendable, Codable, Equatable {
        /// Larger inputs are refused with an error.
        public var maximumInputBytes = 64 << 20
        /// The walk stops after this many elements (the page is then treated as truncated).
        public var maximumElements = 2_000_000
        /// Deeper elements are not entered.
        public var maximumDepth = 512
        /// How much a character of boilerplate weighs against a character of paragraph text.
        public var badWeight: Float = 1.0
        /// A boilerplate hint is ignored on an element holding more than this share of the page's
        /// paragraph text (a "has-sidebar" wrapper around the article).
        public var hintOverrideShare: Float = 0.6
        /// Less paragraph text than this (in characters) is no article.
        public var minimumArticleChars: Float = 150
        /// At most this many removed blocks are recorded.
        public var maximumRemovedBlocks = 300
        /// libxml2 `htmlParserOption` bits.
        public var parserOptions: Int32 = ParsedHTML.defaultOptions

        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    public func clean(_ article: RawArticle) throws(CrossreadError) -> CleanedArticle {
        var content = article.content
        let count = content.utf8.count
        guard count <= options.maximumInputBytes else {
            throw CrossreadError(source: article.source, stage: .extract,
                                 reason: "HTML page of \(count) bytes is over the limit of \(options.maximumInputBytes)")
        }
        let result = content.withUTF8 { buffer in
            extract(utf8: UnsafeRawBufferPointer(buffer), source: article.source)
        }
        var cleaned = result
        cleaned.metadata = article.given.filling(from: result.metadata)
        return cleaned
    }

    /// Extracts from UTF-8 bytes (`encoding` nil: let libxml2 follow the page's charset).
    public func extract(utf8 bytes: UnsafeRawBufferPointer, source: String, encoding: String? = "UTF-8") -> CleanedArticle {
        var parserOptions = options.parserOptions
        if encoding == nil { parserOptions &= ~ParsedHTML.ignoreEncodingOption }
        guard let parsed = ParsedHTML(bytes: bytes, encoding: encoding, options: parserOptions) else {
            return CleanedArticle(text: "", paragraphs: [], metadata: DocumentMetadata(), removed: [], noArticle: true)
        }
        let page = PageScanner(maxElements: options.maximumElements, maxDepth: options.maximumDepth).scan(parsed.document)
        return assemble(page, source: source)
    }

    func assemble(_ page: PageModel, source: String) -> CleanedArticle {
        let found = MetadataExtractor().extract(page, source: source)
        let selection = ContentSelector(options: options).select(page, title: found.metadata.title)
        var removed = selection.removed
        if let heading = found.heading, !removed.contains(where: { $0.kind == .headline }) {
            removed.insert(RemovedBlock(kind: .headline, text: heading), at: 0)
        }
        return CleanedArticle(blocks: selection.blocks, metadata: found.metadata, removed: removed,
                              noArticle: selection.noArticle)
    }
}

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
        public var badWeight: Float = 0.85
        /// The share of a boilerplate-hinted subtree's characters that counts against its parent
        /// (hinted subtrees are cut from the output, so they cost a container little).
        public var hintedBadWeight: Float = 0.15
        /// Extra boilerplate weight of a linked line of headline length (a teaser of another page).
        public var linkedTitlePenalty: Float = 50
        /// The share of a list item's paragraph text that counts as article text.
        public var listItemGoodShare: Float = 0.5
        /// The container moves up to its parent while the parent keeps this share of its score.
        public var climbScoreShare: Float = 0.85
        /// It also moves up to a parent with this many times its paragraph text that keeps at least
        /// `climbWeakScoreShare` of its score.
        public var climbGoodFactor: Float = 2.0
        public var climbWeakScoreShare: Float = 0.4
        /// A thread: at least `minimumPosts` elements of the container's tag and class, holding together
        /// `postsGoodFactor` times its paragraph text and `postsShareOfAncestor` of their common
        /// ancestor's, are all taken (the posts, without what lies between them).
        public var minimumPosts = 3
        public var postsGoodFactor: Float = 1.5
        public var postsShareOfAncestor: Float = 0.6
        /// The container is no post when it holds more than this many times the longest other's text.
        public var postLengthRatio: Float = 3
        /// A page with no article yields its main content (a listing's items) when that holds at least
        /// this many characters; lines shorter than `listingShortLineChars` count against an element.
        public var listingMinimumChars: Float = 200
        public var listingShortLineChars: Float = 12
        /// A page that does not declare itself an article, whose article holds fewer characters than
        /// this, yields its main content instead when that is `listingFactor` times longer.
        public var listingShortArticleChars = 500
        public var listingFactor = 3
        /// An article of any length on such a page gives way to main content this many times longer
        /// (one section of a service or documentation page).
        public var listingScrapFactor = 5
        /// How many blocks before the container the headline may be for a lead to be taken along.
        public var leadWindow = 12
        /// The share of a short, unlinked, unpunctuated block's characters that counts as boilerplate.
        public var shortTextBadWeight: Float = 0.25
        /// A boilerplate hint is ignored on an element holding more than this share of the page's
        /// paragraph text (a "has-sidebar" wrapper around the article).
        public var hintOverrideShare: Float = 0.6
        /// A chrome class word names the page's layout only when it sits on at least this many separate
        /// elements holding paragraph text.
        public var layoutWordElements = 4
        /// A best container inside boilerplate with less paragraph text than this is no article.
        public var boilerplateArticleChars: Float = 100
        /// Less paragraph text than this (in characters) is no article.
        public var minimumArticleChars: Float = 80
        /// The same floor for a page that declares itself an article (JSON-LD, og:type).
        public var minimumDeclaredArticleChars: Float = 40
        /// JSON-LD `articleBody` replaces the visible body when it has at least this many characters
        /// and is `structuredBodyFactor` times longer than what the page shows.
        public var structuredBodyMinimumChars = 500
        public var structuredBodyFactor: Double = 3.0
        /// At most this many removed blocks are recorded.
        public var maximumRemovedBlocks = 300
        /// libxml2 `htmlParserOption` bits.
        public var parserOptions: Int32 = ParserOptions.defaults

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
        guard let page = scan(bytes, encoding: encoding) else {
            return CleanedArticle(text: "", paragraphs: [], metadata: DocumentMetadata(), removed: [], noArticle: true)
        }
        var article = assemble(page, source: source)
        // No date in the metadata, the markup or the address: one kept in the scripts' data.
        if article.metadata.published == nil { article.metadata.published = EmbeddedDates.find(in: bytes) }
        return article
    }

    /// The page model, straight from libxml2's parse events (no tree is built).
    func scan(_ bytes: UnsafeRawBufferPointer, encoding: String?) -> PageModel? {
        var parserOptions = options.parserOptions
        if encoding == nil { parserOptions &= ~ParserOptions.ignoreEncoding }
        return PageScanner(maxElements: options.maximumElements, maxDepth: options.maximumDepth)
            .scan(bytes, encoding: encoding, options: parserOptions)
    }

    /// A readable account of how a page was read: the best candidate containers with their
    /// tags, hints and scores, and every block with its role and whether it was kept.
    public func explain(utf8 bytes: UnsafeRawBufferPointer, source: String, encoding: String? = "UTF-8") -> String {
        guard let page = scan(bytes, encoding: encoding) else { return "unparsable" }
        let found = MetadataExtractor().extract(page, source: source)
        let selection = select(page, found: found)
        var lines: [String] = []
        func path(_ element: Int32) -> String {
            var parts: [String] = []
            var index = Int(element)
            while index >= 0 && parts.count < 6 {
                let item = page.elements[index]
                parts.append("\(item.tag)#\(index)" + (item.hint == .none ? "" : "[\(item.hint)]"))
                index = Int(item.parent)
            }
            return parts.reversed().joined(separator: ">")
        }
        lines.append("title: \(found.metadata.title ?? "-") | authors: \(found.metadata.authors) | published: \(found.metadata.published?.iso8601 ?? "-")")
        for candidate in selection.candidates {
            let element = page.elements[Int(candidate.element)]
            lines.append(String(format: "candidate %8.0f  ", candidate.score) + path(candidate.element)
                         + "  blocks \(element.firstBlock)..<\(element.endBlock)")
        }
        for mark in page.marks where mark.kind != .h1 {
            lines.append("mark \(mark.kind) \(path(mark.element)): \(page.string(mark).prefix(90))")
        }
        let kept = Set(selection.blocks.map(\.text))
        for (index, block) in page.blocks.enumerated() {
            let text = page.string(block)
            let mark = kept.contains(text) ? "+" : "-"
            lines.append("\(mark) \(index) \(block.role) c\(block.chars) l\(block.linkChars) \(path(block.element)): \(text.prefix(90))")
        }
        return lines.joined(separator: "\n")
    }

    /// A page whose visible body is missing or a stub (rendered by scripts, cut by a paywall) may
    /// still carry the whole text in JSON-LD `articleBody`: use it when it is much longer.
    func useStructuredBodyIfRicher(_ selection: inout ContentSelector.Selection, facts: JSONLDReader.Facts) {
        guard let body = facts.articleBody, body.count >= options.structuredBodyMinimumChars else { return }
        let visible = selection.blocks.reduce(0) { $0 + $1.text.count }
        guard Double(body.count) > Double(visible) * options.structuredBodyFactor else { return }
        let paragraphs = HTMLEntities.decode(body).split(whereSeparator: \.isNewline).map { String($0).collapsingSpaces }
            .filter { !$0.isEmpty }
        guard !paragraphs.isEmpty else { return }
        selection.blocks = paragraphs.map { ($0, Paragraph.Kind.body) }
        selection.noArticle = false
    }

    /// The article selection; replies marked as comments may be a thread's posts unless the page
    /// declares a story (and not a discussion) in JSON-LD.
    func select(_ page: PageModel, found: MetadataExtractor.Found) -> ContentSelector.Selection {
        ContentSelector(options: options).select(page, title: found.metadata.title, isArticlePage: found.isArticlePage,
                                                 commentsMayBePosts: !found.facts.declaresArticle || found.facts.declaresDiscussion)
    }

    /// A page with no article, or with a scrap of one while it declares none (a short text, or a
    /// section far from the headline), yields its main content with the not-an-article flag when
    /// that is several times longer: never its navigation, else nothing.
    func useMainContentWithoutArticle(_ selection: inout ContentSelector.Selection, page: PageModel,
                                      found: MetadataExtractor.Found) {
        let articleChars = selection.blocks.reduce(0) { $0 + $1.text.utf8.count }
        let isShort = articleChars < options.listingShortArticleChars
        let isStraySection = options.listingScrapFactor > 0 && !selection.headlineLeadsArticle
        guard selection.noArticle || (!found.isArticlePage && (isShort || isStraySection)) else { return }
        let listing = ContentSelector(options: options).listingBlocks(page)
        let listingChars = listing.reduce(0) { $0 + $1.text.utf8.count }
        if selection.noArticle {
            selection.blocks = listing
        } else if isShort && listingChars >= options.listingFactor * articleChars
                    || isStraySection && listingChars >= options.listingScrapFactor * articleChars {
            selection.blocks = listing
            selection.noArticle = true
        }
    }

    func assemble(_ page: PageModel, source: String) -> CleanedArticle {
        let extractor = MetadataExtractor()
        var found = extractor.extract(page, source: source)
        var selection = select(page, found: found)
        extractor.resolveDates(&found, page: page, anchor: selection.anchorBlock, source: source)
        useStructuredBodyIfRicher(&selection, facts: found.facts)
        useMainContentWithoutArticle(&selection, page: page, found: found)
        var removed = selection.removed
        if let heading = found.heading, !removed.contains(where: { $0.kind == .headline }) {
            removed.insert(RemovedBlock(kind: .headline, text: heading), at: 0)
        }
        return CleanedArticle(blocks: selection.blocks, metadata: found.metadata, removed: removed,
                              noArticle: selection.noArticle)
    }
}

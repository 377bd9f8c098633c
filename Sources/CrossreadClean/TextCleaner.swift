import CrossreadCore

/// Cleans plain text scraped from a web page: keeps the article's paragraphs and subheadings,
/// moves headline, byline, dates and publisher into metadata, and records every removed line
/// (ads, captions, related links, comments, menus, appeals, bios, legal notices) with its kind.
///
///     text ─▶ lines ─▶ measurements ─▶ kinds (BlockClassifier) ─▶ metadata (MetadataFinder)
///          ─▶ CleanedArticle(blocks:metadata:removed:)
///
/// Works on UTF-8 bytes; a 50 MB text takes seconds in a release build.
public struct TextCleaner: ArticleCleaner {
    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Cleans a plain-text article. Metadata the container gave wins over what cleaning finds.
    public func clean(_ article: RawArticle) throws(CrossreadError) -> CleanedArticle {
        guard article.format == .text else {
            throw CrossreadError(source: article.source, stage: .clean,
                                 reason: "the text cleaner reads plain text, not \(article.format.rawValue)")
        }
        var cleaned = clean(text: article.content)
        cleaned.metadata = article.given.filling(from: cleaned.metadata)
        return cleaned
    }

    /// Cleans plain text.
    public func clean(text: String) -> CleanedArticle {
        var text = text
        return text.withUTF8 { clean(bytes: $0) }
    }

    /// The kind of every non-blank line of `text`, with the body model's log-odds and the
    /// line's text: what `clean` decides before lines are joined. For inspection and evaluation.
    public func classifyLines(text: String) -> [(kind: BlockKind, score: Double, text: String)] {
        var text = text
        return text.withUTF8 { bytes in
            let page = PageAnalysis(bytes)
            let decision = classifier.classify(page, bytes)
            var kinds = decision.kinds
            _ = MetadataFinder(page: page, bytes: bytes, hard: decision.hard).find(&kinds)
            return page.lines.indices.map { i in
                (kinds[i], decision.logits[i],
                 String(decoding: UnsafeBufferPointer(rebasing: bytes[page.lines[i].start..<page.lines[i].end]), as: UTF8.self))
            }
        }
    }

    private var classifier: BlockClassifier {
        BlockClassifier(model: options.model, switchCost: options.switchCost, bias: options.bias,
                        joinGap: options.joinGap, farShare: options.farShare)
    }

    private func clean(bytes: UnsafeBufferPointer<UInt8>) -> CleanedArticle {
        let page = PageAnalysis(bytes)
        let decision = classifier.classify(page, bytes)
        var kinds = decision.kinds
        var metadata = MetadataFinder(page: page, bytes: bytes, hard: decision.hard).find(&kinds)

        var blocks: [(text: String, kind: Paragraph.Kind)] = []
        var removed: [RemovedBlock] = []
        var pendingKind: BlockKind?
        var pendingLines: [String] = []
        func flushRemoved() {
            if let kind = pendingKind { removed.append(RemovedBlock(kind: kind, text: pendingLines.joined(separator: "\n"))) }
            pendingKind = nil
            pendingLines.removeAll()
        }
        for (i, line) in page.lines.enumerated() {
            let kind = kinds[i]
            switch kind {
            case .body, .subheading:
                flushRemoved()
                let keptStart = line.bullet && options.stripBullets ? line.contentStart : line.start
                guard keptStart < line.end else { continue }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[keptStart..<line.end]), as: UTF8.self)
                let paragraphKind: Paragraph.Kind = kind == .subheading ? .subheading
                    : (line.bullet || line.numbered ? .listItem : .body)
                blocks.append((text, paragraphKind))
            default:
                if pendingKind != kind { flushRemoved() }
                pendingKind = kind
                pendingLines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[line.start..<line.end]), as: UTF8.self))
            }
        }
        flushRemoved()
        let bodyText = blocks.map(\.text).joined(separator: "\n")
        metadata.language = LanguageGuess.code(for: bodyText) ?? page.language
        let noArticle = !blocks.contains { $0.kind != .subheading }
        return CleanedArticle(blocks: noArticle ? [] : blocks, metadata: metadata, removed: removed,
                              noArticle: noArticle)
    }
}

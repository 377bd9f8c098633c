import CrossreadCore

extension FeedReader {
    /// Entries of an Atom feed; an entry without its own author takes the feed's.
    func atomEntries(_ root: FeedNode) -> [FeedItem] {
        var feedMetadata = DocumentMetadata()
        feedMetadata.publisher = root.child(named: "title").flatMap(FeedReader.atomPlainText)
        feedMetadata.language = FeedReader.languageCode(root.language)
        let feedAuthors = root.children(named: "author").compactMap { $0.child(named: "name")?.collapsedText }
        return root.children(named: "entry").map { entry in
            var item = atomEntry(entry, feed: feedMetadata)
            if item.metadata.authors.isEmpty { item.metadata.authors = feedAuthors }
            return item
        }
    }

    private func atomEntry(_ node: FeedNode, feed: DocumentMetadata) -> FeedItem {
        var metadata = feed
        metadata.language = FeedReader.languageCode(node.language) ?? feed.language
        var content: (String, InputFormat)?
        var summary: (String, InputFormat)?
        var alternate: String?
        var firstLink: String?
        var id: String?
        for child in node.children {
            switch child.localName {
            case "title":
                metadata.title = metadata.title ?? FeedReader.atomPlainText(child)
            case "link":
                guard let href = child.attribute("href")?.trimmingSpaces, !href.isEmpty else { break }
                let rel = child.attribute("rel")?.lowercased() ?? "alternate"
                if rel == "alternate", alternate == nil || child.attribute("type")?.contains("html") == true {
                    alternate = href
                }
                if firstLink == nil { firstLink = href }
            case "id":
                id = child.collapsedText
            case "published", "issued", "created", "date":
                if metadata.published == nil, let text = child.collapsedText { metadata.published = PublicationDate.parse(text) }
            case "updated", "modified":
                if metadata.updated == nil, let text = child.collapsedText { metadata.updated = PublicationDate.parse(text) }
            case "author", "creator":
                if let name = child.child(named: "name")?.collapsedText ?? child.collapsedText {
                    if !metadata.authors.contains(name) { metadata.authors.append(name) }
                }
            case "content", "encoded":
                if child.attribute("src") == nil { content = FeedReader.atomText(child) }
            case "summary", "description":
                summary = FeedReader.atomText(child)
            default:
                break
            }
        }
        metadata.url = alternate ?? firstLink
            ?? id.flatMap { $0.hasPrefix("http://") || $0.hasPrefix("https://") ? $0 : nil }
        if metadata.published == nil { metadata.published = metadata.updated }

        var body: (content: String, format: InputFormat)?
        if let content, !content.0.allSatisfy(\.isWhitespace) {
            body = content
            if let summary, !summary.0.allSatisfy(\.isWhitespace) {
                metadata.description = summary.1 == .html ? MarkupText.plain(summary.0) : summary.0.trimmingSpaces
            }
        } else if let summary, !summary.0.allSatisfy(\.isWhitespace) {
            body = summary
        }
        return FeedItem(body: body.map { ($0.content.trimmingSpaces, $0.format) }, metadata: metadata,
                        original: node.serialized)
    }

    /// An Atom text construct: `type="html"` is escaped HTML, `type="xhtml"` is inline markup,
    /// `text` (the default) is plain text.
    static func atomText(_ node: FeedNode) -> (String, InputFormat) {
        let type = node.attribute("type")?.lowercased() ?? "text"
        if type == "xhtml" || type.hasSuffix("xml") {
            let inner = node.child(named: "div")?.innerMarkup ?? node.innerMarkup
            return (inner, .html)
        }
        if type == "html" || type.contains("html") {
            return (node.text, .html)
        }
        let text = node.text
        // Plain-text type but markup inside happens in the wild (RSS-minded feeds).
        return (text, type == "text" && MarkupText.looksLikeHTML(text) && text.contains("</") ? .html : .text)
    }

    static func atomPlainText(_ node: FeedNode) -> String? {
        let (text, format) = atomText(node)
        let plain = format == .html ? MarkupText.plain(text) : text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return plain.isEmpty ? nil : plain
    }
}

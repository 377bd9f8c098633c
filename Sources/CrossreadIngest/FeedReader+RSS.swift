import CrossreadCore

extension FeedReader {
    /// Items of an RSS 2.0 channel, or of an RSS 1.0 document (items beside the channel).
    func rssItems(_ root: FeedNode) -> [FeedItem] {
        let channel = root.child(named: "channel")
        var channelMetadata = DocumentMetadata()
        channelMetadata.publisher = channel?.child(named: "title")?.collapsedText.map(MarkupText.plain)
        channelMetadata.language = FeedReader.languageCode(channel?.child(named: "language")?.collapsedText
                                                           ?? root.language)
        let itemNodes = (channel?.children(named: "item") ?? []) + root.children(named: "item")
        return itemNodes.map { rssItem($0, channel: channelMetadata) }
    }

    private func rssItem(_ node: FeedNode, channel: DocumentMetadata) -> FeedItem {
        var metadata = channel
        var fullContent: String?
        var description: String?
        var summaryFromAtom: (String, InputFormat)?
        var guid: String?
        for child in node.children where FeedReader.isCoreRSSElement(child) {
            switch child.localName {
            case "title":
                metadata.title = metadata.title ?? child.collapsedText.map(MarkupText.plain)
            case "link":
                if metadata.url == nil {
                    metadata.url = child.collapsedText ?? child.attribute("href")
                }
            case "guid":
                guid = child.collapsedText
                if child.attribute("isPermaLink")?.lowercased() == "false" { guid = nil }
            case "pubDate", "date", "published", "issued", "created":
                if metadata.published == nil, let text = child.collapsedText { metadata.published = PublicationDate.parse(text) }
            case "updated", "modified":
                if metadata.updated == nil, let text = child.collapsedText { metadata.updated = PublicationDate.parse(text) }
            case "author", "creator":
                if let name = child.child(named: "name")?.collapsedText ?? child.collapsedText.map(FeedReader.rssAuthorName) {
                    if !metadata.authors.contains(name) { metadata.authors.append(name) }
                }
            case "encoded":
                if child.matches("encoded", namespaceHint: "content", prefixHint: "content") {
                    fullContent = child.text
                }
            case "description":
                description = child.text
            case "content", "summary":
                // Atom elements some RSS feeds carry.
                if summaryFromAtom == nil || child.localName == "content" {
                    summaryFromAtom = FeedReader.atomText(child)
                }
            default:
                break
            }
        }
        if metadata.url == nil, let guid, guid.hasPrefix("http://") || guid.hasPrefix("https://") {
            metadata.url = guid
        }
        if metadata.published == nil { metadata.published = metadata.updated }

        var body: (content: String, format: InputFormat)?
        if let fullContent, !fullContent.allSatisfy(\.isWhitespace) {
            body = (fullContent, MarkupText.looksLikeHTML(fullContent) ? .html : .text)
            if let description, !description.allSatisfy(\.isWhitespace) {
                metadata.description = MarkupText.plain(description)
            }
        } else if let (content, format) = summaryFromAtom, !content.allSatisfy(\.isWhitespace) {
            body = (content, format)
        } else if let description, !description.allSatisfy(\.isWhitespace) {
            body = (description, MarkupText.looksLikeHTML(description) ? .html : .text)
        }
        return FeedItem(body: body.map { ($0.content.trimmingSpaces, $0.format) }, metadata: metadata,
                        original: node.serialized)
    }

    /// Elements of RSS itself, Dublin Core, the content module or Atom; extension namespaces
    /// (Media RSS, iTunes, Slash) are skipped so their `title` or `content` does not stand in.
    static func isCoreRSSElement(_ node: FeedNode) -> Bool {
        guard let prefix = node.prefix else { return true }
        if let uri = node.namespaceURI {
            return uri.contains("purl.org/dc/") || uri.contains("purl.org/rss/") || uri.contains("2005/Atom")
        }
        return ["dc", "dcterms", "content", "atom", "a10"].contains(prefix.lowercased())
    }

    /// RSS `author` is often `editor@example.com (Jane Doe)`: the name in parentheses, else the text.
    static func rssAuthorName(_ text: String) -> String {
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close,
           text[..<open].contains("@") {
            let name = text[text.index(after: open)..<close].trimmingSpaces
            if !name.isEmpty { return name }
        }
        return text
    }

    /// `en-US` -> `en`; nil for anything that is not a language tag.
    static func languageCode(_ tag: String?) -> String? {
        guard let tag else { return nil }
        let primary = tag.trimmingSpaces.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return nil }
        return primary
    }
}

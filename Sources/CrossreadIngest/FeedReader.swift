import CLibXML2
import CrossreadCore

/// Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed through libxml2: every item or entry becomes an
/// article with its link, title, dates, authors and the channel's title as publisher. A feed with
/// XML errors still yields the items libxml2 recovered, then one failure saying what was wrong.
struct FeedReader {
    let source: String
    let maxArticleBytes: Int

    /// `utf8` is the whole feed, already decoded to UTF-8 (its own encoding declaration is ignored).
    func read(_ utf8: [UInt8], _ handle: (IngestEvent) throws -> Void) rethrows {
        _ = FeedReader.libxml2Initialized
        let bytes = FeedEntityRepair.repair(utf8) ?? utf8
        guard !bytes.isEmpty else { return try handle(.failure(IngestFailure.emptyFile.error(source: source))) }
        guard let context = xmlNewParserCtxt() else {
            return try handle(.failure(IngestFailure.malformedFeed("libxml2 could not start").error(source: source)))
        }
        defer { xmlFreeParserCtxt(context) }
        let options = XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_IGNORE_ENC.rawValue
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                xmlCtxtReadMemory(context, base, Int32(clamping: buffer.count), source, "UTF-8", Int32(options))
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        guard let document, let rootPointer = xmlDocGetRootElement(document) else {
            return try handle(.failure(IngestFailure.malformedFeed(lastError(context) ?? "no root element")
                .error(source: source)))
        }
        let root = FeedNode(pointer: rootPointer)
        let items: [FeedItem]
        switch root.localName.lowercased() {
        case "rss", "rdf":
            items = rssItems(root)
        case "feed":
            items = atomEntries(root)
        default:
            return try handle(.failure(IngestFailure.notAFeed(root: root.localName).error(source: source)))
        }
        for (offset, item) in items.enumerated() {
            try handle(event(for: item, number: offset + 1))
        }
        if context.pointee.wellFormed == 0 {
            let detail = (lastError(context) ?? "not well-formed XML") + "; \(items.count) items read"
            try handle(.failure(IngestFailure.malformedFeed(detail).error(source: source)))
        } else if items.isEmpty {
            try handle(.failure(IngestFailure.malformedFeed("no items or entries").error(source: source)))
        }
    }

    private func event(for item: FeedItem, number: Int) -> IngestEvent {
        guard let body = item.body else {
            return .failure(IngestFailure.itemWithoutContent(item: number).error(source: source))
        }
        let size = body.content.utf8.count
        if size > maxArticleBytes {
            return .failure(IngestFailure.itemTooLarge(item: number, bytes: size, limit: maxArticleBytes)
                .error(source: source))
        }
        let itemSource = item.metadata.url ?? "\(source)#\(number)"
        return .article(RawArticle(source: itemSource, format: body.format, content: body.content,
                                   original: item.original, given: item.metadata))
    }

    /// libxml2 must be initialized once before threads use it; a global is initialized exactly once.
    private static let libxml2Initialized: Void = xmlInitParser()

    private func lastError(_ context: xmlParserCtxtPtr) -> String? {
        let error = context.pointee.lastError
        guard error.code != 0, let message = error.message else { return nil }
        let text = String(cString: message).trimmingSpaces
        return error.line > 0 ? "line \(error.line): \(text)" : text
    }
}

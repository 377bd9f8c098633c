import CrossreadCore

/// Reads a page's metadata from its sources in trust order: JSON-LD, OpenGraph and meta tags,
/// then the markup (h1, rel=author, `<time>`), then the URL and the visible text.
struct MetadataExtractor {
    /// Everything found, before the article container is known.
    struct Found {
        var metadata: DocumentMetadata
        var facts: JSONLDReader.Facts
        var isArticlePage: Bool
        var isListingPage: Bool
        var heading: String?
    }

    static let publishedKeys = [
        "article:published_time", "article:published", "og:article:published_time", "og:published_time",
        "datepublished", "publishdate", "publish-date", "publish_date", "published_date", "published-date",
        "published_time", "pubdate", "article.published", "sailthru.date", "parsely-pub-date",
        "cxenseparse:recs:publishtime", "originalpublicationdate", "article_date_original", "dc.date.issued",
        "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "citation_publication_date",
        "citation_date", "date", "datecreated", "article.created", "displaydate", "release_date", "live_date",
        "bt:pubdate", "dateposted", "date_published", "content_date", "creation_date", "created",
    ]
    static let modifiedKeys = [
        "article:modified_time", "og:updated_time", "article:updated_time", "datemodified", "dateupdated",
        "modified_date", "dcterms.modified", "dc.date.modified", "article.updated", "last-modified", "lastmod",
        "revised", "modified", "date_modified", "updated_time",
    ]
    static let authorKeys = [
        "author", "article:author", "og:article:author", "parsely-author", "sailthru.author", "dc.creator",
        "dcterms.creator", "byl", "citation_author", "twitter:creator:name", "authors", "article.author",
        "cxenseparse:author", "creator",
    ]

    func extract(_ page: PageModel, source: String) -> Found {
        var meta: [String: String] = [:]
        for (key, content) in page.metaTags where meta[key] == nil {
            let value = content.collapsingSpaces
            if !value.isEmpty { meta[key] = value }
        }
        var metaAuthors: [String] = []
        for (key, content) in page.metaTags where Self.authorKeys.contains(key) && !content.hasPrefix("http") {
            metaAuthors.append(content)
        }
        let facts = JSONLDReader().read(page.jsonLD)
        var metadata = DocumentMetadata()

        // Site name.
        metadata.publisher = meta["og:site_name"] ?? facts.publisher ?? facts.siteName ?? meta["application-name"]
            ?? meta["publisher"] ?? meta["dc.publisher"]

        // Title: JSON-LD headline, og:title, h1, then the cleaned <title>.
        let heading = firstHeading(page)
        let candidates: [(String?, Bool)] = [(facts.headline, false), (meta["og:title"], false),
                                              (meta["twitter:title"], false), (heading, false),
                                              (page.titleText, true)]
        for (candidate, isDocumentTitle) in candidates {
            guard let candidate = candidate?.collapsingSpaces, candidate.count >= 2 else { continue }
            let cleaned = TitleCleaner.clean(candidate, siteName: metadata.publisher, heading: heading,
                                             isDocumentTitle: isDocumentTitle)
            if !cleaned.isEmpty {
                metadata.title = cleaned
                break
            }
        }

        // Authors: JSON-LD persons, meta tags, rel=author and itemprop=author, then visible bylines.
        var authors = facts.authors.flatMap(AuthorNames.clean)
        if authors.isEmpty { authors = metaAuthors.flatMap(AuthorNames.clean) }
        if authors.isEmpty { authors = markedAuthors(page, kinds: [.authorProperty, .authorLink]) }
        if authors.isEmpty { authors = markedAuthors(page, kinds: [.bylineHint]) }
        if authors.isEmpty { authors = bylineBlockAuthors(page) }
        metadata.authors = dedupe(authors)

        // Dates: JSON-LD, meta tags, <time>, the URL, then visible datelines.
        let canonical = canonicalURL(page, meta: meta, facts: facts, source: source)
        metadata.url = canonical
        let preferMonthFirst = (language(page, meta: meta, facts: facts) ?? "en") == "en"
        metadata.published = facts.published.flatMap { DateFinder.parse($0) }
            ?? Self.publishedKeys.lazy.compactMap { meta[$0].flatMap { DateFinder.parse($0) } }.first
            ?? timeElementDate(page, preferMonthFirst: preferMonthFirst)
            ?? urlDate(canonical, source: source)
            ?? visibleDate(page, preferMonthFirst: preferMonthFirst)
        metadata.updated = facts.modified.flatMap { DateFinder.parse($0) }
            ?? Self.modifiedKeys.lazy.compactMap { meta[$0].flatMap { DateFinder.parse($0) } }.first
        if let published = metadata.published, let updated = metadata.updated, updated < published {
            metadata.updated = nil
        }

        metadata.language = language(page, meta: meta, facts: facts)
        metadata.description = meta["description"] ?? meta["og:description"] ?? meta["twitter:description"]
            ?? facts.description.map { String($0.prefix(1000)) }

        let ogType = meta["og:type"]?.lowercased()
        let isArticle = facts.declaresArticle || ogType == "article" || ogType?.hasPrefix("article") == true
            || meta["article:published_time"] != nil
        let isListing = !isArticle && (facts.declaresListing || ogType == "website")
        return Found(metadata: metadata, facts: facts, isArticlePage: isArticle, isListingPage: isListing,
                     heading: heading)
    }

    // MARK: Sources

    private func firstHeading(_ page: PageModel) -> String? {
        for mark in page.marks where mark.kind == .h1 {
            let text = page.string(mark).collapsingSpaces
            if text.count >= 3 && text.count <= 400 { return text }
        }
        return nil
    }

    private func markedAuthors(_ page: PageModel, kinds: Set<PageModel.Mark.Kind>) -> [String] {
        var names: [String] = []
        for mark in page.marks where kinds.contains(mark.kind) {
            guard !insideRelatedContent(page, element: mark.element) else { continue }
            let text = mark.attribute ?? page.string(mark)
            guard text.count <= 200 else { continue }
            names += AuthorNames.clean(text)
            if names.count >= 6 { break }
        }
        return names
    }

    /// "By Jane Doe" blocks near the top of the page (the first 40% of its blocks).
    private func bylineBlockAuthors(_ page: PageModel) -> [String] {
        let limit = max(20, page.blocks.count * 2 / 5)
        for block in page.blocks.prefix(limit) where block.chars <= 100 {
            if block.element >= 0, insideRelatedContent(page, element: block.element) { continue }
            let text = page.string(block)
            let key = BoilerplatePhrases.normalized(text)
            if BoilerplatePhrases.isByline(key) {
                let names = AuthorNames.clean(text)
                if !names.isEmpty { return names }
            }
        }
        return []
    }

    private func insideRelatedContent(_ page: PageModel, element: Int32) -> Bool {
        var index = Int(element)
        var steps = 0
        while index >= 0 && steps < 60 {
            switch page.elements[index].hint {
            case .related, .comments, .ad, .appeal: return true
            default: break
            }
            index = Int(page.elements[index].parent)
            steps += 1
        }
        return false
    }

    private func timeElementDate(_ page: PageModel, preferMonthFirst: Bool) -> PublicationDate? {
        var fallback: PublicationDate?
        for mark in page.marks where mark.kind == .time {
            guard !insideRelatedContent(page, element: mark.element) else { continue }
            let date = mark.attribute.flatMap { DateFinder.parse($0, preferMonthFirst: preferMonthFirst) }
                ?? DateFinder.parse(page.string(mark), preferMonthFirst: preferMonthFirst)
            guard let date else { continue }
            let text = page.string(mark).lowercased()
            if text.contains("updat") || text.contains("aktualisiert") || text.contains("modif") {
                if fallback == nil { fallback = date }
                continue
            }
            return date
        }
        return fallback
    }

    private func urlDate(_ canonical: String?, source: String) -> PublicationDate? {
        canonical.flatMap(DateFinder.fromURL) ?? DateFinder.fromURL(source)
    }

    /// A dateline: text in an element hinted as a date, then a short date-only block near the top.
    private func visibleDate(_ page: PageModel, preferMonthFirst: Bool) -> PublicationDate? {
        for mark in page.marks where mark.kind == .datelineHint || mark.kind == .bylineHint {
            guard !insideRelatedContent(page, element: mark.element) else { continue }
            let text = page.string(mark)
            guard text.count <= 200 else { continue }
            if let date = DateFinder.parse(text, preferMonthFirst: preferMonthFirst) { return date }
        }
        let limit = max(30, page.blocks.count / 2)
        for block in page.blocks.prefix(limit) where block.chars <= 80 {
            if block.element >= 0, insideRelatedContent(page, element: block.element) { continue }
            let text = page.string(block)
            if let date = DateFinder.parse(text, preferMonthFirst: preferMonthFirst) { return date }
        }
        return nil
    }

    private func canonicalURL(_ page: PageModel, meta: [String: String], facts: JSONLDReader.Facts,
                              source: String) -> String? {
        let canonical = page.links.first(where: { $0.rel.split(separator: " ").contains("canonical") })?.href
        guard let url = (canonical ?? meta["og:url"] ?? facts.url)?.trimmingSpaces, !url.isEmpty else { return nil }
        if url.hasPrefix("http://") || url.hasPrefix("https://") { return url }
        if url.hasPrefix("//") { return "https:" + url }
        // Relative: resolve against the source's scheme and host when the source is a URL.
        guard url.hasPrefix("/"), let schemeEnd = source.range(of: "://") else { return nil }
        let afterScheme = source[schemeEnd.upperBound...]
        let host = afterScheme.prefix { $0 != "/" }
        return String(source[..<schemeEnd.upperBound]) + host + url
    }

    private func language(_ page: PageModel, meta: [String: String], facts: JSONLDReader.Facts) -> String? {
        for candidate in [page.htmlLang, meta["content-language"], meta["og:locale"], facts.language, meta["language"],
                          meta["dc.language"]] {
            guard let value = candidate?.trimmingSpaces.lowercased() else { continue }
            let letters = value.prefix { $0.isLetter && $0.isASCII }
            if letters.count == 2 { return String(letters) }
        }
        return nil
    }

    private func dedupe(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }.prefix(10).map { $0 }
    }
}

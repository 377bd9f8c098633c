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
        var preferMonthFirst: Bool
    }

    static let publishedKeys = [
        "article:published_time", "article:published", "og:article:published_time", "og:published_time",
        "datepublished", "publishdate", "publish-date", "publish_date", "published_date", "published-date",
        "published_time", "pubdate", "article.published", "sailthru.date", "parsely-pub-date",
        "cxenseparse:recs:publishtime", "originalpublicationdate", "article_date_original", "dc.date.issued",
        "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "citation_publication_date",
        "citation_date", "date", "datecreated", "article.created", "displaydate", "release_date", "live_date",
        "bt:pubdate", "dateposted", "date_published", "content_date", "creation_date", "created", "published",
        "publication_date", "publication-date",
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

        // Title: JSON-LD headline, og:title, h1, then the cleaned <title>; never the site name alone.
        let heading = firstHeading(page, siteName: metadata.publisher)
        let headings = pageHeadings(page)
        let siteKey = metadata.publisher.map(ContentSelector.comparable) ?? ""
        let candidates: [(String?, Bool)] = [(facts.headline, false), (meta["og:title"], false),
                                              (meta["twitter:title"], false), (heading, false),
                                              (page.titleText, true)]
        for (candidate, isDocumentTitle) in candidates {
            guard let candidate = candidate.map({ HTMLEntities.decode($0).collapsingSpaces }), candidate.count >= 2 else { continue }
            let cleaned = TitleCleaner.clean(candidate, siteName: metadata.publisher, headings: headings,
                                             isDocumentTitle: isDocumentTitle)
            if !cleaned.isEmpty, siteKey.isEmpty || ContentSelector.comparable(cleaned) != siteKey {
                metadata.title = cleaned
                break
            }
        }

        metadata.authors = dedupe(authors(page, facts: facts, metaAuthors: metaAuthors, siteNames: [
            metadata.publisher, facts.publisher, facts.siteName, meta["og:site_name"],
        ]))

        // Dates: JSON-LD, meta tags, <time>, the URL, then visible datelines.
        let canonical = canonicalURL(page, meta: meta, facts: facts, source: source)
        metadata.url = canonical
        let preferMonthFirst = (language(page, meta: meta, facts: facts) ?? "en") == "en"
        metadata.published = facts.published.flatMap { DateFinder.parse($0) }
            ?? Self.publishedKeys.lazy.compactMap { meta[$0].flatMap { DateFinder.parse($0) } }.first
        metadata.updated = facts.modified.flatMap { DateFinder.parse($0) }
            ?? Self.modifiedKeys.lazy.compactMap { meta[$0].flatMap { DateFinder.parse($0) } }.first

        metadata.language = language(page, meta: meta, facts: facts)
        metadata.description = meta["description"] ?? meta["og:description"] ?? meta["twitter:description"]
            ?? facts.description.map { String($0.prefix(1000)) }

        let ogType = meta["og:type"]?.lowercased()
        let isArticle = facts.declaresArticle || ogType == "article" || ogType?.hasPrefix("article") == true
            || meta["article:published_time"] != nil
        let isListing = !isArticle && (facts.declaresListing || ogType == "website")
        return Found(metadata: metadata, facts: facts, isArticlePage: isArticle, isListingPage: isListing,
                     heading: heading, preferMonthFirst: preferMonthFirst)
    }

    /// Completes the dates once the article's first block is known: `<time>` elements and
    /// visible datelines nearest to it, then the URL. A UTC time in the small hours is often the
    /// evening before where the page was written: a visible date of the day before wins then.
    func resolveDates(_ found: inout Found, page: PageModel, anchor: Int, source: String) {
        var metadata = found.metadata
        let shown = nearbyDates(page, anchor: anchor, preferMonthFirst: found.preferMonthFirst)
        let near = shown.published
        if let published = metadata.published, published.utcOffsetMinutes == 0, let hour = published.hour,
           hour >= 22, published.minute == 0, published.second ?? 0 == 0 {
            // Local midnight in Central Europe written in UTC: the day is the next one.
            metadata.published = PublicationDate(year: published.year, month: published.month, day: published.day + 1)
                ?? PublicationDate(year: published.year, month: published.month + 1, day: 1)
                ?? PublicationDate(year: published.year + 1, month: 1, day: 1)
        }
        if metadata.published == nil {
            // No publication date anywhere: the page's last update is the best estimate of its date.
            metadata.published = near ?? urlDate(metadata.url, source: source) ?? metadata.updated ?? shown.updated
        } else if let published = metadata.published, let near,
                  Self.isDayBefore(near, published) || Self.isDayBefore(published, near) {
            // A day apart: the time zone of the stored value differs from the page's; the page's date wins.
            metadata.published = near
        }
        if let published = metadata.published, let updated = metadata.updated, updated < published {
            metadata.updated = nil
        }
        found.metadata = metadata
    }

    private static func isDayBefore(_ earlier: PublicationDate, _ later: PublicationDate) -> Bool {
        guard let next = PublicationDate(year: earlier.year, month: earlier.month, day: earlier.day + 1)
                ?? PublicationDate(year: earlier.year, month: earlier.month + 1, day: 1)
                ?? PublicationDate(year: earlier.year + 1, month: 1, day: 1) else { return false }
        return next.day8601 == later.day8601
    }

    // MARK: Sources

    /// A person first: JSON-LD persons, meta tags, rel=author and itemprop=author, links to an
    /// author's page, then visible bylines. Only when no source names a person, the name the page
    /// credits instead: the site's own name given as author (a personal site, a company blog), or an
    /// organization, team or desk from JSON-LD or meta tags.
    private func authors(_ page: PageModel, facts: JSONLDReader.Facts, metaAuthors: [String],
                         siteNames: [String?]) -> [String] {
        let siteKeys = Set(siteNames.compactMap { $0.map(ContentSelector.comparable) }.filter { !$0.isEmpty })
        var credited: [String] = []
        func people(_ names: [String]) -> [String] {
            let persons = names.filter { !siteKeys.contains(ContentSelector.comparable($0)) }
            if persons.isEmpty && credited.isEmpty { credited = names }
            return persons
        }
        var authors = people(facts.authors.flatMap { AuthorNames.clean($0, trusted: true) })
        if authors.isEmpty { authors = people(metaAuthors.flatMap { AuthorNames.clean($0, trusted: true) }) }
        if authors.isEmpty { authors = people(markedAuthors(page, kinds: [.authorProperty, .authorLink])) }
        if authors.isEmpty { authors = people(markedAuthors(page, kinds: [.authorPageLink])) }
        if authors.isEmpty { authors = people(markedAuthors(page, kinds: [.bylineHint])) }
        if authors.isEmpty { authors = people(bylineBlockAuthors(page)) }
        if authors.isEmpty { authors = credited }
        if authors.isEmpty {
            authors = (facts.authorOrganizations + facts.authors + metaAuthors).compactMap(AuthorNames.collective).prefix(1).map { $0 }
        }
        return authors
    }

    /// The first h1 that is not the site's logo (fully linked, or the site name).
    private func firstHeading(_ page: PageModel, siteName: String?) -> String? {
        let siteKey = siteName.map(ContentSelector.comparable) ?? ""
        for mark in page.marks where mark.kind == .h1 {
            let text = page.string(mark).collapsingSpaces
            guard text.count >= 3 && text.count <= 400 else { continue }
            if !siteKey.isEmpty && ContentSelector.comparable(text) == siteKey { continue }
            if let block = page.blocks.first(where: { $0.element == mark.element }), block.linkChars * 5 >= block.chars * 4 {
                continue
            }
            return text
        }
        return nil
    }

    /// Texts of the page's h1 to h3 headings, for matching a part of the document title.
    private func pageHeadings(_ page: PageModel) -> [String] {
        var headings: [String] = []
        for block in page.blocks where block.role == .heading && block.headingLevel <= 3 && block.chars <= 300 {
            headings.append(page.string(block))
            if headings.count >= 60 { break }
        }
        return headings
    }

    private func markedAuthors(_ page: PageModel, kinds: Set<PageModel.Mark.Kind>) -> [String] {
        var names: [String] = []
        for mark in page.marks where kinds.contains(mark.kind) {
            guard !insideRelatedContent(page, element: mark.element) else { continue }
            let text = mark.attribute ?? page.string(mark)
            guard text.count <= 200 else { continue }
            names = AuthorNames.clean(text, trusted: mark.kind != .bylineHint)
            if !names.isEmpty { break }
        }
        return names
    }

    /// "By Jane Doe" blocks (or a "Written by" label and the name below it) in the first 60% of the page.
    private func bylineBlockAuthors(_ page: PageModel) -> [String] {
        let limit = max(20, page.blocks.count * 3 / 5)
        for (index, block) in page.blocks.prefix(limit).enumerated() where block.chars <= 100 {
            if block.element >= 0, insideRelatedContent(page, element: block.element) || insideNavigation(page, element: block.element) {
                continue
            }
            let text = page.string(block)
            let key = BoilerplatePhrases.normalized(text)
            if BoilerplatePhrases.isByline(key) {
                let names = AuthorNames.clean(text)
                if !names.isEmpty { return names }
            }
            // A label on its own line with the name on the next: "Written by" / "Jane Doe".
            if BoilerplatePhrases.isBylineLabel(key), index + 1 < page.blocks.count {
                let next = page.blocks[index + 1]
                guard next.chars <= 60, next.role != .heading else { continue }
                let names = AuthorNames.clean(page.string(next))
                if !names.isEmpty { return names }
            }
        }
        return []
    }

    /// Inside a related-stories, comments, ad or appeal box; a related, ad or appeal box holding most
    /// of the page is a wrapper with a misleading class, not such a box (comments stay comments, however
    /// long the thread).
    private func insideRelatedContent(_ page: PageModel, element: Int32) -> Bool {
        var index = Int(element)
        var steps = 0
        let pageBlocks = page.blocks.count
        while index >= 0 && steps < 60 {
            let element = page.elements[index]
            switch element.hint {
            case .comments:
                return true
            case .related, .ad, .appeal:
                if Int(element.endBlock - element.firstBlock) * 2 < pageBlocks { return true }
            default: break
            }
            index = Int(page.elements[index].parent)
            steps += 1
        }
        return false
    }

    /// Inside the site's navigation (`<nav>`, `<menu>`): "By Role", "By Industry" are menu groups there.
    private func insideNavigation(_ page: PageModel, element: Int32) -> Bool {
        var index = Int(element)
        var steps = 0
        while index >= 0 && steps < 60 {
            if page.elements[index].tag == .nav || page.elements[index].tag == .menu { return true }
            index = Int(page.elements[index].parent)
            steps += 1
        }
        return false
    }

    private func urlDate(_ canonical: String?, source: String) -> PublicationDate? {
        canonical.flatMap(DateFinder.fromURL) ?? DateFinder.fromURL(source)
    }

    /// The date nearest the article's start: `<time>` elements first, then marked datelines and
    /// bylines, then short blocks with a date (a cue word like "Datum" or "Published" helps). A line
    /// that gives an update ("Updated ...") counts apart: the nearest one is returned as `updated`.
    private func nearbyDates(_ page: PageModel, anchor: Int, preferMonthFirst: Bool)
        -> (published: PublicationDate?, updated: PublicationDate?) {
        var best: (distance: Int, date: PublicationDate)?
        var bestUpdate: (distance: Int, date: PublicationDate)?
        func consider(_ date: PublicationDate?, at block: Int, bonus: Int, isUpdate: Bool = false) {
            guard let date, DateFinder.plausible(date) else { return }
            // Dates before the article's start are closer than those after it (datelines sit above).
            let raw = block - anchor
            let distance = (raw < 0 ? -raw : raw * 2) - bonus
            if isUpdate {
                if bestUpdate == nil || distance < bestUpdate!.distance { bestUpdate = (distance, date) }
            } else if best == nil || distance < best!.distance {
                best = (distance, date)
            }
        }
        for mark in page.marks where mark.kind == .time {
            guard !insideComments(page, element: mark.element) else { continue }
            let text = page.string(mark)
            let date = mark.attribute.flatMap { DateFinder.parse($0, preferMonthFirst: preferMonthFirst) }
                ?? DateFinder.parse(text, preferMonthFirst: preferMonthFirst)
            consider(date, at: blockIndex(page, at: mark.start), bonus: 40, isUpdate: Self.beforeUpdateCue(in: text) != nil)
        }
        if best != nil { return (best?.date, bestUpdate?.date) }
        // A dateline opening the first paragraph: "25. Januar 2022 | Berlin – ...".
        if anchor < page.blocks.count {
            let head = String(page.string(page.blocks[anchor]).prefix(50))
            consider(DateFinder.parse(head, preferMonthFirst: preferMonthFirst), at: anchor, bonus: 5)
        }
        for mark in page.marks where mark.kind == .datelineHint || mark.kind == .bylineHint {
            guard !insideComments(page, element: mark.element) else { continue }
            let text = page.string(mark)
            guard text.count <= 200 else { continue }
            consider(DateFinder.parse(text, preferMonthFirst: preferMonthFirst), at: blockIndex(page, at: mark.start), bonus: 10)
        }
        for (index, block) in page.blocks.enumerated() where block.chars <= 150 && block.chars >= 6 {
            // Four digits in a row (a year) or none of this block can be a full date.
            guard hasYear(page.text, block) else { continue }
            let text = page.string(block)
            let lower = text.lowercased()
            let cue = Self.dateCues.contains { lower.containsASCII($0) }
            guard cue || abs(index - anchor) <= 80 else { continue }
            if lower.containsASCII("©") { continue }
            if block.element >= 0, insideComments(page, element: block.element) { continue }
            // "Published on Oct 21, 2025 Updated on Mar 9, 2026": the part before the update is the date.
            if let beforeUpdate = Self.beforeUpdateCue(in: text) {
                let before = DateFinder.parse(beforeUpdate, preferMonthFirst: preferMonthFirst)
                consider(before, at: index, bonus: cue ? 10 : 0)
                if before == nil {
                    consider(DateFinder.parse(text, preferMonthFirst: preferMonthFirst), at: index, bonus: 0, isUpdate: true)
                }
                continue
            }
            consider(DateFinder.parse(text, preferMonthFirst: preferMonthFirst), at: index, bonus: cue ? 10 : 0)
        }
        return (best?.date, bestUpdate?.date)
    }

    /// The text before a line's update cue ("Updated", "Last modified", "aktualisiert"), or nil
    /// when the line has none.
    private static func beforeUpdateCue(in text: String) -> String? {
        guard let offset = text.firstOffsetOfASCII(anyOf: updateCues, caseInsensitive: true) else { return nil }
        return String(decoding: text.utf8.prefix(offset), as: UTF8.self)
    }

    private static let updateCues: [StaticString] = ["updat", "aktualisiert", "modif", "last edited"]

    private static let dateCues: [StaticString] = ["datum", "date", "published", "veröffentlicht", "erschienen",
                                                   "publié", "publicado", "posted", "opublikowano", "stand:", "vom "]

    /// Whether the block's bytes hold four digits in a row, or two-digit day.month.year-like groups.
    private func hasYear(_ text: [UInt8], _ block: PageModel.Block) -> Bool {
        var run = 0
        var digits = 0
        for index in Int(block.start)..<Int(block.end) {
            let byte = text[index]
            if byte >= 48 && byte <= 57 {
                run += 1
                digits += 1
                if run >= 4 { return true }
            } else {
                run = 0
            }
        }
        return digits >= 6
    }

    /// The index of the block holding a byte offset of the page text.
    private func blockIndex(_ page: PageModel, at offset: Int32) -> Int {
        var low = 0, high = page.blocks.count
        while low < high {
            let middle = (low + high) / 2
            if page.blocks[middle].end <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func insideComments(_ page: PageModel, element: Int32) -> Bool {
        var index = Int(element)
        var steps = 0
        while index >= 0 && steps < 60 {
            if page.elements[index].hint == .comments { return true }
            index = Int(page.elements[index].parent)
            steps += 1
        }
        return false
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

import CrossreadCore

/// What an element's class, id, role and tag say about its text: article content, a kind of
/// boilerplate, or nothing. Read from generic words only, never from one site's names.
enum ContentHint: UInt8 {
    case none
    /// Words like article, content, post, entry, body, story, text.
    case positive
    /// `itemprop="articleBody"` and the like: the page says this is the body.
    case articleBody
    // Boilerplate, each removed as the BlockKind of the same name.
    case chrome, comments, related, appeal, ad, legal, caption, byline, dateline, authorBio, hidden

    var isBoilerplate: Bool { rawValue >= ContentHint.chrome.rawValue }

    /// The kind a removed block under this hint is recorded as.
    var removedKind: BlockKind {
        switch self {
        case .comments: return .comments
        case .related: return .related
        case .appeal: return .appeal
        case .ad: return .ad
        case .legal: return .legal
        case .caption: return .caption
        case .byline: return .byline
        case .dateline: return .dateline
        case .authorBio: return .authorBio
        default: return .chrome
        }
    }

    /// The hint carried by an element's tag alone.
    static func of(tag: HTMLTag) -> ContentHint {
        switch tag {
        // A button's label is chrome; it is entered all the same, since a button the markup never
        // closes holds the rest of the page. A noscript is chrome ("enable JavaScript") unless it
        // holds most of the page's text (a forum's whole thread, served for readers without scripts).
        case .nav, .menu, .dialog, .button, .noscript: return .chrome
        case .aside: return .related
        case .footer: return .chrome
        case .figcaption: return .caption
        case .article, .main: return .positive
        default: return .none
        }
    }

    /// The hint of a `role` attribute value.
    static func of(role: UnsafePointer<UInt8>) -> ContentHint {
        let value = lowercasedASCII(role, limit: 40)
        switch value {
        case "navigation", "menubar", "menu", "banner", "contentinfo", "search", "toolbar", "dialog",
             "alertdialog", "tablist":
            return .chrome
        case "complementary": return .related
        case "main", "article": return .positive
        default: return .none
        }
    }

    /// The hint of a class or id attribute value: boilerplate words win over content words.
    static func of(classOrID value: UnsafePointer<UInt8>) -> ContentHint {
        ofWithWord(classOrID: value).hint
    }

    /// The hint with the class word that gave it (its first eight bytes packed; 0 for none).
    static func ofWithWord(classOrID value: UnsafePointer<UInt8>) -> (hint: ContentHint, word: UInt64) {
        var scanner = ClassWordScanner(value)
        var best = ContentHint.none
        var bestWord: UInt64 = 0
        var previous: UInt64 = 0
        while let word = scanner.next() {
            // BEM modifiers ("Section--Ads") describe a variant of the block, not what it is.
            if word.isModifier { continue }
            let hint = hintOfWord(word, previous: previous)
            previous = word.isFirstOfClassName ? 0 : word.key
            if hint.isBoilerplate {
                // "author-bio": bio after author decides.
                if best == .byline && hint == .authorBio { best = .authorBio; bestWord = word.key; continue }
                if best.isBoilerplate { continue }
                best = hint
                bestWord = word.key
            } else if hint != .none && (best == .none || (best == .positive && hint == .articleBody)) {
                best = hint
                bestWord = word.key
            }
        }
        return (best, bestWord)
    }

    /// One class word, by whole word for short words and by stem inside longer ones.
    private static func hintOfWord(_ word: ClassWord, previous: UInt64) -> ContentHint {
        let tables = wordTables
        if previous != 0 {
            // "has-sidebar", "no-comments", "with-ads": page layout switches, not the thing itself.
            if tables.words.flags(of: previous) & WordKeyTable.layoutSwitch != 0 { return .none }
            for pair in pairs where pair.first == previous && pair.second == word.key { return pair.hint }
        }
        if word.length <= 8 {
            let flags = tables.words.flags(of: word.key)
            if let exact = ContentHint(rawValue: flags & WordKeyTable.hintMask), flags & WordKeyTable.hasHint != 0 {
                // Taxonomy words ("tag-news", "category-sport") name the post's tags unless they end the name.
                if flags & WordKeyTable.taxonomy != 0 && !word.isLastOfClassName { return .none }
                // "header" alone is the site's header; "table-header", "recipe-header" are parts of content.
                if word.key == headerKey && !(word.isFirstOfClassName && word.isLastOfClassName) { return .none }
                return exact
            }
        }
        guard word.length >= 5, let stem = word.firstStem(of: tables.stems) else { return .none }
        return stems[stem].1
    }

    /// Two-word names: "visually-hidden", "sr-only", "article-body".
    private static let pairs: [(first: UInt64, second: UInt64, hint: ContentHint)] = [
        (ClassWordScanner.key("visually"), ClassWordScanner.key("hidden"), .hidden),
        (ClassWordScanner.key("sr"), ClassWordScanner.key("only"), .hidden),
        (ClassWordScanner.key("screen"), ClassWordScanner.key("reader"), .hidden),
        (ClassWordScanner.key("article"), ClassWordScanner.key("body"), .articleBody),
        (ClassWordScanner.key("story"), ClassWordScanner.key("body"), .articleBody),
    ]

    /// The word lists below as one hash table of flags, and the stems by first letter.
    private static let wordTables: (words: WordKeyTable, stems: StemIndex) = {
        var table = WordKeyTable()
        for (key, hint) in exactWords { table.add(key, WordKeyTable.hasHint | hint.rawValue) }
        for key in layoutSwitches { table.add(key, WordKeyTable.layoutSwitch) }
        for key in taxonomyWords { table.add(key, WordKeyTable.taxonomy) }
        return (table, StemIndex(stems.map { Array($0.0.utf8) }))
    }()

    private static let headerKey = ClassWordScanner.key("header")

    private static let layoutSwitches: Set<UInt64> = Set(["has", "no", "with", "without", "show", "hide", "is", "not",
                                                          "enable", "disable", "enabled", "disabled"].map(ClassWordScanner.key))
    private static let taxonomyWords: Set<UInt64> = Set(["tag", "tags", "category", "cat", "cats", "label", "labels",
                                                        "topics", "keywords", "tagged"].map(ClassWordScanner.key))

    private static let exactWords: [UInt64: ContentHint] = {
        let words: [(String, ContentHint)] = [
            ("nav", .chrome), ("navbar", .chrome), ("menu", .chrome), ("menubar", .chrome), ("submenu", .chrome),
            ("subnav", .chrome), ("header", .chrome), ("masthead", .chrome), ("topbar", .chrome),
            ("widget", .chrome), ("widgets", .chrome), ("toolbar", .chrome), ("tools", .chrome),
            ("share", .chrome), ("sharing", .chrome), ("social", .chrome), ("pager", .chrome),
            ("skip", .chrome), ("print", .chrome), ("tags", .chrome), ("tag", .chrome), ("tagged", .chrome),
            ("topics", .chrome), ("keywords", .chrome), ("search", .chrome), ("login", .chrome),
            ("signin", .chrome), ("modal", .chrome), ("popup", .chrome), ("overlay", .chrome),
            ("sitemap", .chrome), ("dropdown", .chrome), ("offscreen", .hidden), ("follow", .chrome), ("rating", .chrome), ("ratings", .chrome),
            ("tabs", .chrome), ("jump", .chrome), ("toc", .chrome), ("share", .chrome),
            ("categories", .chrome), ("category", .chrome), ("cats", .chrome), ("label", .chrome),
            ("labels", .chrome), ("pagination", .chrome), ("prevnext", .chrome), ("navlinks", .chrome),
            ("comment", .comments), ("comments", .comments), ("respond", .comments), ("replies", .comments),
            ("reply", .comments), ("discuss", .comments), ("disqus", .comments),
            ("related", .related), ("recommended", .related), ("popular", .related), ("trending", .related),
            ("teaser", .related), ("teasers", .related), ("more", .related), ("recirc", .related),
            ("outbrain", .related), ("taboola", .related), ("promo", .appeal), ("promos", .appeal),
            ("newsletter", .appeal), ("subscribe", .appeal), ("signup", .appeal), ("paywall", .appeal),
            ("donate", .appeal), ("membership", .appeal), ("cta", .appeal),
            ("ad", .ad), ("ads", .ad), ("adv", .ad), ("advert", .ad), ("adslot", .ad), ("adunit", .ad),
            ("dfp", .ad), ("sponsor", .ad), ("sponsored", .ad), ("banner", .ad), ("commercial", .ad),
            ("cookie", .legal), ("cookies", .legal), ("consent", .legal), ("gdpr", .legal),
            ("copyright", .legal), ("disclaimer", .legal), ("legal", .legal),
            ("caption", .caption), ("credit", .caption), ("credits", .caption), ("figcaption", .caption),
            ("byline", .byline), ("author", .byline), ("authors", .byline), ("contributor", .byline),
            ("date", .dateline), ("dateline", .dateline), ("timestamp", .dateline), ("published", .dateline),
            ("meta", .dateline), ("posted", .dateline), ("time", .dateline), ("updated", .dateline),
            ("bio", .authorBio), ("biography", .authorBio),
            ("article", .positive), ("content", .positive), ("post", .positive), ("entry", .positive),
            ("body", .positive), ("story", .positive), ("text", .positive), ("main", .positive),
            ("blog", .positive), ("prose", .positive), ("richtext", .positive), ("markdown", .positive),
        ]
        var table: [UInt64: ContentHint] = [:]
        for (word, hint) in words { table[ClassWordScanner.key(word)] = hint }
        return table
    }()

    /// Stems found inside longer words ("sharebar", "relatedposts", "newsletterbox").
    private static let stems: [(String, ContentHint)] = [
        ("comment", .comments), ("disqus", .comments), ("related", .related), ("recommend", .related),
        ("outbrain", .related), ("taboola", .related), ("trending", .related), ("mostread", .related),
        ("mostpopular", .related), ("readmore", .related), ("readnext", .related), ("newsletter", .appeal),
        ("subscri", .appeal), ("paywall", .appeal), ("donat", .appeal), ("signup", .appeal),
        ("cookie", .legal), ("consent", .legal), ("gdpr", .legal), ("advert", .ad), ("sponsor", .ad),
        ("adslot", .ad), ("adcontainer", .ad), ("adwrap", .ad), ("caption", .caption),
        ("sidebar", .chrome), ("share", .chrome), ("social", .chrome), ("breadcrumb", .chrome),
        ("navigation", .chrome), ("footer", .chrome), ("masthead", .chrome), ("byline", .byline),
        ("dateline", .dateline), ("timestamp", .dateline), ("pubdate", .dateline),
        ("visuallyhidden", .hidden), ("articlebody", .articleBody), ("storybody", .articleBody),
        ("pagination", .chrome), ("categories", .chrome), ("sronly", .hidden), ("screenreader", .hidden),
    ]

    static func lowercasedASCII(_ value: UnsafePointer<UInt8>, limit: Int) -> String {
        var bytes: [UInt8] = []
        var index = 0
        while value[index] != 0 && index < limit {
            var byte = value[index]
            if byte >= 65 && byte <= 90 { byte += 32 }
            if byte != 32 && byte != 9 && byte != 10 { bytes.append(byte) }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

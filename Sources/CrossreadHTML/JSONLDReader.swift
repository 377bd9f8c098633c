import Foundation

/// Reads schema.org JSON-LD blocks: finds the article object (through `@graph`, arrays and
/// `mainEntity`) and the page's website and organization names.
struct JSONLDReader {
    /// What the JSON-LD of a page says about its article.
    struct Facts {
        var headline: String?
        var authors: [String] = []
        /// Organizations given as the author (a company blog, an editorial team): used only when no
        /// source names a person.
        var authorOrganizations: [String] = []
        var published: String?
        var modified: String?
        var publisher: String?
        var description: String?
        var articleBody: String?
        var url: String?
        var language: String?
        var siteName: String?
        /// The page declares an article type (NewsArticle, BlogPosting, ...).
        var declaresArticle = false
        /// The page declares a listing type (CollectionPage, ItemList, WebSite alone as main entity).
        var declaresListing = false
        /// The page declares a discussion (a forum posting, a question page, a social media post).
        var declaresDiscussion = false
    }

    static let discussionTypes: Set<String> = ["discussionforumposting", "qapage", "socialmediaposting"]
    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "scholarlyarticle", "techarticle",
        "report", "liveblogposting", "socialmediaposting", "posting", "review", "recipe", "howto", "creativework",
        "discussionforumposting", "medicalwebpage", "qapage", "advertisercontentarticle", "satiricalarticle",
    ]

    func read(_ scripts: [String]) -> Facts {
        var facts = Facts()
        var objects: [[String: Any]] = []
        for script in scripts {
            guard let value = Self.parse(script) else { continue }
            collect(value, into: &objects, depth: 0)
        }
        var article: [String: Any]?
        var page: [String: Any]?
        for object in objects {
            let types = Self.types(of: object)
            if types.contains(where: Self.articleTypes.contains) {
                facts.declaresArticle = true
                if types.contains(where: Self.discussionTypes.contains) { facts.declaresDiscussion = true }
                if article == nil || (article?["headline"] == nil && object["headline"] != nil) { article = object }
            } else if types.contains("webpage") || types.contains("itempage") {
                if page == nil { page = object }
            } else if types.contains("collectionpage") || types.contains("itemlist") || types.contains("searchresultspage") {
                facts.declaresListing = true
            }
            if types.contains("website"), facts.siteName == nil { facts.siteName = Self.text(object["name"]) }
        }
        guard let main = article ?? page else { return facts }
        facts.headline = Self.text(main["headline"]) ?? (article != nil ? Self.text(main["name"]) : nil)
        let credited = Self.names(main["author"] ?? main["creator"])
        facts.authors = credited.persons
        facts.authorOrganizations = credited.organizations
        facts.published = Self.text(main["datePublished"]) ?? Self.text(main["dateCreated"])
        facts.modified = Self.text(main["dateModified"])
        facts.publisher = Self.publisherName(main["publisher"])
        facts.description = Self.text(main["description"])
        facts.articleBody = (main["articleBody"] as? String).flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }
        facts.url = Self.text(main["url"]) ?? Self.identifier(main["mainEntityOfPage"])
        facts.language = Self.text(main["inLanguage"])
        // A WebPage that wraps the article may carry the dates.
        if facts.published == nil, let page { facts.published = Self.text(page["datePublished"]) }
        if facts.modified == nil, let page { facts.modified = Self.text(page["dateModified"]) }
        return facts
    }

    private func collect(_ value: Any, into objects: inout [[String: Any]], depth: Int) {
        guard depth < 6, objects.count < 200 else { return }
        if let array = value as? [Any] {
            for item in array { collect(item, into: &objects, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            if object["@type"] != nil { objects.append(object) }
            if let graph = object["@graph"] { collect(graph, into: &objects, depth: depth + 1) }
            for key in ["mainEntity", "mainEntityOfPage", "itemReviewed"] {
                if let nested = object[key], nested is [String: Any] || nested is [Any] {
                    collect(nested, into: &objects, depth: depth + 1)
                }
            }
        }
    }

    /// Parses one script's text, forgiving HTML comment wrappers, trailing semicolons and raw
    /// control characters inside strings.
    static func parse(_ script: String) -> Any? {
        var text = script.trimmingSpaces
        for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] where text.hasPrefix(wrapper) { text.removeFirst(wrapper.count) }
        for wrapper in ["-->", "//]]>", "]]>"] where text.hasSuffix(wrapper) { text.removeLast(wrapper.count) }
        text = text.trimmingSpaces
        while text.hasSuffix(";") { text.removeLast() }
        guard !text.isEmpty else { return nil }
        if let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) {
            return value
        }
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 32 ? " " : $0 }))
        return try? JSONSerialization.jsonObject(with: Data(cleaned.utf8), options: [.fragmentsAllowed])
    }

    static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        if let types = object["@type"] as? [Any] { return types.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    static func text(_ value: Any?) -> String? {
        switch value {
        case let string as String:
            let trimmed = string.collapsingSpaces
            return trimmed.isEmpty ? nil : trimmed
        case let array as [Any]:
            return array.lazy.compactMap { text($0) }.first
        case let object as [String: Any]:
            return text(object["@value"]) ?? text(object["name"])
        case let number as NSNumber:
            return number.stringValue
        default:
            return nil
        }
    }

    /// Names from an author value (a string, an object with `name`, or an array of them), persons
    /// and organizations apart.
    static func names(_ value: Any?) -> (persons: [String], organizations: [String]) {
        var persons: [String] = []
        var organizations: [String] = []
        func visit(_ value: Any?, depth: Int) {
            guard depth < 4 else { return }
            switch value {
            case let string as String:
                persons.append(string)
            case let array as [Any]:
                for item in array { visit(item, depth: depth + 1) }
            case let object as [String: Any]:
                let types = Self.types(of: object)
                var name = text(object["name"])
                if name == nil, let given = text(object["givenName"]) {
                    name = [given, text(object["familyName"])].compactMap { $0 }.joined(separator: " ")
                }
                guard let name else { return }
                if types.contains("organization") || types.contains("newsmediaorganization") {
                    organizations.append(name)
                } else {
                    persons.append(name)
                }
            default:
                break
            }
        }
        visit(value, depth: 0)
        return (persons, organizations)
    }

    private static func publisherName(_ value: Any?) -> String? {
        if let array = value as? [Any] { return array.lazy.compactMap { publisherName($0) }.first }
        if let object = value as? [String: Any] { return text(object["name"]) }
        return text(value)
    }

    private static func identifier(_ value: Any?) -> String? {
        if let object = value as? [String: Any] { return text(object["@id"]) ?? text(object["url"]) }
        if let string = value as? String, string.hasPrefix("http") { return string }
        return nil
    }
}

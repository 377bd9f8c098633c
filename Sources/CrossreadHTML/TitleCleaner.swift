/// Strips the site name from a title ("Headline | Site", "Site - Headline") using the known site
/// name, the page's h1, or, failing both, the shape of the parts.
enum TitleCleaner {
    static let separators = [" | ", " || ", " - ", " – ", " — ", " :: ", " : ", " · ", " • ", " » ", " « ", " › ", " ~ ", " / "]

    static func clean(_ raw: String, siteName: String?, headings: [String], isDocumentTitle: Bool) -> String {
        let title = raw.collapsingSpaces
        guard !title.isEmpty else { return title }
        let headingKeys = Set(headings.map(ContentSelector.comparable).filter { !$0.isEmpty })
        if headingKeys.contains(ContentSelector.comparable(title)) { return title }
        let siteKey = siteName.map(ContentSelector.comparable).flatMap { $0.isEmpty ? nil : $0 }
        for separator in separators where title.contains(separator) {
            let parts = title.components(separatedBy: separator).map(\.trimmingSpaces).filter { !$0.isEmpty }
            guard parts.count >= 2 else { continue }
            if let match = parts.first(where: { headingKeys.contains(ContentSelector.comparable($0)) }) {
                return match
            }
            if let siteKey {
                let kept = parts.filter { part in
                    let key = ContentSelector.comparable(part)
                    return !(key == siteKey || (key.count >= 3 && siteKey.contains(key)) || key.contains(siteKey) && key.count < siteKey.count + 8)
                }
                if !kept.isEmpty && kept.count < parts.count { return kept.joined(separator: separator) }
            }
            // Without a known site name: a short last (or first) part of a document title is the site.
            let words = parts.map { $0.split(separator: " ").count }
            if let last = words.last, last <= 4, words.dropLast().reduce(0, +) > last {
                return parts.dropLast().joined(separator: separator)
            }
            if isDocumentTitle, let first = words.first, first <= 3, words.dropFirst().reduce(0, +) > first + 2 {
                return parts.dropFirst().joined(separator: separator)
            }
        }
        return title
    }
}

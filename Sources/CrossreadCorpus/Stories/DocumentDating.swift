import CrossreadCore

/// When a document was written, as well as it can be told: its publication date; else a dateline
/// among the first short lines of its text; else a date in its URL's path (`/2013/05/03/`,
/// `/2013/may/03/`, `2013-05-03`).
public enum DocumentDating {
    public static func date(of document: Document) -> PublicationDate? {
        if let published = document.metadata.published { return published }
        if let dateline = datelineDate(in: document.text) { return dateline }
        if let url = document.metadata.url ?? (document.source.contains("://") ? document.source : nil) {
            return urlDate(url)
        }
        return nil
    }

    /// The first date on one of the first three non-empty lines that are short (a dateline, not a sentence
    /// that mentions a date).
    public static func datelineDate(in text: String) -> PublicationDate? {
        var seen = 0
        for line in text.split(separator: "\n", maxSplits: 8, omittingEmptySubsequences: true) {
            let words = line.split(separator: " ").count
            if words == 0 { continue }
            seen += 1
            if words <= 14, let date = PublicationDate.parse(String(line)) { return date }
            if seen >= 3 { break }
        }
        return nil
    }

    /// A date written in a URL's path.
    public static func urlDate(_ url: String) -> PublicationDate? {
        let parts = url.split(whereSeparator: { $0 == "/" || $0 == "?" || $0 == "&" || $0 == "=" }).map(String.init)
        for (index, part) in parts.enumerated() {
            if part.count == 10, let date = PublicationDate.parse(part) { return date }
            guard part.count == 4, let year = Int(part), (1990...2099).contains(year), index + 2 < parts.count else { continue }
            let monthPart = parts[index + 1].lowercased()
            let month = Int(monthPart) ?? PublicationDate.parse("\(monthPart.prefix(3)) 1, 2000")?.month
            let dayDigits = parts[index + 2].prefix(while: { $0.isASCII && $0.isNumber })
            guard let month, dayDigits.count <= 2, let day = Int(dayDigits) else { continue }
            if let date = PublicationDate(year: year, month: month, day: day) { return date }
        }
        return nil
    }
}

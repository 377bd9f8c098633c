/// What a file name's extension claims (a trailing `.gz` is looked through), used only where
/// the content itself does not decide.
enum FileExtension: Equatable {
    case html, feed, jsonLines, text, other

    static func of(_ name: String) -> FileExtension {
        var lowered = Substring(name.lowercased())
        if let slash = lowered.lastIndex(of: "/") { lowered = lowered[lowered.index(after: slash)...] }
        for suffix in [".gz", ".gzip"] where lowered.hasSuffix(suffix) {
            lowered = lowered.dropLast(suffix.count)
        }
        guard let dot = lowered.lastIndex(of: ".") else { return .other }
        switch lowered[lowered.index(after: dot)...] {
        case "html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp": return .html
        case "rss", "atom", "xml", "rdf", "feed": return .feed
        case "jsonl", "ndjson", "jsonlines": return .jsonLines
        case "txt", "text": return .text
        default: return .other
        }
    }
}

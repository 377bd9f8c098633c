import CrossreadCore

/// A document as Markdown: title, a metadata line, the clean text, and optionally what was removed.
enum DocumentMarkdown {
    static func render(_ document: Document, showRemoved: Bool = false) -> String {
        let meta = document.metadata
        var out = "# \(meta.title ?? "(no title)")\n\n"
        var facts: [String] = ["id `\(document.id)`"]
        if !meta.authors.isEmpty { facts.append("by " + meta.authors.joined(separator: ", ")) }
        if let published = meta.published { facts.append("published \(published.iso8601)") }
        if let publisher = meta.publisher { facts.append(publisher) }
        if let language = meta.language { facts.append("language \(language)") }
        facts.append("source \(document.source)")
        out += "_" + facts.joined(separator: " · ") + "_\n\n"
        let bytes = Array(document.text.utf8)
        for paragraph in document.paragraphs {
            let text = String(decoding: bytes[paragraph.range], as: UTF8.self)
            switch paragraph.kind {
            case .subheading: out += "## \(text)\n\n"
            case .listItem: out += "- \(text)\n\n"
            case .quote: out += "> \(text)\n\n"
            default: out += "\(text)\n\n"
            }
        }
        if showRemoved, !document.removed.isEmpty {
            out += "## Removed (\(document.removed.count) blocks)\n\n"
            for block in document.removed {
                let line = block.text.split(whereSeparator: \.isNewline).joined(separator: " ")
                let short = line.count > 100 ? String(line.prefix(99)) + "…" : line
                out += "- **\(block.kind.rawValue)**: \(short)\n"
            }
            out += "\n"
        }
        return out
    }
}

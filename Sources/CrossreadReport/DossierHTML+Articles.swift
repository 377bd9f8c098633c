import CrossreadCore

extension DossierHTML {
    /// Every article: metadata, text with an anchor per sentence and entity mentions marked, and the
    /// removed boilerplate collapsed.
    func articlesSection(_ index: DossierIndex) -> String {
        var out = "<section id=\"articles\"><h2>Articles</h2>"
        let copies = Dictionary(index.analysis.duplicates.flatMap { group in group.map { ($0, group) } },
                                uniquingKeysWith: { a, _ in a })
        for document in index.documentsByDate {
            let meta = document.metadata
            out += "<article class=\"article\" id=\"d-\(document.id.html)\"><h3>\(index.title(document.id).html)</h3><p class=\"meta\">"
            var facts: [String] = [index.sourceLabel(document.id)]
            if let published = meta.published { facts.append(published.iso8601) }
            if !meta.authors.isEmpty { facts.append("by " + meta.authors.joined(separator: ", ")) }
            facts.append("id " + document.id)
            out += facts.map(\.html).joined(separator: " · ")
            if let url = meta.url { out += " · <span>\(url.html)</span>" } else { out += " · <span>\(document.source.html)</span>" }
            out += "</p>"
            if let group = copies[document.id] {
                let others = group.filter { $0 != document.id }
                out += "<p class=\"meta\">Copy of: " + others.map { "<a href=\"#d-\($0.html)\">\(index.sourceLabel($0).html)</a>" }.joined(separator: ", ") + "</p>"
            }
            out += ArticleBody(document: document).render()
            if !document.removed.isEmpty {
                out += "<details class=\"removed\"><summary>Removed boilerplate (\(document.removed.count) block\(document.removed.count == 1 ? "" : "s"))</summary><ul>"
                for block in document.removed {
                    out += "<li><b>\(block.kind.rawValue.html)</b>: \(block.text.html)</li>"
                }
                out += "</ul></details>"
            }
            out += "</article>\n"
        }
        return out + "</section>\n"
    }
}

/// An article's clean text as HTML paragraphs, each sentence in an anchored span, entity mentions marked.
struct ArticleBody {
    let document: Document

    func render() -> String {
        let bytes = Array(document.text.utf8)
        let sentences = document.annotations.sentences
        let mentions = document.annotations.mentions.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var out = ""
        var sentenceIndex = 0
        var mentionIndex = 0
        for (paragraphIndex, paragraph) in document.paragraphs.enumerated() {
            let tag = paragraph.kind == .subheading ? "h3 class=\"sub\"" : "p"
            let close = paragraph.kind == .subheading ? "h3" : "p"
            out += "<\(tag) id=\"p-\(document.id)-\(paragraphIndex)\">"
            var cursor = paragraph.range.lowerBound
            // Sentences inside this paragraph.
            while sentenceIndex < sentences.count, sentences[sentenceIndex].range.lowerBound < paragraph.range.upperBound {
                let sentence = sentences[sentenceIndex].range
                let start = max(sentence.lowerBound, cursor), end = min(sentence.upperBound, paragraph.range.upperBound)
                if start > cursor { out += text(bytes, cursor, start) }
                if end > start {
                    out += "<span class=\"s\" id=\"s-\(document.id)-\(sentenceIndex)\">"
                    out += marked(bytes, start, end, mentions, &mentionIndex)
                    out += "</span>"
                    cursor = end
                }
                if sentence.upperBound <= paragraph.range.upperBound { sentenceIndex += 1 } else { break }
            }
            if cursor < paragraph.range.upperBound { out += marked(bytes, cursor, paragraph.range.upperBound, mentions, &mentionIndex) }
            out += "</\(close)>"
        }
        return out
    }

    private func text(_ bytes: [UInt8], _ from: Int, _ to: Int) -> String {
        String(decoding: bytes[from..<to], as: UTF8.self).html
    }

    /// Text from `from` to `to`, with mentions that lie wholly inside it wrapped in a span.
    private func marked(_ bytes: [UInt8], _ from: Int, _ to: Int, _ mentions: [EntityMention], _ next: inout Int) -> String {
        var out = ""
        var cursor = from
        while next < mentions.count, mentions[next].range.lowerBound < to {
            let mention = mentions[next]
            if mention.range.lowerBound >= cursor && mention.range.upperBound <= to {
                out += text(bytes, cursor, mention.range.lowerBound)
                out += "<span class=\"ent-\(mention.type.rawValue)\" title=\"\(mention.type.rawValue): \(mention.entity.html)\">"
                out += text(bytes, mention.range.lowerBound, mention.range.upperBound) + "</span>"
                cursor = mention.range.upperBound
            }
            next += 1
        }
        if cursor < to { out += text(bytes, cursor, to) }
        return out
    }
}

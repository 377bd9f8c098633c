import Foundation

/// A real article to make variants of, read from `../shared` at run time (never stored in the
/// repository): its sentences, the group of articles on the same event (for substitutions), and the
/// page lines around the body when the source kept them (menus, footers), for the cleaner to remove.
struct ArticleBase: Sendable {
    var group: String
    var sentences: [String]
    /// Lines before and after the body on the original page, kept as they were.
    var header: [String]
    var footer: [String]

    /// ECB+ development articles (`<topic>/<file>.txt`, one sentence a line), grouped by topic, and
    /// trafilatura's evaluation pages as text (`pages/*.txt`), whose long lines are the body.
    static func load(corpora: URL) throws -> [ArticleBase] {
        var bases: [ArticleBase] = []
        let files = FileManager.default
        let ecb = corpora.appendingPathComponent("ecbplus-dev")
        for topic in (try? files.contentsOfDirectory(atPath: ecb.path))?.sorted() ?? [] {
            let folder = ecb.appendingPathComponent(topic)
            for file in (try? files.contentsOfDirectory(atPath: folder.path))?.sorted() ?? [] where file.hasSuffix(".txt") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                let sentences = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { $0.split(separator: " ").count >= 4 }
                if sentences.count >= 3 { bases.append(ArticleBase(group: "ecb-" + topic, sentences: sentences, header: [], footer: [])) }
            }
        }
        let pages = corpora.appendingPathComponent("trafilatura-eval-text/pages")
        for file in (try? files.contentsOfDirectory(atPath: pages.path))?.sorted() ?? [] where file.hasSuffix(".txt") {
            let text = try String(contentsOf: pages.appendingPathComponent(file), encoding: .utf8)
            let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            // The body: from the first to the last line of 25 words or more.
            let long = lines.indices.filter { lines[$0].split(separator: " ").count >= 25 }
            guard let first = long.first, let last = long.last, long.count >= 3 else { continue }
            let body = lines[first...last].filter { $0.split(separator: " ").count >= 6 }
            bases.append(ArticleBase(group: "pages", sentences: body,
                                     header: Array(lines[..<first].suffix(25)), footer: Array(lines[(last + 1)...].prefix(25))))
        }
        return bases
    }
}

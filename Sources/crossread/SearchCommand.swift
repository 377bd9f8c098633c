import ArgumentParser
import CrossreadCore
import Foundation

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over titles and text, ranked by BM25, with highlighted snippets.",
        discussion: """
        Every word must match; a trailing * matches a prefix.

        Examples:
          crossread search "same side"
          crossread search iran* --limit 5 --json
        """)

    @Argument(help: "Words to look for.")
    var query: [String]

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: "Most results to show.")
    var limit = 20

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    func run() async throws {
        let store = try library.openExisting()
        let hits = try await store.search(query.joined(separator: " "), limit: max(1, limit))
        var out = ""
        if json {
            out = try Terminal.jsonLines(hits.map(SearchHitJSON.init))
        } else {
            for (rank, hit) in hits.enumerated() {
                out += "\(rank + 1). \(Terminal.bold(hit.title ?? hit.source))  [\(hit.id)]\n"
                out += "   \(Self.highlighted(hit))\n"
            }
            out += hits.isEmpty ? "No match.\n" : ""
        }
        Terminal.out(out)
    }

    /// The snippet with its matches in bold on a terminal, or between ** otherwise.
    static func highlighted(_ hit: SearchHit) -> String {
        let bytes = Array(hit.snippet.utf8)
        var out = ""
        var at = 0
        let (open, close) = Terminal.stdoutIsTerminal ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("**", "**")
        for range in hit.highlights where range.lowerBound >= at && range.upperBound <= bytes.count {
            out += String(decoding: bytes[at..<range.lowerBound], as: UTF8.self)
            out += open + String(decoding: bytes[range], as: UTF8.self) + close
            at = range.upperBound
        }
        out += String(decoding: bytes[at...], as: UTF8.self)
        return out.replacingOccurrences(of: "\n", with: " ")
    }
}

/// A search hit as JSON: highlight ranges in Unicode code points of the snippet.
struct SearchHitJSON: Encodable {
    var id: String
    var source: String
    var title: String?
    var score: Double
    var snippet: String
    var highlights: [[Int]]

    init(_ hit: SearchHit) {
        id = hit.id
        source = hit.source
        title = hit.title
        score = hit.score
        snippet = hit.snippet
        let offsets = CodePointOffsets(hit.snippet)
        highlights = hit.highlights.map { [offsets.codePoint(atUTF8: $0.lowerBound), offsets.codePoint(atUTF8: $0.upperBound)] }
    }
}

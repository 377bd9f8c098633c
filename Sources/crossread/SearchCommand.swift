import ArgumentParser
import CrossreadCore
import CrossreadPipeline
import Foundation

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over titles and text, ranked by BM25, with highlighted snippets.",
        discussion: """
        Every word must match; a trailing * matches a prefix. Filters narrow the hits: --entity keeps
        documents naming a person, organization or place (by name or alias), --source matches part of
        the source path, URL or publisher, --from and --through bound the publication day.

        Examples:
          crossread search "same side"
          crossread search iran* --limit 5 --json
          crossread search call --entity netanyahu --from 2024-11-01 --through 2024-11-30
        """)

    @Argument(help: "Words to look for.")
    var query: [String]

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: "Most results to show.")
    var limit = 20

    @Option(name: .long, help: ArgumentHelp("Only documents naming this entity (name or alias).", valueName: "name"))
    var entity: String?

    @Option(name: .long, help: ArgumentHelp("Only documents whose source, URL or publisher holds this.", valueName: "text"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("Only documents published on or after this day.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Only documents published on or before this day.", valueName: "YYYY-MM-DD"))
    var through: String?

    func validate() throws {
        for (flag, day) in [("--from", from), ("--through", through)] {
            if let day, PublicationDate.parse(day) == nil || day.utf8.count != 10 {
                throw ValidationError("\(flag) takes a day as YYYY-MM-DD, not \"\(day)\"")
            }
        }
    }

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    func run() async throws {
        let store = try await library.openExisting()
        var search = SearchQuery(query.joined(separator: " "), source: source, publishedFrom: from,
                                 publishedThrough: through, limit: max(1, limit))
        if let entity {
            let matches = try await LibraryEntities.stored(matching: entity, in: store)
            guard !matches.isEmpty else {
                throw CrossreadError(source: library.db, stage: .store,
                                     reason: "no entity named \"\(entity)\" in the library (see `crossread entities`)")
            }
            search.entityIDs = matches.flatMap(\.storedIDs)
        }
        let results = try await store.searchResults(search)
        let hits = results.hits
        var out = ""
        if json {
            out = try Terminal.jsonLines(hits.map(SearchHitJSON.init))
        } else {
            for (rank, hit) in hits.enumerated() {
                out += "\(rank + 1). \(Terminal.bold(hit.title ?? hit.source))  [\(hit.id)]\n"
                out += "   \(Self.highlighted(hit))\n"
            }
            out += hits.isEmpty ? "No match.\n"
                : "\(hits.count) shown of \(results.totalIsExact ? "" : "about ")\(results.total) matching documents.\n"
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
    var published: String?
    var publisher: String?

    init(_ hit: SearchHit) {
        id = hit.id
        source = hit.source
        title = hit.title
        score = hit.score
        snippet = hit.snippet
        published = hit.published
        publisher = hit.publisher
        let offsets = CodePointOffsets(hit.snippet)
        highlights = hit.highlights.map { [offsets.codePoint(atUTF8: $0.lowerBound), offsets.codePoint(atUTF8: $0.upperBound)] }
    }
}

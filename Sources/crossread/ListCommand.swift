import ArgumentParser
import CrossreadCore
import Foundation

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the documents in the library.",
        discussion: """
        Examples:
          crossread list
          crossread list --json --db newsroom.db
        """)

    @OptionGroup var library: LibraryOptions

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    func run() async throws {
        let store = try await library.openExisting()
        let summaries = try await store.list()
        if json {
            Terminal.out(try Terminal.jsonLines(summaries))
            return
        }
        var out = ""
        for s in summaries {
            let date = s.published.map { String($0.prefix(10)) } ?? "—"
            let title = s.title ?? "(no title)"
            out += "\(s.id)  \(date.padding(toLength: 10, withPad: " ", startingAt: 0))  \(title)  [\(s.publisher ?? s.source)] \(s.words) words\n"
        }
        out += "\(summaries.count) document\(summaries.count == 1 ? "" : "s")\n"
        Terminal.out(out)
    }
}

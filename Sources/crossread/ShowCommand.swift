import ArgumentParser
import CrossreadCore

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one document: metadata, clean text and the blocks that were removed.",
        discussion: """
        ID may be any unambiguous prefix (at least 4 characters) of a document id from `crossread list`.

        With --json, a document that `crossread analyze` annotated also carries its sentences, entities,
        quotes, time expressions and claims (offsets in Unicode code points into `text`).

        Examples:
          crossread show 4192abb1
          crossread show 4192abb1 --json
        """)

    @Argument(help: "The document id or a prefix of it.")
    var id: String

    @OptionGroup var library: LibraryOptions

    @Flag(name: .long, help: "Print the document JSON.")
    var json = false

    func run() async throws {
        let store = try await library.openExisting()
        guard let document = try await store.document(id: id) else {
            throw CrossreadError(source: id, stage: .store, reason: "no document with this id in \(library.db)")
        }
        if json {
            Terminal.out(DocumentJSON(document, includeAnnotations: !document.annotations.sentences.isEmpty).pretty() + "\n")
        } else {
            Terminal.out(DocumentMarkdown.render(document, showRemoved: true))
        }
    }
}

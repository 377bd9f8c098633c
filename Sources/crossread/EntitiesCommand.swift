import ArgumentParser
import CrossreadCore
import CrossreadPipeline
import Foundation

struct EntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List the people, organizations, places and groups named across the library.",
        discussion: """
        Aliases are merged across documents ("Netanyahu", "Bibi Netanyahu" and "Benjamin Netanyahu" are
        one person), as the library keeps them while documents are annotated; the most documents first.
        Only documents analysed by `crossread analyze` have entities.

        Examples:
          crossread entities
          crossread entities --type person --json
        """)

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: "Only this type: person, organization, place, group, amount, percent.")
    var type: EntityType?

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    func run() async throws {
        let store = try await library.openExisting()
        // The merged entities the library keeps, most documents first, a page at a time.
        var offset = 0
        var listed = 0
        while true {
            let page = try await store.libraryEntities(LibraryEntityQuery(type: type, offset: offset, limit: 500))
            var out = ""
            if json {
                out = try Terminal.jsonLines(page.entities.map(EntityLine.init))
            } else {
                for merged in page.entities {
                    let entity = merged.entity
                    out += "\(entity.type.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(Terminal.bold(entity.name))"
                    out += "  \(merged.mentions) mention\(merged.mentions == 1 ? "" : "s") in \(merged.documents) document\(merged.documents == 1 ? "" : "s")"
                    let aliases = entity.aliases.filter { $0 != entity.name }
                    if !aliases.isEmpty { out += "\n             also: \(aliases.joined(separator: "; "))" }
                    if !entity.roles.isEmpty { out += "\n             roles: \(entity.roles.joined(separator: "; "))" }
                    out += "\n"
                }
            }
            if !out.isEmpty { Terminal.out(out) }
            listed += page.entities.count
            offset += page.entities.count
            if page.entities.count < 500 { break }
        }
        if listed == 0 && !json { Terminal.out("No entities: run `crossread analyze PATH` to annotate documents.\n") }
    }
}

/// One merged entity as `entities --json` prints it: the entity, its mentions and documents (how
/// many), its quotes and its first and last publication day.
struct EntityLine: Encodable {
    var entity: Entity
    var mentions: Int
    var documents: Int
    var quotes: Int
    var firstDay: String?
    var lastDay: String?

    init(_ merged: LibraryEntity) {
        entity = merged.entity
        mentions = merged.mentions
        documents = merged.documents
        quotes = merged.quotes
        firstDay = merged.firstDay
        lastDay = merged.lastDay
    }
}

extension EntityType: ExpressibleByArgument {}

struct QuotesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List direct quotes across the library, with speaker, cue and venue.",
        discussion: """
        --speaker matches a word prefix of any name or alias of the speaker, ignoring case ("Netanyahu"
        finds quotes attributed to "Bibi Netanyahu" too), or a speaker's entity id.

        Examples:
          crossread quotes
          crossread quotes --speaker trump --json
        """)

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: "Only quotes by this speaker (a name or part of one).")
    var speaker: String?

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    func run() async throws {
        let store = try await library.openExisting()
        // A speaker's quotes come from the library's merged speakers; every quote, from the whole library.
        let quotes = if let speaker {
            try await LibraryEntities.storedQuotes(speaker: speaker, in: store)
        } else {
            LibraryEntities.quotes(try await store.quotes(), entities: LibraryEntities.merge(try await store.entities()), speaker: nil)
        }
        var out = ""
        if json {
            out = try Terminal.jsonLines(quotes)
        } else {
            for quote in quotes {
                var how = [quote.cue, quote.venue.map { "on \($0)" }].compactMap { $0 }.joined(separator: " ")
                if !how.isEmpty { how = " (\(how))" }
                out += "\(Terminal.bold(quote.speakerName ?? "Unattributed"))\(how), in \(quote.document):\n  “\(quote.text)”\n"
            }
            if quotes.isEmpty { out = speaker == nil ? "No quotes: run `crossread analyze PATH` to annotate documents.\n" : "No quote by \(speaker!).\n" }
        }
        Terminal.out(out)
    }
}

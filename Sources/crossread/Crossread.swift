import ArgumentParser

@main
struct Crossread: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crossread",
        abstract: "Turn a pile of news articles into a verified, searchable picture of a story.",
        discussion: """
        Crossread reads plain text, HTML pages, RSS and Atom feeds and JSON Lines dumps (gzipped or not),
        removes boilerplate, finds metadata and keeps everything in a local library (crossread.db).

        Example:
          crossread ingest ~/scraped/trump-netanyahu
          crossread search "same side" --db crossread.db
        """,
        subcommands: [AnalyzeCommand.self, IngestCommand.self, ExtractCommand.self, ListCommand.self, ShowCommand.self,
                      SearchCommand.self, EntitiesCommand.self, QuotesCommand.self, ServeCommand.self, WorkerCommand.self])
}

import ArgumentParser
import CrossreadCore
import CrossreadPipeline

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read articles into the library: text, HTML, RSS/Atom feeds, JSON Lines, WARC, gzip, folders.",
        discussion: """
        Each article is cleaned and stored once, by content: ingesting the same files again adds nothing.
        Unreadable inputs are reported with their reason and skipped; the exit status is non-zero only when
        nothing at all could be read. WARC files (also .warc.gz as Common Crawl writes them) are streamed
        record by record: pages with status 200 are read, other records are skipped and counted by reason.

        Examples:
          crossread ingest Examples/corpus
          crossread ingest scraped.jsonl.gz feeds/ --db newsroom.db
          crossread ingest CC-NEWS-20240101000000-00001.warc.gz
          curl -s https://example.org/feed.xml | crossread ingest -
        """)

    @Argument(help: ArgumentHelp("Files or folders to read; - for standard input.", valueName: "path"))
    var paths: [String]

    @OptionGroup var library: LibraryOptions
    @OptionGroup var reading: ReadingOptions

    @Flag(name: .shortAndLong, help: "Print only the summary's failures.")
    var quiet = false

    func run() async throws {
        let store = try await library.open()
        let report = try await Pipeline(options: try reading.pipelineOptions())
            .ingestShowingProgress(paths, into: store, quiet: quiet, library: library.db)
        if report.added.isEmpty && report.present.isEmpty { throw ExitCode(1) }
    }
}

extension IngestReport {
    /// The end-of-run summary: counts, and every failure with its reason.
    func summary(quiet: Bool, library: String) -> String {
        var lines: [String] = []
        if !quiet {
            let skipped = notices.skippedRecords
            lines.append("\(added.count) new, \(present.count) already present, \(failures.count) failed"
                + (skipped > 0 ? ", \(skipped) skipped" : "") + " → \(library)")
            if added.isEmpty && !present.isEmpty && failures.isEmpty {
                lines.append("Nothing new: every document was already in the library.")
            }
        }
        if !quiet { lines += notices.summaryLines }
        if !failures.isEmpty {
            if !quiet { lines.append("Failed:") }
            for failure in failures { lines.append("  \(failure.description)") }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}

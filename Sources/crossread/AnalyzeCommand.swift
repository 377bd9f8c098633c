import ArgumentParser
import CrossreadCore
import CrossreadPipeline
import CrossreadReport
import Foundation

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "The main job: ingest articles, bring the library's analysis up to date, write a dossier.",
        discussion: """
        Reads the articles into the library (as `ingest` does), then brings the whole library's analysis
        up to date, working only on what is new: sentences, entities, quotes, time expressions and
        claims of unannotated documents; copies, stories and topics of documents not yet in a story
        (streamed in date order through a window of open stories, kept in the library); the
        cross-source comparison (corroborated, single-source, conflicting and disputed statements) and
        timeline of every story that changed. Then it writes one self-contained HTML dossier of a slice
        of the library, plus JSON (schema crossread/1) and Markdown when asked: the stories of the
        articles just read, or those chosen by --story, --topic, --from/--through, --query, --entity
        (stories always whole), or without any of these the largest stories.

        Examples:
          crossread analyze Examples/corpus -o dossier.html
          crossread analyze ~/scraped/story --json dossier.json --markdown dossier.md -o dossier.html
          crossread analyze --db newsroom.db --entity "Jane Doe" -o jane-doe.html
          crossread analyze --postgres "$CROSSREAD_POSTGRES" --from 2026-11-01 --through 2026-11-30
        """)

    @Argument(help: ArgumentHelp("Files or folders to read first; - for standard input. Without any, the library is analysed as it is.",
                                 valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Only these stories (ids as `stories` lists them).", valueName: "id"))
    var story: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only the stories of this topic.", valueName: "id"))
    var topic: String?

    @Option(name: .long, help: ArgumentHelp("Only stories with articles on or after this day.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Only stories with articles on or before this day.", valueName: "YYYY-MM-DD"))
    var through: String?

    @Option(name: .long, help: ArgumentHelp("Only the stories of documents matching this search.", valueName: "text"))
    var query: String?

    @Option(name: .long, help: ArgumentHelp("Only the stories of documents naming this entity (name or alias).", valueName: "name"))
    var entity: String?

    @Option(name: .long, help: ArgumentHelp("At most this many stories in the dossier (the largest).", valueName: "n"))
    var stories: Int = 50

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The HTML dossier to write.", valueName: "file"))
    var output: String = "dossier.html"

    @Option(name: .long, help: ArgumentHelp("Also write the dossier as JSON (schema crossread/1).", valueName: "file"))
    var json: String?

    @Option(name: .long, help: ArgumentHelp("Also write the dossier as Markdown.", valueName: "file"))
    var markdown: String?

    @Option(name: .long, help: "The dossier's heading.")
    var title: String = "Crossread dossier"

    @Option(name: .long, help: ArgumentHelp("Similarity (0 to 1) from which two articles count as copies.", valueName: "ratio"))
    var duplicateThreshold: Double?

    @OptionGroup var library: LibraryOptions
    @OptionGroup var reading: ReadingOptions

    @Flag(name: .shortAndLong, help: "Print only failures.")
    var quiet = false

    func validate() throws {
        if let duplicateThreshold, !(0.1...1).contains(duplicateThreshold) {
            throw ValidationError("--duplicate-threshold must be between 0.1 and 1")
        }
        for (name, value) in [("--from", from), ("--through", through)] {
            if let value, AnalyzeCommand.day(value) == nil { throw ValidationError("\(name) takes a day as YYYY-MM-DD, not \"\(value)\"") }
        }
        guard stories > 0 else { throw ValidationError("--stories must be at least 1") }
    }

    static func day(_ text: String) -> Int? {
        guard let date = PublicationDate.parse(text), text.count == 10 else { return nil }
        return PublicationDate.dayCount(year: date.year, month: date.month, day: date.day)
    }

    func run() async throws {
        let start = Date()
        let store = try await library.open()
        var ingested: [String] = []
        if !paths.isEmpty {
            let report = try await Pipeline(options: try reading.pipelineOptions())
                .ingestShowingProgress(paths, into: store, quiet: quiet, library: library.db)
            ingested = report.added + report.present
            guard !ingested.isEmpty else { throw ExitCode(1) }
        }

        var options = LibraryAnalysisOptions()
        if let duplicateThreshold { options.duplicates.threshold = duplicateThreshold }
        let analyzer = LibraryAnalyzer(options: options)
        var update = try await analyzer.update(store)
        // Documents another process claimed (annotating them, or holding them while their story
        // settles) are not placed yet: wait for them, helping with what becomes free, so that the
        // dossier holds every article just read.
        if !ingested.isEmpty {
            // A page read twice (two crawls, two names) is one document.
            let wanted = Array(Set(ingested))
            let deadline = Date().addingTimeInterval(1_200)
            var told = false
            while true {
                let missing = wanted.count - (try await store.storiesOf(documents: wanted)).count
                guard missing > 0, Date() < deadline else { break }
                if !quiet && !told {
                    Terminal.out("Waiting for \(missing) of these documents, which another process is analysing\n")
                    told = true
                }
                try await Task.sleep(for: .seconds(1))
                update.add(try await analyzer.update(store))
            }
        }
        if !quiet {
            Terminal.out("Analysis: \(update.annotated) annotated, \(update.placed) placed in stories, \(update.compared) stories compared"
                         + String(format: " (%.1f s)\n", update.seconds.values.reduce(0, +)))
        }

        var slice = LibrarySlice(stories: story.isEmpty ? nil : story, topic: topic, query: query, entity: entity, storyLimit: stories)
        if from != nil || through != nil {
            slice.days = (from.flatMap(AnalyzeCommand.day) ?? Int.min / 4)...(through.flatMap(AnalyzeCommand.day) ?? Int.max / 4)
        }
        if slice == LibrarySlice(storyLimit: stories), !ingested.isEmpty { slice.documents = ingested }
        let analysis = try await slice.analysis(in: store)
        guard !analysis.stories.isEmpty else {
            throw CrossreadError(source: library.db, stage: .analyze, reason: "no story in the library matches this slice")
        }
        try write(DossierHTML(title: title).render(analysis), to: output)
        if let json { try write(DossierJSON().render(analysis), to: json) }
        if let markdown { try write(DossierMarkdown(title: title).render(analysis), to: markdown) }
        if !quiet {
            let corroborated = analysis.claims.filter { !$0.corroboratedBy.isEmpty }.count
            let disputed = analysis.claims.filter { !$0.disputedBy.isEmpty }.count
            var lines = ["\(analysis.documents.count) articles · \(analysis.stories.count) stories in \(analysis.topics.count) topics · \(analysis.duplicates.count) copy groups",
                         "\(analysis.claims.count) statements: \(corroborated) corroborated, \(disputed) disputed · \(analysis.conflicts.count) conflicts · \(analysis.timeline.count) timeline entries"]
            lines.append("Dossier: \(output)" + (json.map { ", \($0)" } ?? "") + (markdown.map { ", \($0)" } ?? "")
                         + String(format: " (%.1f s)", Date().timeIntervalSince(start)))
            Terminal.out(lines.joined(separator: "\n") + "\n")
        }
    }

    private func write(_ text: String, to path: String) throws {
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw CrossreadError(source: path, stage: .report, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}

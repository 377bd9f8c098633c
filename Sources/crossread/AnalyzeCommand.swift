import ArgumentParser
import CrossreadCore
import CrossreadPipeline
import CrossreadReport
import Foundation

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "The main job: ingest articles, analyse them as one corpus and write a dossier.",
        discussion: """
        Reads the articles into the library (as `ingest` does), finds sentences, entities, quotes, time
        expressions and claims, groups copies, stories and topics, compares sources (corroborated,
        single-source, conflicting and disputed statements), and writes one self-contained HTML file,
        plus JSON (schema crossread/1) and Markdown when asked.

        Examples:
          crossread analyze Examples/corpus -o dossier.html
          crossread analyze ~/scraped/story --json dossier.json --markdown dossier.md -o dossier.html
        """)

    @Argument(help: ArgumentHelp("Files or folders to read; - for standard input.", valueName: "path"))
    var paths: [String]

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
    }

    func run() async throws {
        let start = Date()
        let store = try await library.open()
        let pipeline = Pipeline(options: try reading.pipelineOptions())
        let enabled = Terminal.stderrIsTerminal && !quiet
        let planned = enabled ? pipeline.plan(paths: paths) : (files: 0, bytes: 0)
        let progress = ProgressLine(enabled: enabled, totalFiles: planned.files, totalBytes: planned.bytes)
        // Documents already in the library come back as stored, with the annotations an earlier
        // run saved: only new documents are annotated.
        let report = try await pipeline.ingest(paths: paths, into: store, keepDocuments: true) { batch, report in
            progress.update(batch, report: report)
        }
        var documents = report.documents
        progress.finish()
        Terminal.out(report.summary(quiet: quiet, library: library.db))
        guard !documents.isEmpty else { throw ExitCode(1) }

        var options = AnalysisOptions()
        if let duplicateThreshold { options.duplicates.threshold = duplicateThreshold }
        let analyzer = CorpusAnalyzer(options: options)
        let fresh = documents.indices.filter { CorpusAnalyzer.needsAnnotations(documents[$0]) }
        let annotated = analyzer.annotate(fresh.map { documents[$0] })
        for (index, document) in zip(fresh, annotated) {
            documents[index] = document
            try await store.saveAnnotations(document.annotations, forDocument: document.id)
        }
        // Stories, topics and comparisons of the last run, kept next to a library file: a run that adds
        // a few documents places them and compares again only the stories they join.
        let statePath = library.db.contains("://") ? nil : library.db + ".stories.json"
        let run = analyzer.analyze(documents, reusing: statePath.flatMap(AnalysisState.load(from:)))
        if let statePath { try run.state.save(to: statePath) }
        let analysis = run.analysis
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

import ArgumentParser
import CrossreadCore
import CrossreadPipeline

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print clean text and metadata without storing anything (for pipes).",
        discussion: """
        Failures go to standard error with their reason; the exit status is non-zero only when nothing
        could be read.

        Examples:
          crossread extract article.html
          crossread extract scraped/ --format jsonl | jq .title
          cat page.txt | crossread extract - --format markdown
          crossread extract quotes.txt --no-clean --annotate --format jsonl
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, text, markdown
    }

    @Argument(help: ArgumentHelp("Files or folders to read; - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: "Output format: jsonl (one document JSON per line), text or markdown.")
    var format: Format = .text

    @Flag(name: .long, help: "Add sentences, entities, quotes, time expressions and claims (jsonl).")
    var annotate = false

    @OptionGroup var reading: ReadingOptions

    func run() async throws {
        let pipeline = Pipeline(options: try reading.pipelineOptions())
        let analyzer = CorpusAnalyzer()
        var printed = 0
        var failed = 0
        var notices = NoticeTally()
        try await pipeline.run(paths: paths) { batch in
            for notice in batch.notices { notices.add(notice) }
            var chunk = ""
            let documents = batch.events.compactMap { event -> Document? in
                if case .document(let document) = event { return document }
                return nil
            }
            var annotated = annotate ? analyzer.annotate(documents)[...] : documents[...]
            for event in batch.events {
                switch event {
                case .document:
                    let document = annotated.removeFirst()
                    switch format {
                    case .jsonl: chunk += DocumentJSON(document, includeAnnotations: annotate).line() + "\n"
                    case .text: chunk += (printed > 0 ? "\n" : "") + document.text + "\n"
                    case .markdown: chunk += (printed > 0 ? "\n---\n\n" : "") + DocumentMarkdown.render(document)
                    }
                    printed += 1
                case .failure(let error):
                    failed += 1
                    Terminal.err("crossread: \(error.description)\n")
                }
            }
            Terminal.out(chunk)
        }
        let noticeLines = notices.summaryLines
        if !noticeLines.isEmpty { Terminal.err(noticeLines.joined(separator: "\n") + "\n") }
        if printed == 0 { throw ExitCode(1) }
    }
}

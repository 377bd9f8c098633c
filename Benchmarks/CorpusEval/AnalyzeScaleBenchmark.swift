import CrossreadCore
import CrossreadCorpus
import CrossreadPipeline
import Foundation

/// `corpus-eval analyze-scale --articles GROUND_TRUTH_JSON [--ecb FOLDER] --count N [--add K] [--also-regroup]`: the whole
/// corpus analysis (`CorpusAnalyzer`) over N generated documents, first from nothing, then again with K
/// new documents added, reusing the state the first run left (`AnalysisState`), and with
/// `--also-regroup` once more without it (everything regrouped and compared again). Annotation is timed apart: stored annotations are reused in both.
/// Prints one JSON object with seconds per stage.
enum AnalyzeScaleBenchmark {
    static func run(_ arguments: [String]) throws {
        func value(_ flag: String) -> String? {
            arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        }
        guard let articlesPath = value("--articles"), let count = value("--count").flatMap(Int.init) else {
            print("usage: corpus-eval analyze-scale --articles GROUND_TRUTH_JSON [--ecb FOLDER] --count N [--add K] [--also-regroup]")
            exit(2)
        }
        let extra = value("--add").flatMap(Int.init) ?? 10
        let texts = try DuplicatesBenchmark.articleTexts(articlesPath: articlesPath, ecbFolder: value("--ecb"))
        var generator = VariantGenerator(articles: texts, seed: 11)
        var documents: [Document] = []
        while documents.count < count + extra {
            for text in generator.nextFamily(limit: count + extra - documents.count) {
                let id = String(documents.count)
                var metadata = DocumentMetadata()
                metadata.published = PublicationDate(year: 2020 + documents.count % 5, month: 1 + documents.count % 12,
                                                     day: 1 + documents.count % 28)
                documents.append(Document(contentHash: id.padding(toLength: 64, withPad: "-", startingAt: 0), source: id,
                                          format: .text, original: [], text: text, paragraphs: [],
                                          metadata: metadata, removed: []))
            }
        }
        let analyzer = CorpusAnalyzer()
        var output: [String: Any] = ["documents": count, "addedDocuments": extra]
        var clock = Date()
        documents = analyzer.annotate(documents)
        output["annotateSecondsAll"] = Date().timeIntervalSince(clock)

        let library = Array(documents.prefix(count))
        clock = Date()
        let first = analyzer.analyze(library, reusing: nil)
        output["firstSeconds"] = Date().timeIntervalSince(clock)
        output["firstStages"] = first.seconds
        clock = Date()
        let encoded = try first.state.encoded()
        output["stateMB"] = Double(encoded.count) / 1_048_576
        output["stateEncodeSeconds"] = Date().timeIntervalSince(clock)

        var regrouped: AnalysisRun?
        if arguments.contains("--also-regroup") {
            clock = Date()
            regrouped = analyzer.analyze(documents, reusing: nil)
            output["addFullSeconds"] = Date().timeIntervalSince(clock)
            output["addFullStages"] = regrouped?.seconds
        }

        clock = Date()
        let state = try AnalysisState.decoded(from: encoded)
        output["stateDecodeSeconds"] = Date().timeIntervalSince(clock)
        clock = Date()
        let incremental = analyzer.analyze(documents, reusing: state)
        output["addIncrementalSeconds"] = Date().timeIntervalSince(clock)
        output["addIncrementalStages"] = incremental.seconds
        output["comparedStoriesIncremental"] = incremental.comparedStories
        output["regroupedIncremental"] = incremental.regrouped
        output["storiesFull"] = regrouped?.analysis.stories.count
        output["storiesIncremental"] = incremental.analysis.stories.count
        output["topicsFull"] = regrouped?.analysis.topics.count
        output["topicsIncremental"] = incremental.analysis.topics.count

        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        output["peakMemoryMB"] = Double(usage.ru_maxrss) / 1024
        let data = try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: data, as: UTF8.self))
    }
}

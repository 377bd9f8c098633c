import CrossreadCore
import CrossreadCorpus
import Foundation

/// `corpus-eval stories-scale --articles GROUND_TRUTH_JSON [--ecb FOLDER] --count N [--add K]`: fills a
/// `StoryIndex` with N generated documents, then times adding K more (the incremental step) and
/// regrouping everything into stories and topics. Prints one JSON object.
enum StoryScaleBenchmark {
    static func run(_ arguments: [String]) throws {
        func value(_ flag: String) -> String? {
            arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        }
        guard let articlesPath = value("--articles"), let count = value("--count").flatMap(Int.init) else {
            print("usage: corpus-eval stories-scale --articles GROUND_TRUTH_JSON [--ecb FOLDER] --count N [--add K]")
            exit(2)
        }
        let extra = value("--add").flatMap(Int.init) ?? 10
        let texts = try DuplicatesBenchmark.articleTexts(articlesPath: articlesPath, ecbFolder: value("--ecb"))
        var generator = VariantGenerator(articles: texts, seed: 11)
        var documents: [Document] = []
        while documents.count < count + extra {
            for text in generator.nextFamily(limit: count + extra - documents.count) {
                let id = String(documents.count)
                documents.append(Document(contentHash: id.padding(toLength: 64, withPad: "-", startingAt: 0), source: id,
                                          format: .text, original: [], text: text, paragraphs: [],
                                          metadata: DocumentMetadata(), removed: []))
            }
        }
        let snapshot = documents
        let result: [String: Double] = DuplicatesBenchmark.blocking {
            let index = StoryIndex()
            var clock = Date()
            for document in snapshot.prefix(count) { await index.add(document) }
            let fill = Date().timeIntervalSince(clock)
            clock = Date()
            for document in snapshot.suffix(extra) { await index.add(document) }
            let add = Date().timeIntervalSince(clock)
            clock = Date()
            let clustering = await index.clustering()
            let regroup = Date().timeIntervalSince(clock)
            return ["documents": Double(count), "fillSeconds": fill, "addedDocuments": Double(extra),
                    "addSecondsPerDocument": add / Double(max(extra, 1)), "regroupSeconds": regroup,
                    "stories": Double(clustering.stories.count), "topics": Double(clustering.topics.count)]
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        var output = result
        output["peakMemoryMB"] = Double(usage.ru_maxrss) / 1024
        let data = try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}

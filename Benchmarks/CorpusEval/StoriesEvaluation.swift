import CrossreadCore
import CrossreadCorpus
import CrossreadLanguage
import Foundation

/// `corpus-eval stories FOLDER [--incremental SEED | --continue SEED]`: clusters the labelled corpus and prints one JSON
/// object with B-cubed and pairwise scores at event level (stories) and topic level (topics).
enum StoriesEvaluation {
    static func run(_ arguments: [String]) throws {
        guard let folder = arguments.first else {
            print("usage: corpus-eval stories FOLDER [--incremental SEED | --continue SEED] [--annotate] [--options JSON] [--show]")
            exit(2)
        }
        var corpus = try LabelledCorpus(folder: URL(fileURLWithPath: folder))
        if arguments.contains("--annotate") {
            let annotator = LanguageAnnotator()
            for index in corpus.documents.indices {
                corpus.documents[index].annotations = annotator.annotate(corpus.documents[index])
            }
        }
        var options = StoryOptions()
        if let flag = arguments.firstIndex(of: "--options"), flag + 1 < arguments.count {
            options = try JSONDecoder().decode(StoryOptions.self, from: Data(arguments[flag + 1].utf8))
        }
        let start = Date()
        let clustering: StoryClustering
        var mode = arguments.contains("--annotate") ? "batch, annotated" : "batch"
        if let flag = arguments.firstIndex(of: "--incremental"), flag + 1 < arguments.count, let seed = UInt64(arguments[flag + 1]) {
            mode = "incremental (arrival order shuffled, seed \(seed))" + (arguments.contains("--annotate") ? ", annotated" : "")
            var generator = SplitMix64(seed: seed)
            let order = corpus.documents.indices.shuffled(using: &generator)
            clustering = try awaitIncremental(corpus: corpus, order: order, options: options)
        } else if let flag = arguments.firstIndex(of: "--continue"), flag + 1 < arguments.count, let seed = UInt64(arguments[flag + 1]) {
            // Grouped in full over 90% of the corpus (shuffled), then the other 10% placed into those
            // stories and topics (`StoryClusterer.update`), as a library growing between two analyses.
            mode = "continued (90% grouped, 10% added, seed \(seed))"
            var generator = SplitMix64(seed: seed)
            let order = corpus.documents.indices.shuffled(using: &generator)
            let first = Array(order.prefix(order.count * 9 / 10))
            let clusterer = StoryClusterer(options: options)
            let previous = clusterer.update(nil, documents: first.map { corpus.documents[$0] }, ids: first.map { corpus.names[$0] })
            let state = clusterer.update(previous, documents: order.map { corpus.documents[$0] }, ids: order.map { corpus.names[$0] })
            precondition(!state.regrouped, "the update regrouped")
            clustering = state.clustering
        } else {
            clustering = StoryClusterer(options: options).cluster(corpus.documents, ids: corpus.names)
        }
        let seconds = Date().timeIntervalSince(start)
        var storyOf: [String: String] = [:], topicOf: [String: String] = [:]
        for story in clustering.stories { for document in story.documents { storyOf[document] = story.id; topicOf[document] = story.topic } }
        let event = ClusterScores(predicted: corpus.names.map { storyOf[$0]! }, gold: corpus.events)
        let topic = ClusterScores(predicted: corpus.names.map { topicOf[$0]! }, gold: corpus.topics)
        let result: [String: Any] = [
            "mode": mode, "documents": corpus.names.count, "seconds": seconds,
            "event": ["precision": event.precision, "recall": event.recall, "f1": event.f1, "pairwiseF1": event.pairwiseF1, "clusters": event.clusters],
            "topic": ["precision": topic.precision, "recall": topic.recall, "f1": topic.f1, "pairwiseF1": topic.pairwiseF1, "clusters": topic.clusters],
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        if arguments.contains("--show") {
            for topic in clustering.topics {
                FileHandle.standardError.write(Data("TOPIC \(topic.id.prefix(22)) | \(topic.title) | \(topic.stories.count) stories\n".utf8))
            }
            for story in clustering.stories {
                let gold = Dictionary(grouping: story.documents) { corpus.events[corpus.names.firstIndex(of: $0)!] }.mapValues(\.count)
                FileHandle.standardError.write(Data("\(story.topic.prefix(22)) | \(story.title.prefix(60)) | \(story.first?.day8601 ?? "-")..\(story.last?.day8601 ?? "-") | \(gold)\n".utf8))
            }
        }
    }

    private static func awaitIncremental(corpus: LabelledCorpus, order: [Int], options: StoryOptions) throws -> StoryClustering {
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            let index = StoryIndex(options: options)
            for position in order { await index.add(corpus.documents[position], id: corpus.names[position]) }
            box.value = await index.clustering()
            semaphore.signal()
        }
        semaphore.wait()
        return box.value!
    }
}

private final class ResultBox: @unchecked Sendable { var value: StoryClustering? }

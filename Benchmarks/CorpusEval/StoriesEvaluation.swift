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
        } else if let flag = arguments.firstIndex(of: "--stream"), flag + 1 < arguments.count, let batch = Int(arguments[flag + 1]) {
            // Fed in publication-date order (undated last, in folder order), `batch` articles at a
            // time, through the streaming window `crossread analyze` keeps in the library.
            mode = "streamed (date order, batches of \(batch))" + (arguments.contains("--annotate") ? ", annotated" : "")
            clustering = streamed(corpus: corpus, batch: batch, options: options)
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

    /// Stories and topics of the corpus fed through a `StoryWindow` in date order.
    static func streamed(corpus: LabelledCorpus, batch: Int, options: StoryOptions) -> StoryClustering {
        // Undated articles arrive when the corpus is read: the day after its latest dated article.
        let dated = corpus.documents.indices.map { StreamDocument(document: corpus.documents[$0], id: corpus.names[$0], arrivalDay: 0) }
        let arrival = ProcessInfo.processInfo.environment["ARRIVAL_ZERO"] != nil ? 0 : (dated.compactMap(\.day).max() ?? 0) + 1
        let documents = corpus.documents.indices.map { StreamDocument(document: corpus.documents[$0], id: corpus.names[$0], arrivalDay: arrival) }
        var order = documents.indices.sorted { (documents[$0].day ?? Int.max, $0) < (documents[$1].day ?? Int.max, $1) }
        // SHUFFLE=SEED: articles arrive in no order (as several workers reading overlapping inputs place them).
        if let seed = ProcessInfo.processInfo.environment["SHUFFLE"].flatMap(UInt64.init) {
            var generator = SplitMix64(seed: seed)
            order.shuffle(using: &generator)
        }
        var statistics = TermStatistics()
        if ProcessInfo.processInfo.environment["PRIME"] != nil { for document in documents { statistics.count(document) } }
        var streamOptions = StoryWindowOptions(stories: options)
        if let floor = ProcessInfo.processInfo.environment["KIND_FLOOR"].flatMap(Double.init) { streamOptions.stories.topicKindFloor = floor }
        if let days = ProcessInfo.processInfo.environment["WINDOW"].flatMap(Int.init) { streamOptions.windowDays = days }
        if let value = ProcessInfo.processInfo.environment["SETTLE"].flatMap(Int.init) { streamOptions.settleDays = value }
        if let value = ProcessInfo.processInfo.environment["COHESION"].flatMap(Double.init) { streamOptions.stories.cohesionRatio = value }
        if let value = ProcessInfo.processInfo.environment["JOIN"].flatMap(Double.init) { streamOptions.stories.joinCohesionRatio = value }
        var window = StoryWindow(options: streamOptions, statistics: statistics)
        var storyOf: [String: String] = [:]
        var topics: [String: StreamTopic] = [:]
        var stories: [String: StreamStory] = [:]
        // What the library would hold: stories that left the window, found again by their keys.
        var archive: [UInt64: [String]] = [:]
        var reloaded = 0, evicted = 0
        var start = 0
        while start < order.count {
            for position in order[start..<min(order.count, start + batch)] {
                for key in window.lookupKeys(documents[position]) where !window.isIndexed(key) {
                    for id in (archive[key] ?? []).suffix(64) {
                        if let story = stories[id], window.stories[id] == nil { window.load(story); reloaded += 1 }
                    }
                }
            }
            for position in order[start..<min(order.count, start + batch)] { window.add(documents[position]) }
            start += batch
            let changes = window.finishBatch(final: start >= order.count)
            for merge in changes.storyMerges {
                for (document, story) in storyOf where story == merge.from { storyOf[document] = merge.into }
                stories[merge.from] = nil
            }
            for assignment in changes.assignments { storyOf[assignment.document] = assignment.story }
            for merge in changes.topicMerges {
                for (id, story) in stories where story.topic == merge.from { stories[id]!.topic = merge.into }
            }
            for story in changes.stories { stories[story.id] = story }
            for id in changes.removedTopics { topics[id] = nil }
            for topic in changes.topics { topics[topic.id] = topic }
            if ProcessInfo.processInfo.environment["DEBUG_EVENT"] == nil {
                for story in window.evict() {
                    evicted += 1
                    for key in story.indexKeys where archive[key]?.last != story.id { archive[key, default: []].append(story.id) }
                }
            }
        }
        if let event = ProcessInfo.processInfo.environment["DEBUG_EVENT"] {
            var byStory: [String: Int] = [:]
            for (index, name) in corpus.names.enumerated() where corpus.events[index] == event { byStory[storyOf[name]!, default: 0] += 1 }
            let ids = byStory.keys.sorted()
            for a in ids { for b in ids where a < b {
                if let c = window.comparison(a, b) {
                    print(a, byStory[a]!, b, byStory[b]!, String(format: "%.3f", c.similarity), c.cohesions.0 ?? -1, c.cohesions.1 ?? -1, c.days)
                }
            } }
        }
        FileHandle.standardError.write(Data("stories evicted \(evicted), reloaded \(reloaded)\n".utf8))
        if ProcessInfo.processInfo.environment["DEBUG_TOPICS"] != nil {
            // Each gold topic: its events, the predicted story and topic of each of their articles.
            var lines: [String] = []
            for gold in Set(corpus.topics).sorted() {
                var byEvent: [String: [String: Int]] = [:]
                for (index, name) in corpus.names.enumerated() where corpus.topics[index] == gold {
                    let story = stories[storyOf[name]!]!
                    let day = corpus.documents[index].metadata.published.map { "\($0.year)" } ?? "u"
                    byEvent[corpus.events[index], default: [:]]["\(story.id.dropFirst(6))@\(story.topic.dropFirst(6)):\(day)", default: 0] += 1
                }
                lines.append("gold \(gold): " + byEvent.keys.sorted().map { event in
                    event + " " + byEvent[event]!.sorted { $0.value > $1.value }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
                }.joined(separator: " | "))
            }
            for topic in topics.values.sorted(by: { $0.id < $1.id }) {
                lines.append("\(topic.id) stories=\(topic.stories) size=\(topic.size) \(topic.title)")
            }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        var members: [String: [String]] = [:]
        for name in corpus.names { members[storyOf[name]!, default: []].append(name) }
        let clusters = members.keys.sorted().map { id in
            let story = stories[id]!
            return StoryCluster(id: id, title: story.title, documents: members[id]!, first: story.first, last: story.last,
                                topic: story.topic, keywords: story.keywords, entities: story.entities)
        }
        var topicStories: [String: [String]] = [:]
        for cluster in clusters { topicStories[cluster.topic, default: []].append(cluster.id) }
        var topicClusters: [TopicCluster] = []
        for topic in topics.values.sorted(by: { $0.id < $1.id }) {
            topicClusters.append(TopicCluster(id: topic.id, title: topic.title, stories: topicStories[topic.id] ?? [],
                                              first: nil, last: nil, keywords: topic.keywords, entities: topic.entities))
        }
        return StoryClustering(stories: clusters, topics: topicClusters)
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

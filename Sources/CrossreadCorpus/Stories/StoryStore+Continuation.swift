import CrossreadCore

extension StoryStore {
    /// A story of an earlier run, re-entered as one fragment.
    struct KeptStory: Sendable {
        var story: StoryCluster
        var fragment: Int
        /// All of its documents are still in the corpus.
        var whole: Bool
    }

    /// Stories and topics after documents were placed into kept stories (`KeptStory`, fragments
    /// `0..<kept.count`) or into new fragments. Kept stories that gained or lost documents are named
    /// again; each new story joins the topic whose documents it resembles most on average (topic
    /// vectors, as in the batch), when that reaches `topicThreshold`, else the topic most like it in kind
    /// of event (`topicKindFloor`), else starts a topic. Only topics sharing a strong key with the new
    /// story are compared.
    func continued(kept: [KeptStory], touched: Set<Int>, topics previousTopics: [TopicCluster]) -> StoryClustering {
        let naming = StoryNaming(ids: ids, features: features, vectors: vectors, surfaces: surfaces)
        var stories: [StoryCluster] = []
        var storyFragment: [Int] = []
        var storyOfFragment = [Int](repeating: -1, count: fragments.count)
        var changedTopics = Set<String>()
        for item in kept {
            var story = item.story
            if !item.whole || touched.contains(item.fragment) {
                let fragment = fragments[item.fragment]
                var renamed = naming.story(members: fragment.members, sum: fragment.sum)
                renamed.id = story.id
                renamed.topic = story.topic
                story = renamed
                changedTopics.insert(story.topic)
            }
            storyOfFragment[item.fragment] = stories.count
            storyFragment.append(item.fragment)
            stories.append(story)
        }
        var topicStories: [String: [Int]] = [:]
        for (index, story) in stories.enumerated() { topicStories[story.topic, default: []].append(index) }

        var topicVectors: [Int: SparseVector] = [:]
        func topicVector(_ member: Int) -> SparseVector {
            if let vector = topicVectors[member] { return vector }
            let vector = weighting.topicVector(features[member], options: options)
            topicVectors[member] = vector
            return vector
        }
        /// The sum of `vector` over a topic's documents, and their number; cached per topic.
        func memberSum(_ topic: String, _ cache: inout [String: (sum: [UInt64: Double], size: Int)],
                       _ vector: (Int) -> SparseVector) -> (sum: [UInt64: Double], size: Int) {
            if let cached = cache[topic] { return cached }
            var sum: [UInt64: Double] = [:]
            var size = 0
            for story in topicStories[topic] ?? [] {
                for member in fragments[storyFragment[story]].members {
                    vector(member).add(to: &sum)
                    size += 1
                }
            }
            cache[topic] = (sum, size)
            return (sum, size)
        }
        var topicSums: [String: (sum: [UInt64: Double], size: Int)] = [:]
        func topicSum(_ topic: String) -> (sum: [UInt64: Double], size: Int) { memberSum(topic, &topicSums, topicVector) }
        var kindSums: [String: (sum: [UInt64: Double], size: Int)] = [:]
        func kindSum(_ topic: String) -> (sum: [UInt64: Double], size: Int) {
            memberSum(topic, &kindSums) { weighting.kindVector(features[$0]) }
        }
        let longestPosting = max(64, Int(Double(fragments.count).squareRoot() * 4))
        var newTopics: [String] = []
        for fragmentIndex in kept.count..<fragments.count {
            let fragment = fragments[fragmentIndex]
            guard !fragment.members.isEmpty else { continue }  // it joined another fragment
            var story = naming.story(members: fragment.members, sum: fragment.sum)
            var sum: [UInt64: Double] = [:]
            for member in fragment.members { topicVector(member).add(to: &sum) }
            let strongest = sum.filter { FeatureChannel.of($0.key) != .time }
                .sorted { abs($0.value) > abs($1.value) || (abs($0.value) == abs($1.value) && $0.key < $1.key) }
                .prefix(64)
            var candidates = Set<String>()
            for (key, _) in strongest {
                guard let postings = fragmentPostings[key], postings.count <= longestPosting else { continue }
                for other in postings where storyOfFragment[Int(other)] >= 0 {
                    candidates.insert(stories[storyOfFragment[Int(other)]].topic)
                }
            }
            var best: (topic: String, similarity: Double)?
            for topic in candidates.sorted() {
                let (topicSum, size) = topicSum(topic)
                guard size > 0 else { continue }
                let similarity = sparseDot(sum, topicSum) / Double(size * fragment.members.count)
                if similarity >= options.topicThreshold, similarity > (best?.similarity ?? -1) { best = (topic, similarity) }
            }
            if best == nil {
                // No topic shares its subject: the one reporting the most similar kind of event, as
                // `TopicPairing` pairs topics in the batch.
                var kinds: [UInt64: Double] = [:]
                for member in fragment.members { weighting.kindVector(features[member]).add(to: &kinds) }
                for topic in candidates.sorted() {
                    let (topicKinds, size) = kindSum(topic)
                    guard size > 0 else { continue }
                    let similarity = sparseDot(kinds, topicKinds) / Double(size * fragment.members.count)
                    if similarity >= options.topicKindFloor, similarity > (best?.similarity ?? -1) { best = (topic, similarity) }
                }
            }
            if let best {
                story.topic = best.topic
            } else {
                story.topic = "topic-" + ids[fragment.members[0]]
                newTopics.append(story.topic)
            }
            changedTopics.insert(story.topic)
            topicSums[story.topic] = nil
            kindSums[story.topic] = nil
            topicStories[story.topic, default: []].append(stories.count)
            storyOfFragment[fragmentIndex] = stories.count
            storyFragment.append(fragmentIndex)
            stories.append(story)
        }

        var topics: [TopicCluster] = []
        let previousByID = Dictionary(previousTopics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in previousTopics.map(\.id) + newTopics {
            guard let members = topicStories[id], !members.isEmpty else { continue }
            let ordered = members.sorted { stories[$0].documents.count != stories[$1].documents.count
                ? stories[$0].documents.count > stories[$1].documents.count : $0 < $1 }
            let previous = previousByID[id]
            if let previous, !changedTopics.contains(id), Set(previous.stories) == Set(ordered.map { stories[$0].id }) {
                topics.append(previous)
                continue
            }
            var topic = naming.topic(stories: ordered.map { stories[$0] }, sum: topicSum(id).sum)
            topic.id = id
            topics.append(topic)
        }
        return StoryStore.ordered(stories: stories, topics: topics)
    }

    /// Stories largest first (ties in their given order), topics by their documents, most first.
    static func ordered(stories: [StoryCluster], topics: [TopicCluster]) -> StoryClustering {
        let sortedStories = stories.enumerated().sorted { a, b in
            a.element.documents.count != b.element.documents.count
                ? a.element.documents.count > b.element.documents.count : a.offset < b.offset
        }.map(\.element)
        var size: [String: Int] = [:]
        for story in stories { size[story.id] = story.documents.count }
        let weight = topics.map { topic in topic.stories.reduce(0) { $0 + (size[$1] ?? 0) } }
        let sortedTopics = topics.indices.sorted { weight[$0] != weight[$1] ? weight[$0] > weight[$1] : topics[$0].id < topics[$1].id }
            .map { topics[$0] }
        return StoryClustering(stories: sortedStories, topics: sortedTopics)
    }
}

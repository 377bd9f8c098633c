import CrossreadCore

/// Streaming story and topic analysis over a window of time. Articles taken in wait until their
/// story settles; at the end of each batch the waiting articles are grouped as the batch clusterer
/// groups them, with the open stories their keys find (an index of the stories' strongest words and
/// names) as fixed members: an article grouped with an open story joins it, a group of new articles
/// becomes a new story once old enough; new stories join the topic they resemble or start one. Work
/// per article depends on the candidates its keys find, never on the size of the library; memory holds
/// the open stories and topics and the waiting articles only. The library keeps what `finishBatch()`
/// reports (`StoryWindowChanges`) and gives older stories back (`load`) when an article's names find them.
///
///     article ─▶ features (library-wide term statistics) ─▶ waiting
///     batch end ─▶ regroup waiting articles with the open stories ─▶ settle ─▶ topics ─▶ changes
public struct StoryWindow: Sendable {
    /// Keys a story and a topic are indexed under, and keys of an article that look for candidates.
    public static let storyIndexKeys = 48
    static let storyIndexNames = 16
    public static let topicIndexKeys = 32
    static let queryKeys = 12
    /// Topics whose similarity to a story is computed exactly (the closest on its strongest keys).
    static let nearestTopics = 16
    /// Kind keys of a topic that look for a topic to pair with.
    static let kindCandidateKeys = 16
    /// At most this many of the latest stories are compared per key (a key in every story tells little).
    static let longestPosting = 256

    public let options: StoryWindowOptions
    public private(set) var statistics: TermStatistics
    public private(set) var stories: [String: StreamStory] = [:]
    public private(set) var topics: [String: StreamTopic] = [:]
    private var storyPostings: [UInt64: [String]] = [:]
    private var topicPostings: [UInt64: [String]] = [:]
    /// Topics not paired by kind yet, under their strongest kind keys (entries of topics paired or
    /// gone since are skipped when read).
    private var kindPostings: [UInt64: [String]] = [:]
    /// The latest day an article of the stream had.
    public private(set) var latestDay: Int?

    /// Articles taken in whose story is not settled yet.
    private var tentative: [StreamDocument] = []
    /// Stories the waiting articles were last grouped with (kept in the window while they wait: one
    /// reloaded for an article that waits past its batch would otherwise be gone when it is grouped).
    private var neighboursOfWaiting = Set<String>()
    /// Stories evicted since the index was last cleaned of them.
    private var evictedSinceCleaning = 0
    // What the current batch did.
    private var started: [String] = []
    private var grown: [String] = []
    private var topicDelta: [String: (profile: StoryProfile, kinds: StoryProfile, size: Int)] = [:]
    private var assignments: [(document: String, story: String)] = []
    private var changedStories = Set<String>()
    private var changedTopics = Set<String>()
    private var removedTopics = Set<String>()
    private var topicMerges: [(from: String, into: String)] = []
    private var storyMerges: [(from: String, into: String)] = []

    public init(options: StoryWindowOptions = StoryWindowOptions(), statistics: TermStatistics = TermStatistics()) {
        self.options = options
        self.statistics = statistics
    }

    // MARK: Loading what the library holds

    /// Puts a stored story back into the window (a no-op for one already there).
    public mutating func load(_ story: StreamStory) {
        guard stories[story.id] == nil else { return }
        stories[story.id] = story
        for key in story.indexKeys { storyPostings[key, default: []].append(story.id) }
    }

    public mutating func load(_ topic: StreamTopic) {
        guard topics[topic.id] == nil else { return }
        topics[topic.id] = topic
        for key in topic.indexKeys { topicPostings[key, default: []].append(topic.id) }
        indexKinds(topic)
    }

    /// The keys under which the library's older stories are looked up for an article before it is
    /// added (`load`): its strongest names, which rarely recur in unrelated events, so an article
    /// about an event months or years old still finds it; for an undated article, its strongest words too.
    public func lookupKeys(_ document: StreamDocument) -> [UInt64] {
        let vector = weighted(document).story
        let names = vector.keys.indices.filter { FeatureChannel.of(vector.keys[$0]) == .names }
            .sorted { vector.values[$0] > vector.values[$1] || (vector.values[$0] == vector.values[$1] && vector.keys[$0] < vector.keys[$1]) }
        var keys = names.prefix(StoryWindow.lookupNames).map { vector.keys[$0] }
        // An undated article may belong to any time: its strongest words look too.
        if document.day == nil { keys += vector.strongestKeys(StoryWindow.queryKeys).filter { !keys.contains($0) } }
        return keys
    }

    static let lookupNames = 16

    /// True when some story in the window is indexed under `key`: a name the window already knows
    /// needs no look-up in the library (its recent stories are here).
    public func isIndexed(_ key: UInt64) -> Bool { storyPostings[key] != nil }

    // MARK: Adding articles

    /// Takes one article in. Its story is settled at the end of a batch: right away when it joins a
    /// story the library holds, else once the stream has gone `settleDays` past its day (or the run ends),
    /// so that the articles of a new event group as a batch would group them.
    public mutating func add(_ document: StreamDocument) {
        statistics.count(document.features)
        if let day = document.day { latestDay = max(latestDay ?? day, day) }
        tentative.append(document)
    }

    /// Articles not yet settled into a story.
    public var unsettled: Int { tentative.count }
    public var unsettledIDs: [String] { tentative.map(\.id) }

    private func weighted(_ document: StreamDocument) -> (story: SparseVector, topic: SparseVector, kind: SparseVector) {
        let s = options.stories
        let statistics = self.statistics
        return (TermWeighting.vector(document.features, channelWeights: [s.wordWeight, s.nameWeight, s.timeWeight, 0]) { statistics.idf($0) },
                TermWeighting.vector(document.features, channelWeights: [1 - s.topicNameWeight, s.topicNameWeight, 0, 0]) { statistics.smoothIDF($0) },
                TermWeighting.vector(document.features, channelWeights: [0, 0, 0, 1]) { statistics.idf($0) })
    }

    /// The open stories (and those loaded for the batch) an article is grouped with: among the stories
    /// its strongest keys find (the latest `longestPosting` per key), the `nearestStories` whose profiles
    /// weigh those keys most per article, an estimate of the average similarity the grouping computes.
    /// Bounded per article, however many stories share its words.
    private func nearest(_ vector: SparseVector) -> [String] {
        StoryWindow.closest(vector.strongest(StoryWindow.queryKeys), in: storyPostings, limit: StoryWindow.nearestStories) { id in
            stories[id].map { ($0.profile, $0.size) }
        }
    }

    /// Among the entries `postings` lists under the query's keys (the latest `longestPosting` per key),
    /// the `limit` whose profiles weigh those keys most per article (the sum of weight × value / size over
    /// the keys, an estimate of average similarity; an entry listed twice under a key counts once),
    /// positive estimates only, best first, ties by id. `profile` gives an entry's profile and size, nil
    /// for one to pass over.
    static func closest(_ query: [(key: UInt64, weight: Double)], in postings: [UInt64: [String]], limit: Int,
                        profile: (String) -> (profile: StoryProfile, size: Int)?) -> [String] {
        var score: [String: (value: Double, key: UInt64)] = [:]
        for (key, weight) in query {
            guard let posting = postings[key] else { continue }
            for id in posting.suffix(StoryWindow.longestPosting) where score[id]?.key != key {
                guard let (profile, size) = profile(id), let value = profile.value(of: key) else { continue }
                score[id] = ((score[id]?.value ?? 0) + weight * Double(value) / Double(size), key)
            }
        }
        return score.filter { $0.value.value > 0 }
            .sorted { $0.value.value > $1.value.value || ($0.value.value == $1.value.value && $0.key < $1.key) }
            .prefix(limit).map(\.key)
    }

    /// Open stories an article is grouped with (`nearest`).
    static let nearestStories = 8
    /// Groups of a batch each compared exactly with this many others (the closest on their strong keys).
    static let linkageCandidates = 32

    private mutating func start(_ document: StreamDocument, vector: SparseVector, topicVector: SparseVector,
                                kindVector: SparseVector, id: String) {
        let headline = StoryWindow.headline(document)
        let story = StreamStory(
            id: id, topic: "", title: headline ?? document.features.lead ?? "", titleScore: vector.normSquared,
            titleIsHeadline: headline != nil, size: 1, selfSum: vector.normSquared, sumNormSquared: vector.normSquared,
            profile: StoryProfile(vector), topicProfile: StoryProfile(topicVector), kindProfile: StoryProfile(kindVector),
            first: document.date, last: document.date, firstDay: document.effectiveDay, lastDay: document.effectiveDay,
            surfaces: StreamNaming.trimmed(document.features.surfaces, profile: StoryProfile(vector)))
        stories[id] = story
        started.append(id)
        index(story)
        if story.title.isEmpty { stories[id]!.title = fallbackTitle(stories[id]!) }
    }

    private mutating func join(_ document: StreamDocument, vector: SparseVector, topicVector: SparseVector,
                               kindVector: SparseVector, story id: String) {
        var story = stories[id]!
        let dot = story.profile.dot(vector)
        story.profile.add(vector)
        story.profile.prune(to: options.storyProfileKeys)
        story.selfSum += vector.normSquared
        story.sumNormSquared += 2 * dot + vector.normSquared
        story.size += 1
        story.topicProfile.add(topicVector)
        story.topicProfile.prune(to: options.topicProfileKeys)
        story.kindProfile.add(kindVector)
        // Dated articles date a story; arrival days only date a story of undated articles.
        if let day = document.day, story.first == nil {
            story.firstDay = day
            story.lastDay = day
        } else if document.day != nil || story.first == nil {
            story.firstDay = min(story.firstDay, document.effectiveDay)
            story.lastDay = max(story.lastDay, document.effectiveDay)
        }
        if let date = document.date {
            if story.first.map({ date < $0 }) ?? true { story.first = date }
            if story.last.map({ date > $0 }) ?? true { story.last = date }
        }
        // The most central article names the story: its average similarity to the others.
        let score = (dot + vector.normSquared) / Double(story.size)
        if let headline = StoryWindow.headline(document), !story.titleIsHeadline || score > story.titleScore {
            story.title = headline
            story.titleIsHeadline = true
            story.titleScore = score
        }
        for (key, surface) in document.features.surfaces where story.surfaces[key] == nil { story.surfaces[key] = surface }
        story.surfaces = StreamNaming.trimmed(story.surfaces, profile: story.profile)
        if !story.titleIsHeadline, story.title.isEmpty { story.title = fallbackTitle(story) }
        if !story.topic.isEmpty {
            var delta = topicDelta[id] ?? (StoryProfile(), StoryProfile(), 0)
            delta.profile.add(topicVector)
            delta.kinds.add(kindVector)
            delta.size += 1
            topicDelta[id] = delta
        }
        stories[id] = story
        if !started.contains(id), !grown.contains(id) { grown.append(id) }
        index(story)
    }

    private mutating func index(_ story: StreamStory) {
        for key in story.indexKeys where storyPostings[key]?.last != story.id {
            storyPostings[key, default: []].append(story.id)
        }
    }

    private static func headline(_ document: StreamDocument) -> String? {
        guard let title = document.features.title, title.split(separator: " ").count >= 3 else { return nil }
        return title
    }

    private func fallbackTitle(_ story: StreamStory) -> String {
        let names = story.entities.prefix(2).joined(separator: ", ")
        let words = story.keywords.prefix(3).joined(separator: ", ")
        if names.isEmpty { return words }
        return words.isEmpty ? names : names + ": " + words
    }

    // MARK: The end of a batch

    /// Groups the articles taken in (`regroup`), places new stories into topics, and returns what
    /// changed for the library to keep; `final` settles every article (the end of a run), `holdsAll`
    /// none (articles that may belong with them are still on their way), unless too many wait. The
    /// window then starts a new batch.
    public mutating func finishBatch(final: Bool = false, holdsAll: Bool = false) -> StoryWindowChanges {
        regroup(final: final, holdsAll: holdsAll)
        placeInTopics()
        var changes = StoryWindowChanges()
        changes.assignments = assignments.map { StoryAssignmentChange(document: $0.document, story: $0.story) }
        for id in changedStories.sorted() { if let story = stories[id] { changes.stories.append(story) } }
        for id in changedTopics.sorted() { if let topic = topics[id] { changes.topics.append(topic) } }
        changes.removedTopics = removedTopics.filter { topics[$0] == nil }.sorted()
        changes.topicMerges = topicMerges
        changes.storyMerges = storyMerges
        started = []
        grown = []
        topicDelta = [:]
        assignments = []
        changedStories = []
        changedTopics = []
        removedTopics = []
        topicMerges = []
        storyMerges = []
        return changes
    }

    /// Groups the unsettled articles as batch clustering does (`StoryStore`): each, in date order,
    /// joins the fragment it clearly belongs to or starts one, where the open stories its keys find
    /// are fixed fragments; then fragments merge by average linkage with the cohesion test
    /// (`AverageLinkage`), two open stories never merging with each other. A group holding an open story
    /// settles its articles into it, and a group of new articles becomes a story, once its earliest
    /// article is `settleDays` old, when the run ends, or when too many articles wait; the rest wait
    /// for the next batch.
    private mutating func regroup(final: Bool, holdsAll: Bool) {
        guard !tentative.isEmpty else { return }
        let s = options.stories
        let vectors = tentative.map { weighted($0) }
        var neighbourhood: [String] = []
        var seen = Set<String>()
        for index in tentative.indices {
            for id in nearest(vectors[index].story) where seen.insert(id).inserted {
                neighbourhood.append(id)
            }
        }
        var sums: [SparseVector] = []
        var sizes: [Int] = []
        var selfSums: [Double] = []
        var sumNorms: [Double] = []
        var members: [[Int]] = []
        var postings: [UInt64: [Int]] = [:]
        for id in neighbourhood {
            let story = stories[id]!
            for key in story.indexKeys { postings[key, default: []].append(sums.count) }
            sums.append(SparseVector(keys: story.profile.keys, values: story.profile.values.map(Double.init)))
            sizes.append(story.size)
            selfSums.append(story.selfSum)
            sumNorms.append(story.sumNormSquared)
            members.append([])
        }
        let order = tentative.indices.sorted { tentative[$0].orderKey != tentative[$1].orderKey ? tentative[$0].orderKey < tentative[$1].orderKey : $0 < $1 }
        for index in order {
            let vector = vectors[index].story
            let keys = vector.strongestKeys(StoryWindow.queryKeys)
            var candidates = Set<Int>()
            for key in keys { candidates.formUnion(postings[key] ?? []) }
            var best: (fragment: Int, similarity: Double)?
            for fragment in candidates.sorted() {
                let similarity = vector.dot(sums[fragment]) / Double(sizes[fragment])
                let m = Double(sizes[fragment])
                let cohesion = sizes[fragment] > 1 ? (sumNorms[fragment] - selfSums[fragment]) / (m * (m - 1)) : nil
                let required = cohesion.map { max(s.mergeFloor, s.joinCohesionRatio * $0) } ?? s.joinPairFloor
                if similarity >= required, similarity > (best?.similarity ?? -1) { best = (fragment, similarity) }
            }
            let target: Int
            if let best {
                target = best.fragment
                let dot = vector.dot(sums[target])
                sums[target].add(vector)
                sizes[target] += 1
                selfSums[target] += vector.normSquared
                sumNorms[target] += 2 * dot + vector.normSquared
                members[target].append(index)
            } else {
                target = sums.count
                sums.append(vector)
                sizes.append(1)
                selfSums.append(vector.normSquared)
                sumNorms.append(vector.normSquared)
                members.append([index])
            }
            for key in keys where postings[key]?.last != target { postings[key, default: []].append(target) }
        }
        let groups = AverageLinkage(floor: s.mergeFloor, cohesionRatio: s.cohesionRatio, candidatesPerCluster: StoryWindow.linkageCandidates)
            .merge(vectors: sums, sizes: sizes, selfSums: selfSums, fixed: neighbourhood.count, bridged: true)
        let boundary = final ? Int.max : holdsAll ? Int.min : (latestDay ?? 0) - options.settleDays
        var waiting: [[Int]] = []
        for group in groups {
            let stored = group.filter { $0 < neighbourhood.count }.map { neighbourhood[$0] }
            let articles = group.flatMap { members[$0] }.sorted { tentative[$0].orderKey != tentative[$1].orderKey ? tentative[$0].orderKey < tentative[$1].orderKey : $0 < $1 }
            if var target = stored.first {
                // A stored story and the articles grouped with it: they settle into it once old enough
                // (a newer article may yet pull them into a new story of their own). Stories the articles
                // bridge become one then, the largest keeping its id.
                if let first = articles.first, tentative[first].orderKey <= boundary {
                    if stored.count > 1 {
                        target = stored.max { (stories[$0]!.size, $1) < (stories[$1]!.size, $0) }!
                        for other in stored where other != target { merge(story: other, into: target) }
                    }
                    for article in articles { settle(article, vectors: vectors[article], into: target) }
                } else if !articles.isEmpty {
                    waiting.append(articles)
                }
            } else if let first = articles.first, tentative[first].orderKey <= boundary {
                settle(articles, vectors: vectors)
            } else if !articles.isEmpty {
                waiting.append(articles)
            }
        }
        // Too many waiting: the oldest groups settle.
        var count = waiting.reduce(0) { $0 + $1.count }
        if count > options.maximumUnsettled {
            waiting.sort { tentative[$0[0]].orderKey < tentative[$1[0]].orderKey }
            while count > options.maximumUnsettled / 2, !waiting.isEmpty {
                let group = waiting.removeFirst()
                settle(group, vectors: vectors)
                count -= group.count
            }
        }
        tentative = waiting.flatMap { $0 }.sorted().map { tentative[$0] }
        // The stories the waiting articles were grouped with stay in the window until they settle.
        neighboursOfWaiting = tentative.isEmpty ? [] : seen
    }

    /// `gone`, a story settled before this batch, joins `kept`: its articles and profiles move, its
    /// topic counts one story less (and goes when it had no other), `kept`'s topic gains its articles.
    /// The library moves its documents (`StoryWindowChanges.storyMerges`).
    private mutating func merge(story goneID: String, into keptID: String) {
        guard goneID != keptID, let gone = stories[goneID], var kept = stories[keptID] else { return }
        let dot = kept.profile.dot(gone.profile)
        kept.profile.add(gone.profile)
        kept.profile.prune(to: options.storyProfileKeys)
        kept.selfSum += gone.selfSum
        kept.sumNormSquared += gone.sumNormSquared + 2 * dot
        kept.size += gone.size
        kept.topicProfile.add(gone.topicProfile)
        kept.topicProfile.prune(to: options.topicProfileKeys)
        kept.kindProfile.add(gone.kindProfile)
        kept.firstDay = min(kept.firstDay, gone.firstDay)
        kept.lastDay = max(kept.lastDay, gone.lastDay)
        if let date = gone.first, kept.first.map({ date < $0 }) ?? true { kept.first = date }
        if let date = gone.last, kept.last.map({ date > $0 }) ?? true { kept.last = date }
        if gone.titleIsHeadline, !kept.titleIsHeadline {
            kept.title = gone.title
            kept.titleIsHeadline = true
            kept.titleScore = gone.titleScore
        }
        for (key, surface) in gone.surfaces where kept.surfaces[key] == nil { kept.surfaces[key] = surface }
        kept.surfaces = StreamNaming.trimmed(kept.surfaces, profile: kept.profile)
        if gone.topic == kept.topic, var topic = topics[gone.topic] {
            topic.stories -= 1
            topics[topic.id] = topic
            changedTopics.insert(topic.id)
        } else {
            if var topic = topics[gone.topic] {
                topic.stories -= 1
                topic.size -= gone.size
                if topic.stories <= 0 {
                    topics[topic.id] = nil
                    removedTopics.insert(topic.id)
                    changedTopics.remove(topic.id)
                } else {
                    topics[topic.id] = topic
                    changedTopics.insert(topic.id)
                }
            }
            if !kept.topic.isEmpty {
                var delta = topicDelta[keptID] ?? (StoryProfile(), StoryProfile(), 0)
                delta.profile.add(gone.topicProfile)
                delta.kinds.add(gone.kindProfile)
                delta.size += gone.size
                topicDelta[keptID] = delta
            }
        }
        stories[goneID] = nil
        stories[keptID] = kept
        index(kept)
        storyMerges.append((from: goneID, into: keptID))
        changedStories.insert(keptID)
        changedStories.remove(goneID)
        if !started.contains(keptID), !grown.contains(keptID) { grown.append(keptID) }
    }

    private mutating func settle(_ articles: [Int], vectors: [(story: SparseVector, topic: SparseVector, kind: SparseVector)]) {
        let first = tentative[articles[0]]
        let id = "story-" + first.id
        start(first, vector: vectors[articles[0]].story, topicVector: vectors[articles[0]].topic, kindVector: vectors[articles[0]].kind, id: id)
        assignments.append((first.id, id))
        changedStories.insert(id)
        for article in articles.dropFirst() { settle(article, vectors: vectors[article], into: id) }
    }

    private mutating func settle(_ article: Int, vectors: (story: SparseVector, topic: SparseVector, kind: SparseVector), into story: String) {
        let document = tentative[article]
        join(document, vector: vectors.story, topicVector: vectors.topic, kindVector: vectors.kind, story: story)
        assignments.append((document.id, story))
        changedStories.insert(story)
    }

    /// New stories join the topic whose documents they resemble most on average (smoothed IDF, words
    /// and names), when that reaches `topicThreshold`; else the topic most like them in kind of event
    /// (`topicKindFloor`); else start one. Stories that grew add what they gained to their topic.
    private mutating func placeInTopics() {
        let s = options.stories
        for (id, delta) in topicDelta.sorted(by: { $0.key < $1.key }) {
            guard let story = stories[id], var topic = topics[story.topic] else { continue }
            topic.profile.add(delta.profile)
            topic.profile.prune(to: options.topicProfileKeys)
            topic.kindProfile.add(delta.kinds)
            topic.size += delta.size
            topic.firstDay = min(topic.firstDay, story.firstDay)
            topic.lastDay = max(topic.lastDay, story.lastDay)
            topics[topic.id] = topic
            changedTopics.insert(topic.id)
        }
        for id in started {
            guard var story = stories[id], story.topic.isEmpty else { continue }
            var topic: StreamTopic
            if let best = bestTopic(for: story, excluding: nil) {
                topic = topics[best]!
                add(story, to: &topic)
            } else {
                topic = StreamTopic(id: "topic-" + String(id.dropFirst("story-".count)), title: story.title, size: story.size,
                                    stories: 1, profile: story.topicProfile, kindProfile: story.kindProfile,
                                    firstDay: story.firstDay, lastDay: story.lastDay, surfaces: [:])
                for (key, surface) in story.surfaces { topic.surfaces[key] = surface }
                topic.surfaces = StreamNaming.trimmed(topic.surfaces, profile: topic.profile)
            }
            story.topic = topic.id
            stories[id] = story
            keep(topic)
        }
        // A story alone in its topic that grew may now show which topic it belongs to: the topic moves
        // into that one.
        for id in grown {
            guard var story = stories[id], let own = topics[story.topic], own.stories == 1, !own.pairedByKind,
                  let best = bestTopic(for: story, excluding: own.id) else { continue }
            var topic = topics[best]!
            add(story, to: &topic)
            topics[own.id] = nil
            removedTopics.insert(own.id)
            changedTopics.remove(own.id)
            story.topic = topic.id
            stories[id] = story
            keep(topic)
        }
        pairTopicsByKind()
        for id in changedTopics {
            guard var topic = topics[id] else { continue }
            if topic.stories > 1 {
                topic.title = StreamNaming.topicTitle(stories: topic.stories, firstStoryTitle: topic.title,
                                                      profile: topic.profile, surfaces: topic.surfaces)
            } else if let story = stories["story-" + String(id.dropFirst("topic-".count))] {
                topic.title = story.title
            }
            topics[id] = topic
        }
    }

    /// The topic a story resembles most on average (subject: words and names, smoothed IDF) at
    /// `topicThreshold` or above, among the topics its strongest keys find.
    private func bestTopic(for story: StreamStory, excluding excluded: String?) -> String? {
        let s = options.stories
        // Candidates scored on the story's strongest keys alone; the exact similarity for the best few.
        let query = story.topicProfile.strongest(64, channels: [.words, .names]).compactMap { key in
            story.topicProfile.value(of: key).map { (key: key, weight: Double($0)) }
        }
        let closest = StoryWindow.closest(query, in: topicPostings, limit: StoryWindow.nearestTopics) { id in
            guard id != excluded, id != story.topic, let topic = topics[id] else { return nil }
            return (topic.profile, topic.size)
        }
        var best: (topic: String, similarity: Double)?
        for candidate in closest {
            guard let topic = topics[candidate], story.lastDay - topic.lastDay <= options.topicWindowDays else { continue }
            let similarity = story.topicProfile.dot(topic.profile) / Double(story.size * topic.size)
            if similarity >= s.topicThreshold, similarity > (best?.similarity ?? -1) || (similarity == best?.similarity && candidate < best!.topic) {
                best = (candidate, similarity)
            }
        }
        return best?.topic
    }

    /// Topics formed by subject pair up by the kind of event their articles report (two fires, two
    /// stays in rehab): among the topics the window holds that are not paired yet, two that are each
    /// other's closest in kind (average kind similarity of their articles) become one topic when that
    /// similarity reaches `topicKindFloor`, or when they share their subject at `topicPairSubjectFloor`.
    /// Decided at the end of each batch for the topics it changed, as batch analysis decides it over a
    /// whole corpus; a paired topic pairs no further, so kinds never chain topics into a catch-all.
    /// Candidates come from an index of the topics' strongest kind keys (a kind in very many topics
    /// says little), so the work grows with related topics, not with all of them.
    private mutating func pairTopicsByKind() {
        let s = options.stories
        guard s.topicKindFloor <= 1 else { return }
        func pairable(_ id: String) -> StreamTopic? {
            guard let topic = topics[id], !topic.pairedByKind, !topic.kindProfile.isEmpty else { return nil }
            return topic
        }
        let longest = min(StoryWindow.longestPosting, max(64, Int(Double(topics.count).squareRoot() * 4)))
        func closest(_ id: String) -> (topic: String, similarity: Double)? {
            guard let topic = pairable(id) else { return nil }
            var seen: Set<String> = [id]
            var best: (topic: String, similarity: Double)?
            for key in topic.kindProfile.strongest(StoryWindow.kindCandidateKeys, channels: [.kinds]) {
                guard let list = kindPostings[key], list.count <= longest else { continue }
                for other in list where seen.insert(other).inserted {
                    guard let candidate = pairable(other) else { continue }
                    let similarity = topic.kindProfile.dot(candidate.kindProfile) / Double(topic.size * candidate.size)
                    if similarity > (best?.similarity ?? 0) || (similarity == best?.similarity && other < best!.topic) {
                        best = (other, similarity)
                    }
                }
            }
            return best
        }
        // Only a topic that changed in this batch can have become another's closest.
        for id in changedTopics.sorted() {
            guard let a = pairable(id), let best = closest(id), closest(best.topic)?.topic == id, let b = pairable(best.topic) else { continue }
            let subject = a.profile.dot(b.profile) / Double(a.size * b.size)
            guard best.similarity >= s.topicKindFloor || subject >= s.topicPairSubjectFloor else { continue }
            // The older topic (the lower id among equals) keeps its id.
            let (kept, gone) = (a.firstDay, a.id) <= (b.firstDay, b.id) ? (a, b) : (b, a)
            merge(topic: gone, into: kept)
        }
    }

    /// `gone`'s stories move into `kept`, which counts as paired by kind.
    private mutating func merge(topic gone: StreamTopic, into kept: StreamTopic) {
        var topic = kept
        absorb(profile: gone.profile, kinds: gone.kindProfile, size: gone.size, stories: gone.stories,
               firstDay: gone.firstDay, lastDay: gone.lastDay, surfaces: gone.surfaces, into: &topic)
        topic.pairedByKind = true
        for (id, story) in stories where story.topic == gone.id {
            stories[id]!.topic = topic.id
            changedStories.insert(id)
        }
        topics[gone.id] = nil
        removedTopics.insert(gone.id)
        changedTopics.remove(gone.id)
        topicMerges.append((from: gone.id, into: topic.id))
        keep(topic)
    }

    private func add(_ story: StreamStory, to topic: inout StreamTopic) {
        absorb(profile: story.topicProfile, kinds: story.kindProfile, size: story.size, stories: 1,
               firstDay: story.firstDay, lastDay: story.lastDay, surfaces: story.surfaces, into: &topic)
    }

    /// A story's or a whole topic's profiles, sizes, days and names added to `topic`.
    private func absorb(profile: StoryProfile, kinds: StoryProfile, size: Int, stories: Int, firstDay: Int, lastDay: Int,
                        surfaces: [UInt64: String], into topic: inout StreamTopic) {
        topic.profile.add(profile)
        topic.profile.prune(to: options.topicProfileKeys)
        topic.kindProfile.add(kinds)
        topic.size += size
        topic.stories += stories
        topic.firstDay = min(topic.firstDay, firstDay)
        topic.lastDay = max(topic.lastDay, lastDay)
        for (key, surface) in surfaces where topic.surfaces[key] == nil { topic.surfaces[key] = surface }
        topic.surfaces = StreamNaming.trimmed(topic.surfaces, profile: topic.profile)
    }

    private mutating func keep(_ topic: StreamTopic) {
        topics[topic.id] = topic
        removedTopics.remove(topic.id)
        changedTopics.insert(topic.id)
        for key in topic.indexKeys where topicPostings[key]?.last != topic.id { topicPostings[key, default: []].append(topic.id) }
        indexKinds(topic)
    }

    private mutating func indexKinds(_ topic: StreamTopic) {
        guard !topic.pairedByKind else { return }
        for key in topic.kindProfile.strongest(StoryWindow.kindCandidateKeys, channels: [.kinds])
        where kindPostings[key]?.last != topic.id {
            kindPostings[key, default: []].append(topic.id)
        }
    }

    // MARK: Leaving the window

    /// Drops stories whose last day is more than the window before the stream's latest day, and
    /// topics past their window, with their index entries (the library keeps them); returns the
    /// stories that left.
    @discardableResult
    public mutating func evict() -> [StreamStory] {
        guard let latestDay else { return [] }
        let storyLimit = latestDay - options.windowDays
        let topicLimit = latestDay - options.topicWindowDays
        let leaving = stories.values.filter { $0.lastDay < storyLimit && !$0.topic.isEmpty && !neighboursOfWaiting.contains($0.id) }
        let leavingTopics = topics.values.filter { $0.lastDay < topicLimit }.map(\.id)
        guard !leaving.isEmpty || !leavingTopics.isEmpty else { return [] }
        for story in leaving { stories[story.id] = nil }
        for id in leavingTopics { topics[id] = nil }
        // Postings under the leaving stories' keys lose them now; entries under keys a story had
        // earlier are skipped when read, and cleaned once as many stories left as the window holds
        // (amortized: the index never grows past twice what the window needs).
        evictedSinceCleaning += leaving.count
        if evictedSinceCleaning > max(stories.count, 1024) || !leavingTopics.isEmpty {
            evictedSinceCleaning = 0
            storyPostings = storyPostings.compactMapValues { ids in
                let kept = ids.filter { stories[$0] != nil }
                return kept.isEmpty ? nil : kept
            }
        } else {
            for story in leaving {
                for key in story.indexKeys {
                    guard let ids = storyPostings[key] else { continue }
                    let kept = ids.filter { $0 != story.id }
                    storyPostings[key] = kept.isEmpty ? nil : kept
                }
            }
        }
        if !leavingTopics.isEmpty {
            topicPostings = topicPostings.compactMapValues { ids in
                let kept = ids.filter { topics[$0] != nil }
                return kept.isEmpty ? nil : kept
            }
            kindPostings = kindPostings.compactMapValues { ids in
                var seen = Set<String>()
                let kept = ids.filter { topics[$0].map { !$0.pairedByKind } ?? false && seen.insert($0).inserted }
                return kept.isEmpty ? nil : kept
            }
        }
        return leaving.sorted { $0.id < $1.id }
    }
}

/// What one batch of streaming analysis changed, for the library to keep in one transaction.
public struct StoryWindowChanges: Sendable {
    /// Each article settled in the batch and its story.
    public var assignments: [StoryAssignmentChange] = []
    /// Stories and topics to write (new or changed), and topics gone.
    public var stories: [StreamStory] = []
    public var topics: [StreamTopic] = []
    public var removedTopics: [String] = []
    /// Topics paired by kind: the stories of `from` (those that left the window too) move into `into`.
    public var topicMerges: [(from: String, into: String)] = []
    /// Stories that new articles showed to be one: the documents of `from` move into `into`, and
    /// `from` is gone.
    public var storyMerges: [(from: String, into: String)] = []

    public init() {}
}

/// An article placed in a story.
public struct StoryAssignmentChange: Sendable, Equatable {
    public var document: String
    public var story: String
}

extension SparseVector {
    /// The `count` strongest keys outside the time channel, strongest first.
    func strongestKeys(_ count: Int) -> [UInt64] {
        strongest(count).map(\.key)
    }

    /// The `count` strongest keys outside the time channel with their weights, strongest first.
    func strongest(_ count: Int) -> [(key: UInt64, weight: Double)] {
        let indices = keys.indices.filter { FeatureChannel.of(keys[$0]) != .time }
        return indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && keys[$0] < keys[$1]) }
            .prefix(count).map { (keys[$0], values[$0]) }
    }
}

extension StoryWindow {
    /// Average similarity of two open stories' articles, and each one's cohesion (for error analysis).
    public func comparison(_ a: String, _ b: String) -> (similarity: Double, cohesions: (Double?, Double?), days: [Int])? {
        guard let x = stories[a], let y = stories[b] else { return nil }
        return (x.profile.dot(y.profile) / Double(x.size * y.size), (x.cohesion, y.cohesion), [x.firstDay, x.lastDay, y.firstDay, y.lastDay])
    }
}

import CrossreadCore

/// The state behind stories: per-document features and vectors, the term statistics, and story
/// fragments built on arrival. A value type so the batch clusterer can use it synchronously;
/// `StoryIndex` wraps it in an actor.
struct StoryStore: Sendable {
    let options: StoryOptions
    private(set) var ids: [String] = []
    private(set) var features: [DocumentFeatures] = []
    private(set) var vectors: [SparseVector] = []
    private(set) var weighting = TermWeighting()
    /// Document frequencies were counted up front (batch): arrivals do not count again.
    private let frozenWeighting: Bool
    private(set) var fragments: [Fragment] = []
    private(set) var fragmentPostings: [UInt64: [Int32]] = [:]
    private(set) var surfaces: [UInt64: String] = [:]

    struct Fragment: Sendable {
        var members: [Int]
        var sum: [UInt64: Double]
        var selfSum: Double
        var sumNormSquared: Double

        var cohesion: Double? {
            let m = Double(members.count)
            return members.count > 1 ? (sumNormSquared - selfSum) / (m * (m - 1)) : nil
        }
    }

    static let postingTerms = 12

    init(options: StoryOptions) {
        self.options = options
        frozenWeighting = false
    }

    /// A store whose term statistics come from the whole batch, known before any document is added.
    init(options: StoryOptions, batch: [DocumentFeatures]) {
        self.options = options
        for features in batch { weighting.count(features) }
        frozenWeighting = true
    }

    var count: Int { ids.count }

    mutating func add(id: String, features: DocumentFeatures) -> StoryAssignment {
        let (target, best) = assign(id: id, features: features)
        return StoryAssignment(document: id, story: "story-" + ids[fragments[target].members[0]],
                               joinedExisting: best != nil, similarity: best ?? 0)
    }

    /// Puts a document into the most similar fragment that it clearly belongs to (cohesion test), else
    /// into a new one. Returns the fragment's index and the similarity it joined at (nil: new fragment).
    mutating func assign(id: String, features: DocumentFeatures) -> (fragment: Int, similarity: Double?) {
        let index = append(id: id, features: features)
        let vector = vectors[index]
        let queryKeys = topKeys(vector)
        var candidates = Set<Int32>()
        for key in queryKeys { candidates.formUnion(fragmentPostings[key] ?? []) }
        var best: (fragment: Int, similarity: Double)?
        for candidate in candidates {
            let fragment = fragments[Int(candidate)]
            let similarity = vector.dot(fragment.sum) / Double(fragment.members.count)
            let required = fragment.cohesion.map { max(options.mergeFloor, options.joinCohesionRatio * $0) }
                ?? options.joinPairFloor
            if similarity >= required, similarity > (best?.similarity ?? -1) { best = (Int(candidate), similarity) }
        }
        let target: Int
        if let best {
            target = best.fragment
            let dot = vector.dot(fragments[target].sum)
            fragments[target].members.append(index)
            vector.add(to: &fragments[target].sum)
            fragments[target].selfSum += vector.normSquared
            fragments[target].sumNormSquared += 2 * dot + vector.normSquared
        } else {
            target = fragments.count
            fragments.append(Fragment(members: [index], sum: [:], selfSum: vector.normSquared,
                                      sumNormSquared: vector.normSquared))
            vector.add(to: &fragments[target].sum)
        }
        for key in queryKeys {
            if fragmentPostings[key]?.last != Int32(target) { fragmentPostings[key, default: []].append(Int32(target)) }
        }
        return (target, best?.similarity)
    }

    /// Keeps a document, its features and its vector, in no fragment yet; returns its index.
    private mutating func append(id: String, features: DocumentFeatures) -> Int {
        if !frozenWeighting { weighting.count(features) }
        ids.append(id)
        for (key, surface) in features.surfaces where surfaces[key] == nil { surfaces[key] = surface }
        var kept = features
        kept.surfaces = [:]  // the store keeps one surface per key, not one per document
        self.features.append(kept)
        vectors.append(weighting.vector(features, options: options))
        return ids.count - 1
    }

    /// Adds documents as one fragment, as they were grouped before (a story kept from an earlier run):
    /// no similarity test. Returns the fragment's index.
    mutating func addFragment(ids members: [String], features memberFeatures: [DocumentFeatures]) -> Int {
        let target = fragments.count
        var fragment = Fragment(members: [], sum: [:], selfSum: 0, sumNormSquared: 0)
        for (id, features) in zip(members, memberFeatures) {
            let index = append(id: id, features: features)
            fragment.members.append(index)
            vectors[index].add(to: &fragment.sum)
            fragment.selfSum += vectors[index].normSquared
            for key in topKeys(vectors[index]) where fragmentPostings[key]?.last != Int32(target) {
                fragmentPostings[key, default: []].append(Int32(target))
            }
        }
        fragment.sumNormSquared = fragment.sum.values.reduce(0) { $0 + $1 * $1 }
        fragments.append(fragment)
        return target
    }

    /// Fragments from index `first` on (started by arrivals) each join the most similar other fragment
    /// when the batch regrouping (`AverageLinkage`) would merge the two: average similarity at least
    /// `mergeFloor` and, for two fragments of two or more documents, `cohesionRatio` times the geometric
    /// mean of their cohesions. A fragment that joined another is left empty. Returns the fragments that grew.
    mutating func absorbFragments(from first: Int) -> Set<Int> {
        var grew = Set<Int>()
        guard first < fragments.count else { return grew }
        for source in first..<fragments.count where !fragments[source].members.isEmpty {
            var candidates = Set<Int32>()
            for member in fragments[source].members {
                for key in topKeys(vectors[member]) { candidates.formUnion(fragmentPostings[key] ?? []) }
            }
            let sum = fragments[source].sum
            let size = Double(fragments[source].members.count)
            var best: (fragment: Int, similarity: Double)?
            for candidate in candidates.map(Int.init).sorted() where candidate != source {
                let other = fragments[candidate]
                guard !other.members.isEmpty else { continue }
                let similarity = sparseDot(sum, other.sum) / (size * Double(other.members.count))
                guard similarity >= options.mergeFloor, similarity > (best?.similarity ?? -1) else { continue }
                if options.cohesionRatio > 0, let a = fragments[source].cohesion, let b = other.cohesion,
                   similarity < options.cohesionRatio * (max(a, 0) * max(b, 0)).squareRoot() { continue }
                best = (candidate, similarity)
            }
            guard let target = best?.fragment else { continue }
            fragments[target].members += fragments[source].members
            for (key, value) in sum { fragments[target].sum[key, default: 0] += value }
            fragments[target].selfSum += fragments[source].selfSum
            fragments[target].sumNormSquared = fragments[target].sum.values.reduce(0) { $0 + $1 * $1 }
            fragments[source] = Fragment(members: [], sum: [:], selfSum: 0, sumNormSquared: 0)
            for key in fragments[target].members.flatMap({ topKeys(vectors[$0]) }) where fragmentPostings[key]?.last != Int32(target) {
                fragmentPostings[key, default: []].append(Int32(target))
            }
            grew.insert(target)
        }
        return grew
    }

    /// The strongest word and name keys of a vector: what finds candidate fragments.
    func topKeys(_ vector: SparseVector) -> [UInt64] {
        let indices = vector.keys.indices.filter { FeatureChannel.of(vector.keys[$0]) != .time }
        return indices.sorted { vector.values[$0] > vector.values[$1] }.prefix(StoryStore.postingTerms).map { vector.keys[$0] }
    }

    /// Stories (fragments merged by average linkage with the cohesion test, vectors re-weighted with
    /// the current term statistics) and topics (stories merged by average word similarity).
    func clustering() -> StoryClustering {
        let current = frozenWeighting ? vectors : features.map { weighting.vector($0, options: options) }
        var sums: [[UInt64: Double]] = []
        var selfSums: [Double] = []
        for fragment in fragments {
            var sum: [UInt64: Double] = [:]
            var selfSum = 0.0
            for member in fragment.members {
                current[member].add(to: &sum)
                selfSum += current[member].normSquared
            }
            sums.append(sum)
            selfSums.append(selfSum)
        }
        let storyGroups = AverageLinkage(floor: options.mergeFloor, cohesionRatio: options.cohesionRatio)
            .merge(sums: sums, sizes: fragments.map(\.members.count), selfSums: selfSums)
        var storyMembers: [[Int]] = storyGroups.map { group in group.flatMap { fragments[$0].members }.sorted() }
        storyMembers.sort { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        var storySums: [[UInt64: Double]] = storyMembers.map { members in
            var sum: [UInt64: Double] = [:]
            for member in members { current[member].add(to: &sum) }
            return sum
        }
        // Topics compare stories by words and names with a smoothed IDF: events of one kind share words,
        // stories of one subject share names.
        let topicVectors = features.map { weighting.topicVector($0, options: options) }
        let topicSums: [[UInt64: Double]] = storyMembers.map { members in
            var sum: [UInt64: Double] = [:]
            for member in members { topicVectors[member].add(to: &sum) }
            return sum
        }
        let topicSelfSums = storyMembers.map { members in members.reduce(0) { $0 + topicVectors[$1].normSquared } }
        let nameGroups = AverageLinkage(floor: options.topicThreshold, cohesionRatio: 0)
            .merge(sums: topicSums, sizes: storyMembers.map(\.count), selfSums: topicSelfSums)
        // Then topics of one kind of event pair up.
        let kindVectors = features.map { weighting.kindVector($0) }
        let kindSums: [[UInt64: Double]] = storyMembers.map { members in
            var sum: [UInt64: Double] = [:]
            for member in members { kindVectors[member].add(to: &sum) }
            return sum
        }
        let topicGroups = TopicPairing(floor: options.topicKindFloor, subjectFloor: options.topicPairSubjectFloor)
            .pair(groups: nameGroups, storySums: kindSums, subjectSums: topicSums, storySizes: storyMembers.map(\.count))

        let naming = StoryNaming(ids: ids, features: features, vectors: current, surfaces: surfaces)
        var stories = storyMembers.indices.map { naming.story(members: storyMembers[$0], sum: storySums[$0]) }
        var topics: [TopicCluster] = []
        for group in topicGroups {
            let ordered = group.sorted { storyMembers[$0].count != storyMembers[$1].count
                ? storyMembers[$0].count > storyMembers[$1].count : $0 < $1 }
            // Named from the topic vectors: the names and words its stories share weigh in.
            var sum: [UInt64: Double] = [:]
            for story in group { for (key, value) in topicSums[story] { sum[key, default: 0] += value } }
            let topic = naming.topic(stories: ordered.map { stories[$0] }, sum: sum)
            for story in group { stories[story].topic = topic.id }
            topics.append(topic)
        }
        storySums.removeAll()
        return StoryStore.ordered(stories: stories, topics: topics)
    }
}

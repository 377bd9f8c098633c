import CrossreadCore
import CrossreadCorpus
import CrossreadLanguage
import Dispatch

/// Analyses a set of documents as one corpus:
///
///     documents ─▶ LanguageAnnotator (all cores, skipped where annotations exist)
///               ─▶ CorpusEntityResolver (aliases merged across documents)
///               ─▶ DuplicateDetector ─▶ StoryClusterer ─▶ SourceComparer, TimelineBuilder
///               ─▶ CorpusAnalysis
///
/// Given the `AnalysisState` an earlier run left, stories and topics are continued rather than
/// regrouped, and only stories whose documents changed are compared again.
public struct CorpusAnalyzer: Sendable {
    public var options: AnalysisOptions
    private let annotator = LanguageAnnotator()

    public init(options: AnalysisOptions = AnalysisOptions()) {
        self.options = options
    }

    /// Adds annotations to every document that has none, on all cores, keeping order.
    public func annotate(_ documents: [Document]) -> [Document] {
        let slots = UnsafeMutableBufferPointer<Document>.allocate(capacity: documents.count)
        _ = slots.initialize(from: documents)
        defer { slots.deinitialize().deallocate() }
        nonisolated(unsafe) let shared = slots
        let annotator = self.annotator
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            if Self.needsAnnotations(documents[index]) {
                shared[index].annotations = annotator.annotate(documents[index])
            }
        }
        return Array(slots)
    }

    /// True for a document with text but no annotations yet.
    public static func needsAnnotations(_ document: Document) -> Bool {
        document.annotations.sentences.isEmpty && !document.text.isEmpty
    }

    /// Annotates where needed, then runs the corpus-wide stages.
    public func analyze(_ input: [Document]) -> CorpusAnalysis {
        analyze(input, reusing: nil).analysis
    }

    /// Annotates where needed, then runs the corpus-wide stages, continuing `previous` (the state an
    /// earlier run over part of these documents left): kept stories and topics take the new documents
    /// in without regrouping the rest (`StoryClusterer.update`), and a story is compared again (and its
    /// timeline entries found again) only when its documents, their copy groups or their entities
    /// changed. Timeline entries merge the sentences of one story's sources that state the same dated fact.
    public func analyze(_ input: [Document], reusing previous: AnalysisState?) -> AnalysisRun {
        var seconds: [String: Double] = [:]
        var clock = DispatchTime.now()
        func lap(_ stage: String) {
            let now = DispatchTime.now()
            seconds[stage, default: 0] += Double(now.uptimeNanoseconds - clock.uptimeNanoseconds) / 1e9
            clock = now
        }
        var documents = annotate(input)
        lap("annotate")
        let entities = mergeEntities(&documents)
        lap("entities")
        let duplicates = DuplicateDetector(options: options.duplicates).groups(in: documents).map(\.documents)
        lap("duplicates")
        let storyState = StoryClusterer(options: options.stories)
            .update(previous?.stories, documents: documents, ids: documents.map(\.id))
        let clustering = storyState.clustering
        let stories = clustering.stories.map {
            CrossreadCore.Story(id: $0.id, title: $0.title, documents: $0.documents, first: $0.first?.day8601,
                                last: $0.last?.day8601, topic: $0.topic)
        }
        let topics = clustering.topics.map { CrossreadCore.Topic(id: $0.id, title: $0.title, stories: $0.stories) }
        lap("stories")

        // Each story is compared, and its timeline built, over its own documents; results are reused
        // from `previous` for every story whose documents, copies and entities are as they were.
        let comparer = SourceComparer(options: options.comparison)
        let cached = previous?.comparisonOptions == options.comparison ? previous?.comparisons ?? [:] : [:]
        let members = SourceComparer.members(of: stories, in: documents)
        var copyGroup: [String: Int] = [:]
        for (index, group) in duplicates.enumerated() { for id in group { copyGroup[id] = index } }
        let keys = stories.indices.map { CorpusAnalyzer.storyKey(story: stories[$0].id, members: members[$0], copyGroup: copyGroup, duplicates: duplicates) }
        let stale = stories.indices.filter { cached[keys[$0]] == nil }
        let fresh = IndexedResults<StoryRecord>(count: stale.count)
        let timelineBuilder = TimelineBuilder()
        DispatchQueue.concurrentPerform(iterations: stale.count) { position in
            let index = stale[position]
            let comparison = comparer.compare(story: stories[index], documents: members[index], duplicates: duplicates)
            let timeline = timelineBuilder.build(documents: members[index], stories: [stories[index]], duplicates: duplicates)
            fresh.set(position, StoryRecord(comparison, timeline: timeline))
        }
        var records: [String: StoryRecord] = [:]
        var parts: [(story: String, comparison: SourceComparison)] = []
        var timeline: [TimelineEntry] = []
        let computed = fresh.values
        var freshByStory: [Int: StoryRecord] = [:]
        for (position, index) in stale.enumerated() { freshByStory[index] = computed[position] }
        for index in stories.indices {
            let record = freshByStory[index] ?? cached[keys[index]]!
            records[keys[index]] = record
            parts.append((stories[index].id, record.comparison))
            timeline += record.timeline
        }
        let comparison = SourceComparer.combine(parts)
        lap("comparisonAndTimeline")
        timeline = CorpusAnalyzer.ordered(timeline, documents: documents)
        lap("timelineOrder")
        let analysis = CorpusAnalysis(documents: documents, entities: entities, duplicates: duplicates, stories: stories,
                                      topics: topics, timeline: timeline, claims: comparison.claims,
                                      conflicts: comparison.conflicts, quoteGroups: comparison.quoteGroups)
        let state = AnalysisState(stories: storyState, comparisonOptions: options.comparison, comparisons: records)
        return AnalysisRun(analysis: analysis, state: state, seconds: seconds,
                           comparedStories: stale.count, regrouped: storyState.regrouped)
    }

    /// Timeline entries in date order, then by where their first evidence stands in the corpus.
    static func ordered(_ entries: [TimelineEntry], documents: [Document]) -> [TimelineEntry] {
        var position: [String: Int] = [:]
        for (index, document) in documents.enumerated() where position[document.id] == nil { position[document.id] = index }
        func key(_ entry: TimelineEntry) -> (String, Int, Int) {
            let first = entry.evidence.first
            return (entry.date, first.flatMap { position[$0.document] } ?? Int.max, first?.range.lowerBound ?? 0)
        }
        return entries.map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// What a story's comparison and timeline depend on: its id, its documents in order (an id is a hash
    /// of the text), which of them are copies of one another, the size of each one's annotations, and
    /// the entities (ids and names) each one mentions after merging across the corpus.
    static func storyKey(story: String, members: [Document], copyGroup: [String: Int], duplicates: [[String]]) -> String {
        var hasher = StableHasher()
        hasher.combine(story)
        let ids = Set(members.map(\.id))
        for document in members {
            hasher.combine("\u{1}" + document.id)
            if let group = copyGroup[document.id] {
                // The group's members inside this story, not the group's number (numbers shift as groups appear).
                hasher.combine("\u{2}" + duplicates[group].filter { ids.contains($0) }.joined(separator: "\u{3}"))
            }
            // Annotations made again (a newer annotator) change at least one of these counts, as a rule.
            let annotations = document.annotations
            hasher.combine("\u{6}\(annotations.sentences.count),\(annotations.mentions.count),\(annotations.quotes.count),"
                           + "\(annotations.claims.count),\(annotations.times.count)")
            for entity in document.annotations.entities {
                hasher.combine("\u{4}" + entity.id + "\u{5}" + entity.name)
            }
        }
        return hasher.hex
    }

    /// Merges per-document entities across the corpus and rewrites every id that points at one.
    func mergeEntities(_ documents: inout [Document]) -> [Entity] {
        let (entities, mapping) = CorpusEntityResolver().merge(documents.map(\.annotations.entities))
        let byID = Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func map(_ id: String?) -> String? { id.map { mapping[$0] ?? $0 } }
        for index in documents.indices {
            var annotations = documents[index].annotations
            for k in annotations.mentions.indices {
                let id = mapping[annotations.mentions[k].entity] ?? annotations.mentions[k].entity
                annotations.mentions[k].entity = id
                // A name's type may have been settled across the corpus (`CorpusEntityResolver`).
                if let type = byID[id]?.type { annotations.mentions[k].type = type }
            }
            for k in annotations.quotes.indices { annotations.quotes[k].speaker = map(annotations.quotes[k].speaker) }
            for k in annotations.claims.indices { annotations.claims[k].speaker = map(annotations.claims[k].speaker) }
            var seen = Set<String>()
            annotations.entities = annotations.entities.compactMap { entity in
                let id = mapping[entity.id] ?? entity.id
                guard seen.insert(id).inserted else { return nil }
                return byID[id] ?? entity
            }
            documents[index].annotations = annotations
        }
        return entities
    }
}

/// Settings of corpus analysis, with defaults in code.
public struct AnalysisOptions: Sendable, Codable, Equatable {
    public var duplicates = DuplicateOptions()
    public var stories = StoryOptions()
    public var comparison = ComparisonOptions()

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        duplicates = try c.decodeIfPresent(DuplicateOptions.self, forKey: .duplicates) ?? DuplicateOptions()
        stories = try c.decodeIfPresent(StoryOptions.self, forKey: .stories) ?? StoryOptions()
        comparison = try c.decodeIfPresent(ComparisonOptions.self, forKey: .comparison) ?? ComparisonOptions()
    }
}

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
        var documents = annotate(input)
        let entities = mergeEntities(&documents)
        let duplicates = DuplicateDetector(options: options.duplicates).groups(in: documents).map(\.documents)
        let clustering = StoryClusterer(options: options.stories).cluster(documents)
        let stories = clustering.stories.map {
            CrossreadCore.Story(id: $0.id, title: $0.title, documents: $0.documents, first: $0.first?.day8601,
                                last: $0.last?.day8601, topic: $0.topic)
        }
        let topics = clustering.topics.map { CrossreadCore.Topic(id: $0.id, title: $0.title, stories: $0.stories) }
        let comparison = SourceComparer(options: options.comparison)
            .compare(stories: stories, documents: documents, duplicates: duplicates)
        let timeline = TimelineBuilder().build(documents: documents, stories: stories, duplicates: duplicates)
        return CorpusAnalysis(documents: documents, entities: entities, duplicates: duplicates, stories: stories,
                              topics: topics, timeline: timeline, claims: comparison.claims,
                              conflicts: comparison.conflicts, quoteGroups: comparison.quoteGroups)
    }

    /// Merges per-document entities across the corpus and rewrites every id that points at one.
    func mergeEntities(_ documents: inout [Document]) -> [Entity] {
        let (entities, mapping) = CorpusEntityResolver().merge(documents.map(\.annotations.entities))
        let byID = Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func map(_ id: String?) -> String? { id.map { mapping[$0] ?? $0 } }
        for index in documents.indices {
            var annotations = documents[index].annotations
            for k in annotations.mentions.indices { annotations.mentions[k].entity = mapping[annotations.mentions[k].entity] ?? annotations.mentions[k].entity }
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

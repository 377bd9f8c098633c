import CrossreadCore
import CrossreadCorpus
import Foundation

/// A part of a library's analysis to report on: some stories, a topic, some days, the stories of a
/// search or of an entity, or the stories of some documents. Stories in a slice are always whole.
public struct LibrarySlice: Sendable, Equatable {
    /// Documents of one entity an entity filter reads, newest first.
    static let entityDocumentLimit = 5_000
    public var stories: [String]?
    public var topic: String?
    /// Days since 1970-01-01.
    public var days: ClosedRange<Int>?
    public var query: String?
    public var entity: String?
    public var documents: [String]?
    /// At most this many stories (the largest), and this many articles read per story.
    public var storyLimit: Int
    public var documentsPerStory: Int

    public init(stories: [String]? = nil, topic: String? = nil, days: ClosedRange<Int>? = nil, query: String? = nil,
                entity: String? = nil, documents: [String]? = nil, storyLimit: Int = 50, documentsPerStory: Int = 500) {
        self.stories = stories
        self.topic = topic
        self.days = days
        self.query = query
        self.entity = entity
        self.documents = documents
        self.storyLimit = storyLimit
        self.documentsPerStory = documentsPerStory
    }

    /// The slice's analysis as the library holds it: its stories whole, their documents (entities
    /// merged across them), copy groups, topics, and each story's stored comparison and timeline.
    public func analysis(in store: any DocumentStore) async throws -> CorpusAnalysis {
        var documentFilter = documents
        if let entity {
            let matches = try await LibraryEntities.stored(matching: entity, in: store)
            guard !matches.isEmpty else {
                throw CrossreadError(source: entity, stage: .analyze, reason: "no entity by this name in the library (see `crossread entities`)")
            }
            for match in matches {
                documentFilter = (documentFilter ?? []) + (try await store.libraryEntityDocuments(
                    match.entity.id, offset: 0, limit: Self.entityDocumentLimit)).map(\.id)
            }
        }
        if let query {
            var search = SearchQuery(query)
            search.limit = 1000
            documentFilter = (documentFilter ?? []) + (try await store.search(search)).map(\.id)
        }
        let stored = try await store.stories(StoryQuery(ids: stories, topic: topic, days: days, documents: documentFilter,
                                                        limit: storyLimit))
        var documents: [Document] = []
        var members: [String: [String]] = [:]
        for story in stored {
            let ids = try await store.storyDocumentIDs(story.id, limit: documentsPerStory)
            members[story.id] = ids
            documents += try await store.documents(ids: ids)
        }
        let entities = CorpusAnalyzer().mergeEntities(&documents)
        let entityIDs = Set(entities.map(\.id))
        let duplicates = try await store.copyGroups(of: documents.map(\.id))
        let storyList = stored.map {
            CrossreadCore.Story(id: $0.id, title: $0.title, documents: members[$0.id] ?? [], first: $0.first, last: $0.last, topic: $0.topic)
        }
        let storedTopics = try await store.topics(ids: Array(Set(stored.map(\.topic))).sorted(), limit: storyLimit)
        let topics = storedTopics.map { topic in
            CrossreadCore.Topic(id: topic.id, title: topic.title, stories: stored.filter { $0.topic == topic.id }.map(\.id))
        }
        let results = try await store.storyResults(stories: stored.map(\.id))
        var parts: [(story: String, comparison: SourceComparison)] = []
        var timeline: [TimelineEntry] = []
        let decoder = JSONDecoder()
        for story in stored {
            guard let bytes = results[story.id], let record = try? decoder.decode(StoryRecord.self, from: Data(bytes)) else { continue }
            var comparison = record.comparison
            // Speakers were merged per story; across the slice an id may have merged further.
            for index in comparison.claims.indices where comparison.claims[index].speaker.map({ !entityIDs.contains($0) }) ?? false {
                comparison.claims[index].speaker = nil
            }
            parts.append((story.id, comparison))
            timeline += record.timeline
        }
        let comparison = SourceComparer.combine(parts)
        return CorpusAnalysis(documents: documents, entities: entities, duplicates: duplicates, stories: storyList, topics: topics,
                              timeline: CorpusAnalyzer.ordered(timeline, documents: documents), claims: comparison.claims,
                              conflicts: comparison.conflicts, quoteGroups: comparison.quoteGroups)
    }
}

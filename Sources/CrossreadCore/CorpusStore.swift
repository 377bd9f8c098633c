/// The library's side of corpus analysis: which documents wait for annotation and for a story, the
/// stories and topics with their profiles and an index to find them, copy groups, and each story's
/// comparison and timeline. SQLite and PostgreSQL implement it (with `DocumentStore`) and pass one
/// conformance suite. Profiles and results are opaque bytes to the store; `CrossreadCorpus` and
/// `CrossreadPipeline` say what they hold.
///
/// Several processes may analyse one library at once: each change comes as one `CorpusUpdate`, applied
/// in one transaction only when the library's analysis generation is still the one the writer read
/// (otherwise nothing changes, and the writer reloads and tries again), so no assignment is lost or doubled.
public protocol CorpusStore: Sendable {
    /// Up to `limit` documents without annotations, oldest first, claimed for `seconds` so that other
    /// workers asking at the same time get others (claims lapse; annotations saved end them).
    func claimDocumentsForAnnotation(limit: Int, seconds: Int) async throws -> [Document]
    /// Up to `limit` annotated documents that are in no story yet, oldest first.
    func documentsAwaitingStories(limit: Int) async throws -> [Document]
    /// The same, leaving out `excluding` (articles an analysis holds back until their story settles).
    func documentsAwaitingStories(limit: Int, excluding: [String]) async throws -> [Document]
    /// Documents by id, in the order given (ids not found are left out).
    func documents(ids: [String]) async throws -> [Document]

    /// The analysis generation: every applied update adds one.
    func corpusGeneration() async throws -> Int
    /// A named value of the analysis (term statistics, settings), as last written.
    func corpusValue(_ name: String) async throws -> [UInt8]?
    /// Stories whose days overlap `days` (first day at most its end, last day at least its start).
    func storyRows(overlapping days: ClosedRange<Int>) async throws -> [StoryRow]
    /// Stories indexed under any of `keys` whose days overlap `days`, at most `limit`, latest first.
    func storyRows(keys: [Int64], overlapping days: ClosedRange<Int>, limit: Int) async throws -> [StoryRow]
    /// Topics whose last day is `day` or later.
    func topicRows(lastDayFrom day: Int) async throws -> [TopicRow]
    /// Documents filed under any of the copy-detection band keys, with their copy group and signature.
    func copyCandidates(bands: [Int64]) async throws -> [CopyCandidate]
    /// Applies one batch of analysis in one transaction, if the generation is still `generation`, and
    /// returns true; returns false, having changed nothing, when another writer came first.
    func applyCorpusUpdate(_ update: CorpusUpdate, generation: Int) async throws -> Bool

    /// Up to `limit` stories whose comparison is older than the story, claimed for `seconds`.
    func claimStaleStories(limit: Int, seconds: Int) async throws -> [StoredStory]
    /// A story's document ids, oldest first, at most `limit`.
    func storyDocumentIDs(_ story: String, limit: Int) async throws -> [String]
    /// Keeps a story's comparison and timeline as computed for `version` of it; ignored (false) when
    /// the story changed since (it stays stale and is compared again).
    func saveStoryResults(story: String, version: Int, results: [UInt8]) async throws -> Bool
    /// Stored comparison results by story id.
    func storyResults(stories: [String]) async throws -> [String: [UInt8]]

    /// Stories matching `query`, largest first.
    func stories(_ query: StoryQuery) async throws -> [StoredStory]
    /// Topics by id, or the largest `limit` when `ids` is nil.
    func topics(ids: [String]?, limit: Int) async throws -> [StoredTopic]
    /// The story of each document that has one.
    func storiesOf(documents: [String]) async throws -> [String: String]
    /// Copy groups (two or more documents) among `documents`' groups: each group's members.
    func copyGroups(of documents: [String]) async throws -> [[String]]
    /// How much the analysis holds.
    func corpusCounts() async throws -> CorpusCounts
}

/// A story as the library lists it.
public struct StoredStory: Sendable, Equatable, Codable {
    public var id: String
    public var topic: String
    public var title: String
    public var size: Int
    /// Earliest and latest publication days (ISO 8601), when its documents are dated.
    public var first: String?
    public var last: String?
    /// Days since 1970-01-01 of its earliest and latest documents (arrival days for undated ones).
    public var firstDay: Int
    public var lastDay: Int
    public var keywords: [String]
    public var entities: [String]
    /// Counts the story's changes: results computed for an older version are stale.
    public var version: Int
    /// The version its stored comparison and timeline were computed for (-1: none yet).
    public var resultsVersion: Int

    public init(id: String, topic: String, title: String, size: Int, first: String?, last: String?, firstDay: Int,
                lastDay: Int, keywords: [String], entities: [String], version: Int = 0, resultsVersion: Int = -1) {
        self.id = id
        self.topic = topic
        self.title = title
        self.size = size
        self.first = first
        self.last = last
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.keywords = keywords
        self.entities = entities
        self.version = version
        self.resultsVersion = resultsVersion
    }
}

/// A topic as the library lists it.
public struct StoredTopic: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    /// Documents in its stories, and its stories.
    public var size: Int
    public var stories: Int
    public var firstDay: Int
    public var lastDay: Int
    public var keywords: [String]
    public var entities: [String]

    public init(id: String, title: String, size: Int, stories: Int, firstDay: Int, lastDay: Int, keywords: [String],
                entities: [String]) {
        self.id = id
        self.title = title
        self.size = size
        self.stories = stories
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.keywords = keywords
        self.entities = entities
    }
}

/// A story with its profile (opaque bytes) and the keys it is indexed under.
public struct StoryRow: Sendable, Equatable {
    public var story: StoredStory
    public var profile: [UInt8]
    public var indexKeys: [Int64]

    public init(story: StoredStory, profile: [UInt8], indexKeys: [Int64]) {
        self.story = story
        self.profile = profile
        self.indexKeys = indexKeys
    }
}

/// A topic with its profile and index keys.
public struct TopicRow: Sendable, Equatable {
    public var topic: StoredTopic
    public var profile: [UInt8]
    public var indexKeys: [Int64]

    public init(topic: StoredTopic, profile: [UInt8], indexKeys: [Int64]) {
        self.topic = topic
        self.profile = profile
        self.indexKeys = indexKeys
    }
}

/// A document placed by one batch: its story, its day, its copy group (the group's first document)
/// and what finds its copies (MinHash signature, band keys).
public struct CorpusDocumentRow: Sendable, Equatable {
    public var document: String
    public var story: String
    public var day: Int
    public var copyGroup: String
    public var signature: [UInt8]
    public var bands: [Int64]

    public init(document: String, story: String, day: Int, copyGroup: String, signature: [UInt8], bands: [Int64]) {
        self.document = document
        self.story = story
        self.day = day
        self.copyGroup = copyGroup
        self.signature = signature
        self.bands = bands
    }
}

/// A stored document that shares a band key with a new one.
public struct CopyCandidate: Sendable, Equatable {
    public var document: String
    public var copyGroup: String
    public var signature: [UInt8]

    public init(document: String, copyGroup: String, signature: [UInt8]) {
        self.document = document
        self.copyGroup = copyGroup
        self.signature = signature
    }
}

/// One batch of corpus analysis, applied in one transaction.
public struct CorpusUpdate: Sendable, Equatable {
    public var documents: [CorpusDocumentRow] = []
    /// Stories merged into others: their documents move, their rows go.
    public var merges: [(from: String, into: String)] = []
    /// Copy groups joined: every document of group `from` moves to group `into`.
    public var copyGroupMerges: [(from: String, into: String)] = []
    public var stories: [StoryRow] = []
    public var removedStories: [String] = []
    public var topics: [TopicRow] = []
    public var removedTopics: [String] = []
    /// Topics joined: every story of topic `from` (also those no row of this update names) moves to `into`.
    public var topicMerges: [(from: String, into: String)] = []
    /// Named values to write (term statistics, settings).
    public var values: [String: [UInt8]] = [:]

    public init() {}

    public static func == (a: CorpusUpdate, b: CorpusUpdate) -> Bool {
        a.documents == b.documents && a.merges.map { [$0.from, $0.into] } == b.merges.map { [$0.from, $0.into] }
            && a.copyGroupMerges.map { [$0.from, $0.into] } == b.copyGroupMerges.map { [$0.from, $0.into] }
            && a.stories == b.stories && a.removedStories == b.removedStories && a.topics == b.topics
            && a.removedTopics == b.removedTopics && a.topicMerges.map { [$0.from, $0.into] } == b.topicMerges.map { [$0.from, $0.into] }
            && a.values == b.values
    }

    public var isEmpty: Bool {
        documents.isEmpty && merges.isEmpty && copyGroupMerges.isEmpty && stories.isEmpty && removedStories.isEmpty
            && topics.isEmpty && removedTopics.isEmpty && topicMerges.isEmpty && values.isEmpty
    }
}

/// Which stories to list: all, or those of some ids, a topic, some days, or holding some documents.
public struct StoryQuery: Sendable, Equatable {
    public var ids: [String]?
    public var topic: String?
    /// Stories overlapping these days (since 1970-01-01).
    public var days: ClosedRange<Int>?
    /// Stories holding any of these documents.
    public var documents: [String]?
    public var limit: Int
    public var offset: Int

    public init(ids: [String]? = nil, topic: String? = nil, days: ClosedRange<Int>? = nil, documents: [String]? = nil,
                limit: Int = 100, offset: Int = 0) {
        self.ids = ids
        self.topic = topic
        self.days = days
        self.documents = documents
        self.limit = limit
        self.offset = offset
    }
}

/// How much the library's analysis holds.
public struct CorpusCounts: Sendable, Equatable, Codable {
    public var documents: Int
    public var annotated: Int
    public var placed: Int
    public var stories: Int
    public var topics: Int
    public var staleStories: Int

    public init(documents: Int, annotated: Int, placed: Int, stories: Int, topics: Int, staleStories: Int) {
        self.documents = documents
        self.annotated = annotated
        self.placed = placed
        self.stories = stories
        self.topics = topics
        self.staleStories = staleStories
    }
}

import CrossreadCore

/// The articles about one real-world event, named by its most central headline (or its main names and
/// keywords) and dated by its earliest and latest article.
public struct StoryCluster: Sendable, Equatable, Codable {
    /// "story-" and the id of the story's first document.
    public var id: String
    public var title: String
    /// Document ids, in the order they were added.
    public var documents: [String]
    public var first: PublicationDate?
    public var last: PublicationDate?
    /// The id of the topic holding this story.
    public var topic: String
    /// The story's strongest content words and names, most characteristic first.
    public var keywords: [String]
    public var entities: [String]

    public init(id: String, title: String, documents: [String], first: PublicationDate?, last: PublicationDate?,
                topic: String, keywords: [String], entities: [String]) {
        self.id = id
        self.title = title
        self.documents = documents
        self.first = first
        self.last = last
        self.topic = topic
        self.keywords = keywords
        self.entities = entities
    }
}

/// Related stories: events of one kind or about one subject, years apart or side by side.
public struct TopicCluster: Sendable, Equatable, Codable {
    /// "topic-" and the id of the first document of the topic's first story.
    public var id: String
    public var title: String
    /// Story ids, largest story first.
    public var stories: [String]
    public var first: PublicationDate?
    public var last: PublicationDate?
    public var keywords: [String]
    public var entities: [String]

    public init(id: String, title: String, stories: [String], first: PublicationDate?, last: PublicationDate?,
                keywords: [String], entities: [String]) {
        self.id = id
        self.title = title
        self.stories = stories
        self.first = first
        self.last = last
        self.keywords = keywords
        self.entities = entities
    }
}

/// Stories and topics of a corpus. Every document is in exactly one story, every story in one topic.
public struct StoryClustering: Sendable, Equatable, Codable {
    /// Largest first.
    public var stories: [StoryCluster]
    /// Largest first.
    public var topics: [TopicCluster]

    public init(stories: [StoryCluster], topics: [TopicCluster]) {
        self.stories = stories
        self.topics = topics
    }

    /// The story holding a document.
    public func story(of document: String) -> StoryCluster? {
        stories.first { $0.documents.contains(document) }
    }

    /// The topic holding a document.
    public func topic(of document: String) -> TopicCluster? {
        guard let story = story(of: document) else { return nil }
        return topics.first { $0.id == story.topic }
    }
}

/// Where `StoryIndex.add` put a new document right away: an existing story fragment, or a new one.
public struct StoryAssignment: Sendable, Equatable {
    public var document: String
    /// The id of the fragment ("story-" and its first document's id).
    public var story: String
    public var joinedExisting: Bool
    /// Average similarity to the fragment's other documents (0 for a new fragment).
    public var similarity: Double

    public init(document: String, story: String, joinedExisting: Bool, similarity: Double) {
        self.document = document
        self.story = story
        self.joinedExisting = joinedExisting
        self.similarity = similarity
    }
}

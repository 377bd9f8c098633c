import CrossreadCore

/// An incremental story index: each added document joins the most similar story fragment when it
/// clearly belongs (cohesion test), else starts one; `clustering()` regroups fragments into stories
/// and stories into topics with the term statistics of everything added so far. Adding costs one
/// comparison per fragment that shares a strong term, not one per document.
public actor StoryIndex {
    private var store: StoryStore

    public init(options: StoryOptions = StoryOptions()) {
        store = StoryStore(options: options)
    }

    public var count: Int { store.count }

    @discardableResult
    public func add(_ document: Document) -> StoryAssignment {
        store.add(id: document.id, features: DocumentFeatures(document: document))
    }

    /// Adds a document under an id of the caller's choosing.
    @discardableResult
    public func add(_ document: Document, id: String) -> StoryAssignment {
        store.add(id: id, features: DocumentFeatures(document: document))
    }

    public func clustering() -> StoryClustering { store.clustering() }
}

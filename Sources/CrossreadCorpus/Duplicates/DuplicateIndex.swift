import CrossreadCore

/// An incremental near-duplicate index: add documents as they arrive, learn at once which earlier
/// ones each duplicates, and read the groups at any time. Cost per added document does not grow
/// with the index (LSH buckets), except through the documents it actually resembles.
public actor DuplicateIndex {
    private var store: NearDuplicateStore

    public init(options: DuplicateOptions = DuplicateOptions()) {
        store = NearDuplicateStore(options: options)
    }

    public var options: DuplicateOptions { store.options }
    public var count: Int { store.count }

    /// Adds a document by its clean text; returns the earlier documents it duplicates.
    @discardableResult
    public func add(_ document: Document) -> [DuplicateMatch] {
        add(id: document.id, fingerprint: DuplicateFingerprint(text: document.text, options: store.options))
    }

    /// Adds a fingerprint computed elsewhere (for example in parallel, outside the actor).
    @discardableResult
    public func add(id: String, fingerprint: DuplicateFingerprint) -> [DuplicateMatch] {
        store.add(id: id, fingerprint: fingerprint)
    }

    /// Every group of two or more documents, in the order their first documents were added.
    public func groups() -> [DuplicateGroup] { store.groups() }

    /// Approximate bytes held by the index.
    public var approximateMemory: Int { store.approximateMemory }
}

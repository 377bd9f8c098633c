import CrossreadCore

/// What reading inputs into a library did: new and already present ids, failures with their reasons,
/// and (when asked) the documents themselves, as stored.
public struct IngestReport: Sendable {
    public var added: [String] = []
    public var present: [String] = []
    public var failures: [CrossreadError] = []
    /// Records skipped on purpose (a WARC request record, a 404 response) and stray control bytes
    /// dropped from articles, counted by reason.
    public var notices = NoticeTally()
    /// Each distinct document read, in input order; for documents already in the library, the stored
    /// copy (with the annotations an earlier run saved). Empty unless `keepDocuments` was set.
    public var documents: [Document] = []

    public init() {}

    /// Documents read, whether new or present, plus failures.
    public var total: Int { added.count + present.count + failures.count }
}

extension Pipeline {
    /// Runs the pipeline over `paths` and stores every document in `store`, one transaction each;
    /// a document that cannot be stored is reported and the run goes on. `progress` is called after
    /// each batch.
    public func ingest(paths: [String], into store: any DocumentStore, keepDocuments: Bool = false,
                       progress: (Batch, IngestReport) -> Void = { _, _ in }) async throws -> IngestReport {
        var report = IngestReport()
        var seen = Set<String>()
        try await run(paths: paths) { batch in
            try await self.store(batch, in: store, stored: { document, outcome in
                switch outcome {
                case .added(let id):
                    report.added.append(id)
                    if keepDocuments, seen.insert(id).inserted { report.documents.append(document) }
                case .alreadyPresent(let id):
                    report.present.append(id)
                    if keepDocuments, seen.insert(id).inserted {
                        report.documents.append(try await store.document(id: id) ?? document)
                    }
                }
            }, failed: { report.failures.append($0) })
            for notice in batch.notices { report.notices.add(notice) }
            progress(batch, report)
        }
        return report
    }

    /// Stores each document of `batch` in `store`, one transaction each, and tells `stored` what became
    /// of it; a document that could not be read or stored (a `CrossreadError` from `stored` too) goes to
    /// `failed` and the rest goes on.
    public func store(_ batch: Batch, in store: any DocumentStore,
                      stored: (Document, StoreOutcome) async throws -> Void,
                      failed: (CrossreadError) -> Void) async throws {
        for event in batch.events {
            switch event {
            case .document(let document):
                do {
                    try await stored(document, try await store.add(document))
                } catch let error as CrossreadError {
                    failed(error)
                }
            case .failure(let error):
                failed(error)
            }
        }
    }
}

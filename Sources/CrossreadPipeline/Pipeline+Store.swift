import CrossreadCore

/// What reading inputs into a library did: new and already present ids, failures with their reasons,
/// and (when asked) the documents themselves, as stored.
public struct IngestReport: Sendable {
    public var added: [String] = []
    public var present: [String] = []
    public var failures: [CrossreadError] = []
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
            for event in batch.events {
                switch event {
                case .document(let document):
                    do {
                        switch try await store.add(document) {
                        case .added(let id):
                            report.added.append(id)
                            if keepDocuments, seen.insert(id).inserted { report.documents.append(document) }
                        case .alreadyPresent(let id):
                            report.present.append(id)
                            if keepDocuments, seen.insert(id).inserted {
                                report.documents.append(try await store.document(id: id) ?? document)
                            }
                        }
                    } catch let error as CrossreadError {
                        report.failures.append(error)
                    }
                case .failure(let error):
                    report.failures.append(error)
                }
            }
            progress(batch, report)
        }
        return report
    }
}

import CrossreadCore
import Dispatch

/// Groups a batch of documents into stories and topics. Requires: `Document.text` (uses
/// `metadata.title`, `metadata.published`, `annotations.mentions`/`entities`/`times` when present).
/// Produces: `StoryClustering`. Term statistics come from the whole batch; documents are added in
/// order of their dates (undated last), then fragments are regrouped.
public struct StoryClusterer: Sendable {
    public var options: StoryOptions

    public init(options: StoryOptions = StoryOptions()) {
        self.options = options
    }

    public func cluster(_ documents: [Document]) -> StoryClustering {
        cluster(documents, ids: documents.map(\.id))
    }

    /// Clusters with ids of the caller's choosing (one per document).
    public func cluster(_ documents: [Document], ids: [String]) -> StoryClustering {
        precondition(documents.count == ids.count, "one id per document")
        let chunkSize = 16
        let chunks = (documents.count + chunkSize - 1) / chunkSize
        let results = ChunkResults<DocumentFeatures>(chunks: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * chunkSize)..<min(documents.count, (chunk + 1) * chunkSize)
            results.set(chunk, range.map { DocumentFeatures(document: documents[$0]) })
        }
        let features = results.joined()
        var store = StoryStore(options: options, batch: features)
        let order = features.indices.sorted { a, b in
            switch (features[a].date, features[b].date) {
            case let (x?, y?): return x != y ? x < y : a < b
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
        for index in order { _ = store.add(id: ids[index], features: features[index]) }
        return store.clustering()
    }
}

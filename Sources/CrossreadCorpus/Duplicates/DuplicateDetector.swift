import CrossreadCore
import Dispatch

/// Finds exact and near-duplicate groups in a batch of documents: fingerprints them on all cores,
/// then indexes them in order. Requires: `Document.text`. Produces: `[DuplicateGroup]`.
public struct DuplicateDetector: Sendable {
    public var options: DuplicateOptions

    public init(options: DuplicateOptions = DuplicateOptions()) {
        self.options = options
    }

    public func groups(in documents: [Document]) -> [DuplicateGroup] {
        groups(ids: documents.map(\.id), texts: documents.map(\.text))
    }

    /// Groups of `ids[i]` whose `texts[i]` are copies of one another.
    public func groups(ids: [String], texts: [String]) -> [DuplicateGroup] {
        precondition(ids.count == texts.count, "one id per text")
        let fingerprints = DuplicateDetector.fingerprints(of: texts, options: options)
        var store = NearDuplicateStore(options: options)
        for (id, fingerprint) in zip(ids, fingerprints) { store.add(id: id, fingerprint: fingerprint) }
        return store.groups()
    }

    /// Fingerprints of `texts`, computed in parallel chunks.
    public static func fingerprints(of texts: [String], options: DuplicateOptions) -> [DuplicateFingerprint] {
        let chunkSize = 64
        let chunks = (texts.count + chunkSize - 1) / chunkSize
        let results = ChunkResults<DuplicateFingerprint>(chunks: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * chunkSize)..<min(texts.count, (chunk + 1) * chunkSize)
            results.set(chunk, range.map { DuplicateFingerprint(text: texts[$0], options: options) })
        }
        return results.joined()
    }
}

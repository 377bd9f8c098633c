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
        let features = StoryClusterer.features(of: documents)
        var store = StoryStore(options: options, batch: features)
        for index in StoryClusterer.arrivalOrder(features, features.indices) {
            _ = store.add(id: ids[index], features: features[index])
        }
        return store.clustering()
    }

    /// Stories and topics of `documents`, continuing `previous` (what an earlier run over part of them
    /// left): its stories and topics stay as they were, and only the documents it does not hold are
    /// placed, each into the story it clearly belongs to or a new one, a new story into the most similar
    /// topic or a new one. Term statistics come from all `documents`; cost grows with the documents
    /// added, apart from reading features. Regroups everything instead when there is no usable
    /// `previous` (other settings, or under half of `documents` known to it) or when the corpus has grown
    /// past `options.regroupGrowth` since the last full regrouping.
    public func update(_ previous: StoryState?, documents: [Document], ids: [String]) -> StoryState {
        precondition(documents.count == ids.count, "one id per document")
        let position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var known = 0
        if let previous { for story in previous.clustering.stories { for id in story.documents where position[id] != nil { known += 1 } } }
        guard let previous, previous.options == options, known * 2 >= documents.count,
              Double(documents.count) <= Double(previous.regroupedDocuments) * (1 + options.regroupGrowth) else {
            return StoryState(options: options, regroupedDocuments: documents.count,
                              clustering: cluster(documents, ids: ids), regrouped: true)
        }
        let features = StoryClusterer.features(of: documents)
        var store = StoryStore(options: options, batch: features)
        var kept: [StoryStore.KeptStory] = []
        var placed = [Bool](repeating: false, count: documents.count)
        for story in previous.clustering.stories {
            let members = story.documents.compactMap { position[$0] }.filter { !placed[$0] }
            guard !members.isEmpty else { continue }
            for member in members { placed[member] = true }
            let fragment = store.addFragment(ids: members.map { ids[$0] }, features: members.map { features[$0] })
            kept.append(StoryStore.KeptStory(story: story, fragment: fragment, whole: members.count == story.documents.count))
        }
        var touched = Set<Int>()
        for index in StoryClusterer.arrivalOrder(features, features.indices.filter { !placed[$0] }) {
            touched.insert(store.assign(id: ids[index], features: features[index]).fragment)
        }
        // Arrival is conservative; what the batch regrouping would merge, merges here too.
        touched.formUnion(store.absorbFragments(from: kept.count))
        let clustering = store.continued(kept: kept, touched: touched, topics: previous.clustering.topics)
        return StoryState(options: options, regroupedDocuments: previous.regroupedDocuments, clustering: clustering,
                          regrouped: false)
    }

    /// Features of every document, on all cores.
    static func features(of documents: [Document]) -> [DocumentFeatures] {
        let chunkSize = 16
        let chunks = (documents.count + chunkSize - 1) / chunkSize
        let results = ChunkResults<DocumentFeatures>(chunks: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * chunkSize)..<min(documents.count, (chunk + 1) * chunkSize)
            results.set(chunk, range.map { DocumentFeatures(document: documents[$0]) })
        }
        return results.joined()
    }

    /// Indices in order of their documents' dates, undated last.
    static func arrivalOrder<S: Sequence<Int>>(_ features: [DocumentFeatures], _ indices: S) -> [Int] {
        indices.sorted { a, b in
            switch (features[a].date, features[b].date) {
            case let (x?, y?): return x != y ? x < y : a < b
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
    }
}

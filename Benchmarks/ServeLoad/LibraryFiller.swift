import CrossreadCore
import CrossreadLanguage
import CrossreadPipeline
import Dispatch
import Foundation

/// Fills a library with generated articles: each batch is cleaned (and annotated where asked) on
/// all cores while the previous batch is being stored, until the library holds `target` documents.
struct LibraryFiller {
    let variants: ArticleVariants
    let store: any DocumentStore
    /// Every `annotateEvery`-th article gets language annotations (1: all, 0: none).
    let annotateEvery: Int
    /// Adds in flight at once (1 for SQLite, whose writes are serial and go in batches; more for a server).
    let concurrentAdds: Int
    var batchSize = 1000

    struct Report {
        var added = 0
        var alreadyPresent = 0
        var ids: [String] = []
        /// The added documents stored with their annotations.
        var annotatedIDs: [String] = []
        var seconds = 0.0
    }

    func fill(target: Int, startingAt firstIndex: Int, progress: (Report) -> Void) async throws -> Report {
        var report = Report()
        let start = Date()
        var next = firstIndex
        var pending: Task<[Document], Never>? = nil
        func startBatch(_ range: Range<Int>) -> Task<[Document], Never> {
            let variants = self.variants, every = annotateEvery
            return Task.detached { await Self.build(range, variants: variants, annotateEvery: every) }
        }
        while report.added < target {
            let batch = pending ?? startBatch(next..<next + batchSize)
            next += batchSize
            let documents = await batch.value
            let remaining = target - report.added
            // Build the next batch on the other cores while this one is stored.
            pending = remaining > documents.count ? startBatch(next..<next + batchSize) : nil
            let outcomes = try await store(Array(documents.prefix(remaining)))
            for (document, outcome) in zip(documents, outcomes) {
                switch outcome {
                case .added(let id):
                    report.added += 1
                    report.ids.append(id)
                    if !document.annotations.sentences.isEmpty { report.annotatedIDs.append(id) }
                case .alreadyPresent: report.alreadyPresent += 1
                }
            }
            report.seconds = Date().timeIntervalSince(start)
            progress(report)
        }
        pending?.cancel()
        return report
    }

    func store(_ documents: [Document]) async throws -> [StoreOutcome] {
        if concurrentAdds <= 1 {
            // One transaction per 250 documents: SQLite's search index is written once per commit.
            var outcomes: [StoreOutcome] = []
            for start in stride(from: 0, to: documents.count, by: 250) {
                outcomes += try await store.add(contentsOf: Array(documents[start..<min(documents.count, start + 250)]))
            }
            return outcomes
        }
        let store = self.store, width = concurrentAdds
        return try await withThrowingTaskGroup(of: (Int, StoreOutcome).self) { group in
            var outcomes = [StoreOutcome?](repeating: nil, count: documents.count)
            var index = 0
            while index < min(width, documents.count) {
                let document = documents[index], slot = index
                group.addTask { (slot, try await store.add(document)) }
                index += 1
            }
            while let (slot, outcome) = try await group.next() {
                outcomes[slot] = outcome
                if index < documents.count {
                    let document = documents[index], next = index
                    group.addTask { (next, try await store.add(document)) }
                    index += 1
                }
            }
            return outcomes.map { $0! }
        }
    }

    /// Copies the documents of another library (oldest first, past the `skip` this one holds) until
    /// `target` more are stored: no cleaning or annotating, so a second backend fills at its own
    /// write speed with the same documents.
    func copy(from source: any DocumentStore, skip: Int, target: Int, progress: (Report) -> Void) async throws -> Report {
        var report = Report()
        let start = Date()
        let ids = try await source.list().map(\.id).dropFirst(skip).prefix(target)
        var position = ids.startIndex
        while position < ids.endIndex {
            let chunk = ids[position..<min(ids.endIndex, position + batchSize)]
            position = chunk.endIndex
            var documents: [Document] = []
            for id in chunk { if let document = try await source.document(id: id) { documents.append(document) } }
            for (document, outcome) in zip(documents, try await store(documents)) {
                guard case .added(let id) = outcome else { report.alreadyPresent += 1; continue }
                report.added += 1
                report.ids.append(id)
                if !document.annotations.sentences.isEmpty { report.annotatedIDs.append(id) }
            }
            report.seconds = Date().timeIntervalSince(start)
            progress(report)
        }
        return report
    }

    /// Cleans (and annotates every `annotateEvery`-th of) the articles in `range` on all cores.
    static func build(_ range: Range<Int>, variants: ArticleVariants, annotateEvery: Int) async -> [Document] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let builder = DocumentBuilder()
                let annotator = LanguageAnnotator()
                let slots = UnsafeMutableBufferPointer<Document?>.allocate(capacity: range.count)
                slots.initialize(repeating: nil)
                nonisolated(unsafe) let shared = slots
                DispatchQueue.concurrentPerform(iterations: range.count) { offset in
                    let index = range.lowerBound + offset
                    guard var document = try? builder.document(from: variants.article(index)) else { return }
                    if annotateEvery > 0, index % annotateEvery == 0 {
                        document.annotations = annotator.annotate(document)
                    }
                    shared[offset] = document
                }
                let documents = slots.compactMap { $0 }
                slots.deinitialize().deallocate()
                continuation.resume(returning: documents)
            }
        }
    }
}

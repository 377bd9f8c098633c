import CrossreadCore
import CrossreadIngest
import Dispatch
import Foundation

/// Ingest and clean, streamed: reads inputs on a thread of its own, cleans each batch of articles
/// on all cores, and hands batches to the caller in input order. A batch closes at `batchSize`
/// articles or `batchBytes` of input, and at most two batches wait in memory.
///
///     paths ─▶ Ingestor ─▶ batch ─▶ DocumentBuilder (all cores) ─▶ handle(batch) ─▶ store / print
public struct Pipeline: Sendable {
    public var options: PipelineOptions

    public init(options: PipelineOptions = PipelineOptions()) {
        self.options = options
    }

    /// One batch of results, in input order.
    public struct Batch: Sendable {
        public var events: [Event]
        /// Records skipped on purpose and stray bytes dropped while these events were read.
        public var notices: [IngestNotice] = []
        /// Input files read so far, and their bytes on disk (for progress displays).
        public var filesRead: Int
        public var bytesRead: Int
    }

    /// A built document, or an input that could not be read or cleaned.
    public enum Event: Sendable {
        case document(Document)
        case failure(CrossreadError)
    }

    /// Runs the pipeline over `paths` ("-" is standard input), calling `handle` for each batch.
    public func run(paths: [String], handle: (Batch) async throws -> Void) async throws {
        let ingestor = Ingestor(options: ingestOptions)
        try await run(handle: handle) { emit in
            ingestor.read(paths: paths, fileDone: { _, bytes in emit(.fileDone(bytes: bytes)) }) { event in
                switch event {
                case .article(let raw): emit(.raw(raw))
                case .failure(let error): emit(.failed(error))
                case .notice(let notice): emit(.notice(notice))
                }
            }
        }
    }

    /// How many files `run(paths:)` will read and their total size, without reading them.
    public func plan(paths: [String]) -> (files: Int, bytes: Int) {
        Ingestor(options: ingestOptions).plan(paths: paths)
    }

    /// Runs the pipeline over in-memory inputs (name and bytes), e.g. an upload.
    public func run(inputs: [(source: String, bytes: [UInt8])], handle: (Batch) async throws -> Void) async throws {
        let ingestor = Ingestor(options: ingestOptions)
        try await run(handle: handle) { emit in
            for input in inputs {
                ingestor.read(bytes: input.bytes, source: input.source) { event in
                    switch event {
                    case .article(let raw): emit(.raw(raw))
                    case .failure(let error): emit(.failed(error))
                    case .notice(let notice): emit(.notice(notice))
                    }
                }
            }
        }
    }

    /// Builds one document from one raw article (no batching).
    public func document(from raw: RawArticle) throws(CrossreadError) -> Document {
        try DocumentBuilder(options: options).document(from: raw)
    }

    private var ingestOptions: IngestOptions {
        var ingest = IngestOptions()
        ingest.maxArticleBytes = options.maxArticleBytes
        return ingest
    }

    enum Pending: Sendable {
        case raw(RawArticle)
        case failed(CrossreadError)
        case notice(IngestNotice)
        case fileDone(bytes: Int)
    }

    /// Notices are handed on with the next batch, or on their own once this many wait.
    static let noticesPerBatch = 4096

    private func run(handle: (Batch) async throws -> Void,
                     produce: @escaping @Sendable (_ emit: (Pending) -> Void) -> Void) async throws {
        let (stream, continuation) = AsyncStream<Batch>.makeStream(bufferingPolicy: .unbounded)
        let slots = DispatchSemaphore(value: 2)
        let cancelled = CancellationFlag()
        let builder = DocumentBuilder(options: options)
        let batchSize = max(1, options.batchSize)
        let batchBytes = max(1, options.batchBytes)
        let thread = Thread {
            var pending: [Pending] = []
            var pendingBytes = 0
            var notices: [IngestNotice] = []
            var filesRead = 0, bytesRead = 0
            func flush() {
                guard !pending.isEmpty || !notices.isEmpty, !cancelled.isSet else {
                    pending.removeAll()
                    notices.removeAll()
                    return
                }
                let batch = Batch(events: Self.build(pending, with: builder), notices: notices,
                                  filesRead: filesRead, bytesRead: bytesRead)
                pending.removeAll(keepingCapacity: true)
                pendingBytes = 0
                notices.removeAll(keepingCapacity: true)
                slots.wait()
                continuation.yield(batch)
            }
            produce { item in
                if case .fileDone(let bytes) = item {
                    filesRead += 1
                    bytesRead += bytes
                    return
                }
                if case .notice(let notice) = item {
                    notices.append(notice)
                    if notices.count >= Self.noticesPerBatch { flush() }
                    return
                }
                if case .raw(let raw) = item { pendingBytes += raw.original.count }
                pending.append(item)
                if pending.count >= batchSize || pendingBytes >= batchBytes { flush() }
            }
            flush()
            continuation.finish()
        }
        thread.stackSize = 16 << 20
        thread.start()
        do {
            for await batch in stream {
                try await handle(batch)
                slots.signal()
            }
        } catch {
            cancelled.set()
            // Let the producer run to its end without handing on more work.
            for await _ in stream { slots.signal() }
            throw error
        }
    }

    /// Cleans a batch on all cores, keeping input order.
    static func build(_ pending: [Pending], with builder: DocumentBuilder) -> [Event] {
        let results = UnsafeMutableBufferPointer<Event?>.allocate(capacity: pending.count)
        results.initialize(repeating: nil)
        // Deinitialize before freeing: the slots hold the batch's documents, which would leak.
        defer { results.deinitialize().deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: pending.count) { index in
            switch pending[index] {
            case .failed(let error):
                slots[index] = .failure(error)
            case .fileDone, .notice:
                preconditionFailure("progress marks and notices never reach a batch's events")
            case .raw(let raw):
                do throws(CrossreadError) {
                    slots[index] = .document(try builder.document(from: raw))
                } catch {
                    slots[index] = .failure(error)
                }
            }
        }
        return results.map { $0! }
    }
}

/// A flag set once from one thread and read from another.
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

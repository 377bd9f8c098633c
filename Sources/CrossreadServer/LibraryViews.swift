import CrossreadCore
import CrossreadPipeline
import Dispatch
import Foundation

/// Keeps the library's aggregate views (`LibrarySnapshot`) and recomputes them after writes, off the
/// request path: requests read the latest snapshot; a refresh runs on a background queue, and
/// refreshes asked for while one runs are folded into one more.
///
///     write ─▶ refresh() ─▶ list, entities, quotes ─▶ publish (library views, entities as stored)
///           ─▶ merge entities across the library ─▶ publish
///           ─▶ LibraryAnalyzer: the library's analysis up to date ─▶ publish (counts, largest stories and topics)
public actor LibraryViews {
    private let store: any DocumentStore
    private let analysisOptions: LibraryAnalysisOptions
    private var current: LibrarySnapshot?
    private var running: Task<Void, Never>?
    private var again = false
    /// Why the last refresh failed, if it did.
    private(set) var lastError: String?

    init(store: any DocumentStore) {
        self.store = store
        var options = LibraryAnalysisOptions()
        options.annotates = false
        analysisOptions = options
    }

    /// The latest snapshot, nil before the first refresh finished its library part.
    func snapshot() -> LibrarySnapshot? { current }

    /// Asks for a refresh; returns at once.
    public func refresh() {
        if running != nil {
            again = true
            return
        }
        running = Task.detached(priority: .utility) { [weak self] in
            await self?.runRefreshes()
        }
    }

    /// Refreshes when the library's document count changed behind the server's back (another process
    /// ingesting into the same library), checking every `interval`, until the task is cancelled.
    func watch(every interval: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard running == nil, let known = current?.documentCount,
                  let count = try? await store.count(), count != known else { continue }
            refresh()
        }
    }

    /// Waits until no refresh is running or pending (for tests and for the first start).
    public func settled() async {
        while let task = running { await task.value }
    }

    private func runRefreshes() async {
        repeat {
            again = false
            do {
                try await rebuild()
                lastError = nil
            } catch {
                lastError = "\(error)"
            }
        } while again
        running = nil
    }

    private func publish(_ snapshot: LibrarySnapshot) { current = snapshot }

    private func rebuild() async throws {
        let summaries = try await store.list()
        let counts = try await store.entities()
        let quotes = try await store.quotes()
        // First without merging spelling variants across the library (quick), then merged (slower on
        // large libraries).
        var snapshot = await Self.offPool { Self.librarySnapshot(summaries: summaries, counts: counts, quotes: quotes, merge: false) }
        snapshot.analysis = current?.analysis
        publish(snapshot)
        snapshot = await Self.offPool { Self.librarySnapshot(summaries: summaries, counts: counts, quotes: quotes) }
        snapshot.analysis = current?.analysis
        publish(snapshot)

        // The library's analysis brought up to date (what is new only: placing and comparing the
        // documents `analyze` and uploads annotated), then the figures the overview shows.
        let started = DispatchTime.now()
        let report = try await LibraryAnalyzer(options: analysisOptions).update(store)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        snapshot.analysis = try await LibraryAnalysisStatus.read(from: store, report: report, seconds: seconds)
        publish(snapshot)
    }

    /// Runs CPU-heavy work on a Dispatch queue, so the cooperative pool stays free for requests.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: work()) }
        }
    }

    /// The library part of a snapshot.
    static func librarySnapshot(summaries: [DocumentSummary], counts: [EntityCount], quotes: [StoredQuote],
                                merge: Bool = true) -> LibrarySnapshot {
        var byID: [String: DocumentSummary] = [:]
        byID.reserveCapacity(summaries.count)
        var sourceCounts: [String: Int] = [:]
        var first: String?, last: String?
        for summary in summaries {
            byID[summary.id] = summary
            sourceCounts[LibrarySnapshot.sourceName(summary), default: 0] += 1
            if let published = summary.published {
                let day = String(published.prefix(10))
                if first == nil || day < first! { first = day }
                if last == nil || day > last! { last = day }
            }
        }
        let sources = sourceCounts.map { LibrarySnapshot.SourceCount(name: $0.key, documents: $0.value) }
            .sorted { ($0.documents, $1.name) > ($1.documents, $0.name) }
        let entities = (merge ? LibraryEntities.mergedWithStoredIDs(counts) : counts.map(LibraryEntities.MergedEntity.init))
            .sorted { ($0.documents.count, $0.mentions, $1.entity.name) > ($1.documents.count, $1.mentions, $0.entity.name) }
        var index: [String: Int] = [:]
        for (position, merged) in entities.enumerated() {
            for stored in merged.storedIDs where index[stored] == nil { index[stored] = position }
        }
        for (position, merged) in entities.enumerated() { index[merged.entity.id] = position }
        var bySpeaker: [String: [LibrarySnapshot.SpeakerQuote]] = [:]
        for item in quotes {
            guard let speaker = item.quote.speaker, let position = index[speaker] else { continue }
            bySpeaker[entities[position].entity.id, default: []].append(
                LibrarySnapshot.SpeakerQuote(document: item.document, text: item.text, cue: item.quote.cue, venue: item.quote.venue))
        }
        return LibrarySnapshot(builtAt: Date(), documentCount: summaries.count, summaries: byID, sources: sources,
                               firstPublished: first, lastPublished: last, entities: entities, entityIndex: index,
                               nameKeys: entities.map { LibrarySnapshot.nameKey($0.entity) },
                               quotesBySpeaker: bySpeaker, analysis: nil)
    }
}

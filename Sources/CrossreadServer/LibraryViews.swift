import CrossreadCore
import CrossreadPipeline
import Dispatch
import Foundation

/// Keeps the state of the library's analysis (`LibrarySnapshot`) and brings the analysis up to date
/// after writes, off the request path: requests read the latest state; an update runs on a background
/// queue, and updates asked for while one runs are folded into one more.
///
///     write ─▶ refresh() ─▶ LibraryAnalyzer: the library's analysis up to date
///           ─▶ publish (counts, largest stories and topics)
public actor LibraryViews {
    private let store: any DocumentStore
    private let analysisOptions: LibraryAnalysisOptions
    private var current: LibrarySnapshot?
    private var running: Task<Void, Never>?
    private var again = false
    /// The document count the last update saw, to notice documents other processes add.
    private var knownCount: Int?
    /// Why the last refresh failed, if it did.
    private(set) var lastError: String?

    init(store: any DocumentStore) {
        self.store = store
        var options = LibraryAnalysisOptions()
        options.annotates = false
        // The server places what is annotated as it comes; it never waits for others' annotation.
        options.holdSeconds = 0
        analysisOptions = options
    }

    /// The latest state, nil before the first refresh started.
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
            guard running == nil, let known = knownCount,
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
        knownCount = try await store.count()
        var snapshot = current ?? LibrarySnapshot(builtAt: Date())
        if current == nil { publish(snapshot) }
        // The library's analysis brought up to date (what is new only: placing and comparing the
        // documents `analyze` and uploads annotated), then the figures the overview shows.
        let started = DispatchTime.now()
        let report = try await LibraryAnalyzer(options: analysisOptions).update(store)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        snapshot.builtAt = Date()
        snapshot.analysis = try await LibraryAnalysisStatus.read(from: store, report: report, seconds: seconds)
        publish(snapshot)
    }

    /// Runs CPU-heavy work on a Dispatch queue, so the cooperative pool stays free for requests.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: work()) }
        }
    }
}

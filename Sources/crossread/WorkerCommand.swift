import ArgumentParser
import CrossreadCore
import CrossreadPipeline
import Dispatch
import Foundation

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Keep a library's analysis current while others add to it.",
        discussion: """
        Annotates new documents, places them in copy groups, stories and topics, and compares the
        stories that changed, again and again: whenever a round finds nothing new it waits --every
        seconds and looks again. Any number of workers (and `ingest`, `analyze` and `serve` processes)
        may share one library: on PostgreSQL they claim work with FOR UPDATE SKIP LOCKED, and a
        placement is written only if the analysis did not change under it, so every document ends in
        exactly one story. Ctrl-C or SIGTERM stops after the round under way (twice: at once; what
        a stopped worker had claimed is claimed again by others after 15 minutes).

        Examples:
          crossread worker --postgres postgres://newsroom@db/crossread
          crossread worker --db newsroom.db --once
        """)

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: ArgumentHelp("Seconds to wait when nothing is new (default 10).", valueName: "seconds"))
    var every: Double = 10

    @Flag(name: .long, help: "Bring the analysis up to date once, then stop.")
    var once = false

    @Flag(name: .shortAndLong, help: "Print only failures.")
    var quiet = false

    func validate() throws {
        guard every > 0, every <= 86_400 else { throw ValidationError("--every must be between 0 and 86400 seconds") }
    }

    func run() async throws {
        let store = try await library.open()
        let stop = StopRequest()
        stop.listen()
        let analyzer = LibraryAnalyzer()
        var total = LibraryAnalysisReport()
        while !stop.requested {
            let started = Date()
            let report = try await analyzer.update(store)
            total.add(report)
            let worked = report.annotated + report.placed + report.compared > 0
            if worked && !quiet {
                let stamp = ISO8601DateFormatter().string(from: Date())
                Terminal.out("\(stamp) \(report.annotated) annotated, \(report.placed) placed, \(report.compared) stories compared"
                             + (report.retries > 0 ? ", \(report.retries) batches redone after another worker's" : "")
                             + String(format: " (%.1f s)\n", Date().timeIntervalSince(started)))
            }
            if once { break }
            if !worked { await stop.wait(seconds: every) }
        }
        if !quiet {
            Terminal.out("Worker done: \(total.annotated) annotated, \(total.placed) placed, \(total.compared) stories compared\n")
        }
    }
}

/// SIGINT and SIGTERM as a request to stop after the work under way; a second one exits at once.
final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    private var sources: [DispatchSourceSignal] = []

    var requested: Bool { lock.withLock { flag } }

    func listen() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let again = self.lock.withLock {
                    defer { self.flag = true }
                    return self.flag
                }
                if again { exit(130) }
                FileHandle.standardError.write(Data("crossread worker: stopping after the round under way (again to stop at once)\n".utf8))
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Sleeps `seconds`, waking early when a stop is requested.
    func wait(seconds: Double) async {
        let end = Date().addingTimeInterval(seconds)
        while !requested, Date() < end {
            try? await Task.sleep(for: .milliseconds(200))
        }
    }
}

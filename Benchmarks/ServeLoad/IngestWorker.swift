import CrossreadCore
import Foundation

/// Adds new generated articles to a library one at a time (each in its own transaction, as
/// `crossread ingest` does) for a while, at most `rate` a second, while the load test reads: its
/// throughput goes in the report, and readers must never see a half-written document.
struct IngestWorker {
    let variants: ArticleVariants
    let store: any DocumentStore
    let annotateEvery: Int

    struct Report {
        var added = 0
        var seconds = 0.0
    }

    func run(seconds: Double, rate: Double, firstIndex: Int) async throws -> Report {
        var report = Report()
        let start = Date()
        var next = firstIndex
        while Date().timeIntervalSince(start) < seconds {
            let documents = await LibraryFiller.build(next..<next + 20, variants: variants, annotateEvery: annotateEvery)
            next += 20
            for document in documents {
                let elapsed = Date().timeIntervalSince(start)
                guard elapsed < seconds else { break }
                if rate > 0, Double(report.added) / rate > elapsed {
                    try await Task.sleep(for: .seconds(Double(report.added) / rate - elapsed))
                }
                if case .added = try await store.add(document) { report.added += 1 }
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}

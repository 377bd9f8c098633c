import CrossreadCore
import CrossreadPostgres
import CrossreadSQLite
import Foundation

// serve-load: a library of generated articles for the load test of `crossread serve`.
//
//   serve-load (--db FILE | --postgres URL) [--documents 100000] [--annotate-every 1]
//              [--corpora ../shared/corpora] [--workload DIR] [--seed 7]
//   serve-load (--db FILE | --postgres URL) --ingest-seconds S [--ingest-rate R]   (the ingest worker)
//   serve-load (--db FILE | --postgres URL) --overlap 200                         (top-k against every match)
//   serve-load --postgres URL --copy-from FILE [--documents N]   (fill from an SQLite library, same documents)
//
// Articles are variants of real ones read from ../shared at run time (ECB+ development articles and
// the trafilatura evaluation pages as text): sentences dropped, swapped and substituted from another
// article on the same event, under invented outlets, authors and dates. Each is cleaned (page chrome
// removed) and, every N-th, annotated, on both cores, then stored. A library that already holds
// documents is topped up to the target. The workload (search and document page paths for
// scripts/bench-serve.lua) is written to DIR (default: FILE.workload or ./postgres.workload).

let arguments = Array(CommandLine.arguments.dropFirst())
func value(_ flag: String) -> String? {
    arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("serve-load: \(message)\n".utf8))
    exit(2)
}

let target = value("--documents").flatMap(Int.init) ?? 100_000
let annotateEvery = value("--annotate-every").flatMap(Int.init) ?? 1
let seed = value("--seed").flatMap(UInt64.init) ?? 7
let corpora = URL(fileURLWithPath: value("--corpora") ?? "../shared/corpora")
guard FileManager.default.fileExists(atPath: corpora.path) else { fail("no corpora at \(corpora.path) (give --corpora)") }

let store: any DocumentStore
var postgres: PostgresLibrary?
let workloadFolder: URL
let concurrentAdds: Int
if let db = value("--db") {
    do { store = try SQLiteLibrary(path: db) } catch { fail("\(error)") }
    workloadFolder = URL(fileURLWithPath: value("--workload") ?? db + ".workload")
    concurrentAdds = 1
} else if let url = value("--postgres") {
    do { postgres = try await PostgresLibrary(url: url, maximumConnections: 8) } catch { fail("\(error)") }
    store = postgres!
    workloadFolder = URL(fileURLWithPath: value("--workload") ?? "postgres.workload")
    concurrentAdds = 8
} else {
    fail("usage: serve-load (--db FILE | --postgres URL) [--documents N] [--annotate-every K] [--corpora DIR] [--workload DIR]")
}

let bases = try ArticleBase.load(corpora: corpora)
guard !bases.isEmpty else { fail("no articles found under \(corpora.path)") }
let present = try await store.count()

func printJSON(_ object: [String: Any]) throws {
    print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
}

if let seconds = value("--ingest-seconds").flatMap(Double.init) {
    // Indexes far past any fill, so the worker's articles are new.
    let worker = IngestWorker(variants: ArticleVariants(bases: bases, seed: seed), store: store, annotateEvery: annotateEvery)
    let report = try await worker.run(seconds: seconds, rate: value("--ingest-rate").flatMap(Double.init) ?? 0,
                                      firstIndex: 100_000_000 + present * 7)
    try printJSON(["ingested": report.added, "seconds": (report.seconds * 10).rounded() / 10,
                   "documentsPerSecond": (Double(report.added) / max(report.seconds, 0.001) * 10).rounded() / 10])
    await postgres?.close()
    exit(0)
}

if let count = value("--overlap").flatMap(Int.init) {
    // A fixed query set: the load test's kind of queries, from a seed of its own.
    let paths = Workload.searches(from: bases, count: count, seed: 1717)
    let entities = paths.contains { $0.contains("entity=") } ? try await store.entities() : []
    let queries = paths.compactMap { SearchOverlap.query(path: $0, entities: entities) }
    let report = try await SearchOverlap.measure(queries, store: store)
    print(String(decoding: try JSONEncoder().encode(report), as: UTF8.self))
    await postgres?.close()
    exit(0)
}
FileHandle.standardError.write(Data("serve-load: \(bases.count) base articles; library holds \(present), target \(target)\n".utf8))

var report = LibraryFiller.Report()
if present < target {
    // Start past the articles an earlier run stored (one article per index; duplicates are skipped).
    let filler = LibraryFiller(variants: ArticleVariants(bases: bases, seed: seed), store: store,
                               annotateEvery: annotateEvery, concurrentAdds: concurrentAdds)
    var lastPrint = Date.distantPast
    let progress: (LibraryFiller.Report) -> Void = { progress in
        guard Date().timeIntervalSince(lastPrint) > 5 else { return }
        lastPrint = Date()
        FileHandle.standardError.write(Data(String(format: "  %d added (%.0f/s)\n", progress.added,
                                                   Double(progress.added) / max(progress.seconds, 0.001)).utf8))
    }
    if let file = value("--copy-from") {
        let source: SQLiteLibrary
        do { source = try SQLiteLibrary(path: file) } catch { fail("\(error)") }
        report = try await filler.copy(from: source, skip: present, target: target - present, progress: progress)
    } else {
        report = try await filler.fill(target: target - present, startingAt: present, progress: progress)
    }
}

// Document paths: annotated documents (as after `crossread analyze`; the server annotates others on
// the fly), or any when none is. A library reused as it is keeps the paths written with it.
var random = SplitMix64(seed: seed &+ 1)
let documentsFile = workloadFolder.appendingPathComponent("documents.txt")
var workload = Workload()
if report.added == 0, let kept = try? String(contentsOf: documentsFile, encoding: .utf8) {
    workload.documents = kept.split(separator: "\n").map(String.init)
} else {
    let pool = report.annotatedIDs.isEmpty ? try await store.list().map(\.id) : report.annotatedIDs
    workload.documents = pool.isEmpty ? [] : (0..<min(5000, pool.count)).map { _ in "/documents/" + pool.randomElement(using: &random)! }
}
workload.searches = Workload.searches(from: bases, count: 5000, seed: seed)
try workload.write(to: workloadFolder)
let total = try await store.count()

try printJSON([
    "documents": total, "added": report.added, "alreadyPresent": report.alreadyPresent,
    "annotated": report.annotatedIDs.count, "annotateEvery": annotateEvery, "seconds": (report.seconds * 10).rounded() / 10,
    "documentsPerSecond": report.seconds > 0 ? Int(Double(report.added) / report.seconds) : 0,
    "workload": workloadFolder.path,
])
await postgres?.close()

import CrossreadCore
import CrossreadCorpus
import CrossreadPipeline
import CrossreadSQLite
import Foundation

/// `corpus-eval library-scale --articles GROUND_TRUTH_JSON [--ecb FOLDER] --count N --db PATH [--add K...] [--generated COPY]`:
/// library analysis (`LibraryAnalyzer`) at scale. Generates N documents in families (variants and
/// composites of real articles read at run time, dated over a year in order), annotates and stores
/// them in a new SQLite library (timed apart), then brings the analysis up to date from nothing
/// (copies, stories, topics, comparison, timeline), printing the time of every tenth of the
/// documents placed; then adds K more documents at a time and analyses again. Ends with how well
/// stories recover the generator's families (pairwise precision and recall) and the peak memory.
/// `--generated COPY` keeps the annotated library before analysis there (and stops there with
/// `--generate-only`), or starts from it when it exists; `--store-only` times storing the additions and stops.
enum LibraryScaleBenchmark {
    static func run(_ arguments: [String]) async throws {
        func value(_ flag: String) -> String? {
            arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        }
        guard let articlesPath = value("--articles"), let count = value("--count").flatMap(Int.init), let path = value("--db") else {
            print("usage: corpus-eval library-scale --articles GROUND_TRUTH_JSON [--ecb FOLDER] --count N --db PATH [--add K,K...]")
            exit(2)
        }
        let additions = (value("--add") ?? "10,1000").split(separator: ",").compactMap { Int($0) }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        if let generated = value("--generated"), FileManager.default.fileExists(atPath: generated) {
            try FileManager.default.copyItem(atPath: generated, toPath: path)
        }
        let library = try SQLiteLibrary(path: path)
        let texts = try DuplicatesBenchmark.articleTexts(articlesPath: articlesPath, ecbFolder: value("--ecb"))
        var generator = VariantGenerator(articles: texts, seed: 17)
        var family: [String: Int] = [:]
        var made = 0
        var annotateSeconds = 0.0, storeSeconds = 0.0
        let total = count + additions.reduce(0, +)
        /// Generates `wanted` documents; `stores` false only advances the generator (a library copied
        /// from `--generated` holds them already).
        func generate(_ wanted: Int, stores: Bool = true) async throws -> Double {
            let start = Date()
            var pending: [Document] = []
            var families: [Int] = []
            func flush() async throws {
                guard stores else {
                    for (document, group) in zip(pending, families) { family[document.id] = group }
                    pending.removeAll(keepingCapacity: true)
                    families.removeAll(keepingCapacity: true)
                    return
                }
                var clock = Date()
                let annotated = CorpusAnalyzer().annotate(pending)
                annotateSeconds += Date().timeIntervalSince(clock)
                clock = Date()
                _ = try await library.add(contentsOf: annotated)
                storeSeconds += Date().timeIntervalSince(clock)
                for (document, group) in zip(annotated, families) { family[document.id] = group }
                pending.removeAll(keepingCapacity: true)
                families.removeAll(keepingCapacity: true)
            }
            var left = wanted
            while left > 0 {
                let members = generator.nextFamily(limit: left)
                for text in members {
                    let date = VariantGenerator.date(made, of: total)
                    var metadata = DocumentMetadata()
                    metadata.published = PublicationDate(year: date.year, month: date.month, day: date.day)
                    metadata.title = VariantGenerator.headline(of: text)
                    let hash = SHA256.hex(Array("\(made)\n\(text)".utf8))
                    pending.append(Document(contentHash: hash, source: "generated/\(made)", format: .text, original: [],
                                            text: text, paragraphs: [], metadata: metadata, removed: []))
                    families.append(generator.family)
                    made += 1
                }
                left -= members.count
                if pending.count >= 2000 { try await flush() }
            }
            try await flush()
            return Date().timeIntervalSince(start)
        }
        var output: [String: Any] = ["documents": count]
        if let generated = value("--generated"), FileManager.default.fileExists(atPath: generated) {
            // The annotated library of an earlier run with the same count (copied above), not made again.
            _ = try await generate(count, stores: false)
        } else {
            output["generateAnnotateStoreSeconds"] = try await generate(count)
            if let generated = value("--generated") { try snapshot(path, to: generated) }
            if arguments.contains("--generate-only") {
                print("generated \(count) documents in \(output["generateAnnotateStoreSeconds"]!) s (annotating \(annotateSeconds) s, storing \(storeSeconds) s)")
                return
            }
        }

        if arguments.contains("--store-only") {
            // Only the cost of annotating and storing more documents into a library of this size.
            for extra in additions {
                (annotateSeconds, storeSeconds) = (0, 0)
                let seconds = try await generate(extra)
                print("added \(extra) documents to \(count) in \(seconds) s (annotating \(annotateSeconds) s, storing \(storeSeconds) s)")
            }
            return
        }
        // From nothing: every tenth of the documents placed, the time since the start.
        let analyzer = LibraryAnalyzer()
        let tenths = TenthClock(total: count)
        var clock = Date()
        let first = try await analyzer.update(library) { report in tenths.note(report.placed) }
        output["firstSeconds"] = Date().timeIntervalSince(clock)
        output["firstStages"] = first.seconds
        output["firstPlaced"] = first.placed
        output["firstCompared"] = first.compared
        output["secondsPerTenth"] = tenths.splits
        output["peakMemoryMBAfterFirst"] = peakMemoryMB()
        var added: [[String: Any]] = []
        for extra in additions {
            let storing = try await generate(extra)
            clock = Date()
            let report = try await analyzer.update(library)
            added.append(["documents": extra, "annotateAndStoreSeconds": storing, "analysisSeconds": Date().timeIntervalSince(clock),
                          "stages": report.seconds, "placed": report.placed, "compared": report.compared,
                          "windowsRead": report.windowsRead])
        }
        output["added"] = added

        // Stories against the generator's families: pairs of documents sharing a story vs a family.
        let ids = Array(family.keys)
        var storyOf: [String: String] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 5000).map({ Array(ids[$0..<min(ids.count, $0 + 5000)]) }) {
            for (document, story) in try await library.storiesOf(documents: chunk) { storyOf[document] = story }
        }
        var pairsBoth = 0, pairsStory = 0, pairsFamily = 0
        var byStory: [String: [Int]] = [:]
        var byFamily: [Int: Int] = [:]
        for id in ids {
            if let story = storyOf[id] { byStory[story, default: []].append(family[id]!) }
            byFamily[family[id]!, default: 0] += 1
        }
        for members in byStory.values {
            pairsStory += members.count * (members.count - 1) / 2
            var counts: [Int: Int] = [:]
            for member in members { counts[member, default: 0] += 1 }
            for value in counts.values { pairsBoth += value * (value - 1) / 2 }
        }
        for size in byFamily.values { pairsFamily += size * (size - 1) / 2 }
        let counts = try await library.corpusCounts()
        output["placed"] = storyOf.count
        output["stories"] = counts.stories
        output["topics"] = counts.topics
        output["families"] = byFamily.count
        output["pairwisePrecision"] = pairsStory > 0 ? Double(pairsBoth) / Double(pairsStory) : 0
        output["pairwiseRecall"] = pairsFamily > 0 ? Double(pairsBoth) / Double(pairsFamily) : 0
        output["peakMemoryMB"] = peakMemoryMB()
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        output["libraryMB"] = Double((attributes[.size] as? Int) ?? 0) / 1_048_576
        let data = try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: data, as: UTF8.self))
    }

    /// A consistent copy of the library at `path` (its write-ahead log included), by SQLite's own `VACUUM INTO`.
    static func snapshot(_ path: String, to copy: String) throws {
        try? FileManager.default.removeItem(atPath: copy)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, "VACUUM INTO '\(copy.replacingOccurrences(of: "'", with: "''"))'"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CrossreadError(source: copy, stage: .store, reason: "sqlite3 could not copy the generated library")
        }
    }

    static func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

/// Seconds taken by each tenth of the documents, from progress reports of how many are placed.
final class TenthClock: @unchecked Sendable {
    private let total: Int
    private let start = Date()
    private var last = Date()
    private var next = 1
    private(set) var splits: [Double] = []
    private let lock = NSLock()

    init(total: Int) { self.total = total }

    func note(_ placed: Int) {
        lock.lock()
        defer { lock.unlock() }
        while next <= 10, placed * 10 >= total * next {
            let now = Date()
            splits.append(now.timeIntervalSince(last))
            last = now
            next += 1
        }
    }
}

import CrossreadCorpus
import Foundation

/// `corpus-eval duplicates --articles GROUND_TRUTH_JSON --ecb FOLDER --count N [--threshold T] [--exact]`:
/// streams N generated documents (families of variants of real articles) through near-duplicate
/// detection in batches (fingerprints on all cores, then the incremental index) and prints one JSON
/// object: time per stage, peak memory, index memory, and pairwise precision and recall of the groups.
enum DuplicatesBenchmark {
    static func run(_ arguments: [String]) throws {
        func value(_ flag: String) -> String? {
            arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        }
        guard let articlesPath = value("--articles"), let count = value("--count").flatMap(Int.init) else {
            print("usage: corpus-eval duplicates --articles GROUND_TRUTH_JSON [--ecb FOLDER] --count N [--threshold T] [--shingle K] [--exact] [--seed S]")
            exit(2)
        }
        let texts = try articleTexts(articlesPath: articlesPath, ecbFolder: value("--ecb"))
        var options = DuplicateOptions()
        if let threshold = value("--threshold").flatMap(Double.init) { options.threshold = threshold }
        options.exactVerification = arguments.contains("--exact")
        if let shingle = value("--shingle").flatMap(Int.init) { options.shingleSize = shingle }
        // Pairs of one family whose exact shingle Jaccard reaches the threshold: what a perfect detector
        // at this threshold would find (measured outside the timed stages).
        var reachablePairs: [(Int, Int)] = []
        var exactOptions = options
        exactOptions.exactVerification = true
        var generator = VariantGenerator(articles: texts, seed: value("--seed").flatMap(UInt64.init) ?? 7)

        let index = DuplicateIndex(options: options)
        var families: [Int32] = []
        families.reserveCapacity(count)
        var generateSeconds = 0.0, fingerprintSeconds = 0.0, indexSeconds = 0.0, words = 0
        let batchSize = 2000
        while families.count < count {
            var clock = Date()
            var batch: [String] = []
            while batch.count < batchSize && families.count + batch.count < count {
                let family = generator.nextFamily(limit: count - families.count - batch.count)
                let firstID = families.count
                if family.count > 1 {
                    let sets = family.map { DuplicateFingerprint(text: $0, options: exactOptions) }
                    for i in 0..<(sets.count - 1) {
                        for j in (i + 1)..<sets.count where sets[i].jaccard(sets[j]) >= options.threshold {
                            reachablePairs.append((firstID + i, firstID + j))
                        }
                    }
                }
                batch += family
                families += Array(repeating: Int32(generator.family), count: family.count)
            }
            generateSeconds += Date().timeIntervalSince(clock)
            clock = Date()
            let fingerprints = DuplicateDetector.fingerprints(of: batch, options: options)
            fingerprintSeconds += Date().timeIntervalSince(clock)
            words += fingerprints.reduce(0) { $0 + $1.wordCount }
            clock = Date()
            let first = families.count - batch.count
            let snapshot = fingerprints
            blocking {
                for (offset, fingerprint) in snapshot.enumerated() {
                    await index.add(id: String(first + offset), fingerprint: fingerprint)
                }
            }
            indexSeconds += Date().timeIntervalSince(clock)
        }
        var clock = Date()
        let groups: [DuplicateGroup] = blocking { await index.groups() }
        let groupSeconds = Date().timeIntervalSince(clock)
        clock = Date()
        let indexMemory: Int = blocking { await index.approximateMemory }

        // Pairwise precision and recall against the families.
        var predicted = [Int](0..<families.count)
        for (number, group) in groups.enumerated() { for id in group.documents { predicted[Int(id)!] = families.count + number } }
        var cell: [Int64: Int] = [:], predictedSize: [Int: Int] = [:], familySize: [Int32: Int] = [:]
        for (document, family) in families.enumerated() {
            cell[Int64(predicted[document]) << 32 | Int64(family), default: 0] += 1
            predictedSize[predicted[document], default: 0] += 1
            familySize[family, default: 0] += 1
        }
        func pairs<S: Sequence>(_ sizes: S) -> Double where S.Element == Int { sizes.reduce(0) { $0 + Double($1 * ($1 - 1) / 2) } }
        let truePairs = pairs(cell.values), predictedPairs = pairs(predictedSize.values), goldPairs = pairs(familySize.values)
        let foundReachable = reachablePairs.filter { predicted[$0.0] == predicted[$0.1] }.count
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let result: [String: Any] = [
            "documents": families.count, "families": generator.family, "words": words,
            "threshold": options.threshold, "exactVerification": options.exactVerification,
            "groups": groups.count, "exactGroups": groups.filter(\.exact).count,
            "seconds": ["generate": generateSeconds, "fingerprint": fingerprintSeconds, "index": indexSeconds,
                        "groups": groupSeconds, "detection": fingerprintSeconds + indexSeconds + groupSeconds],
            "peakMemoryMB": Double(usage.ru_maxrss) / 1024, "indexMemoryMB": Double(indexMemory) / 1_048_576,
            "pairPrecision": predictedPairs > 0 ? truePairs / predictedPairs : 1,
            "pairRecall": goldPairs > 0 ? truePairs / goldPairs : 1,
            "familyPairs": goldPairs, "pairsAboveThreshold": reachablePairs.count,
            "recallAboveThreshold": reachablePairs.isEmpty ? 1 : Double(foundReachable) / Double(reachablePairs.count),
            "shingleSize": options.shingleSize,
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// Article bodies from the benchmark's ground truth and, when given, the ECB+ texts (without their
    /// `Source:` lines), read at run time.
    static func articleTexts(articlesPath: String, ecbFolder: String?) throws -> [String] {
        var texts: [String] = []
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: articlesPath)))
        if let entries = json as? [String: [String: Any]] {
            for key in entries.keys.sorted() { if let body = entries[key]?["articleBody"] as? String { texts.append(body) } }
        }
        if let ecb = ecbFolder {
            let folder = URL(fileURLWithPath: ecb)
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            var files: [URL] = []
            while let url = enumerator?.nextObject() as? URL {
                if url.pathExtension == "txt" { files.append(url) }
            }
            for file in files.sorted(by: { $0.path < $1.path }) {
                let text = try String(contentsOf: file, encoding: .utf8)
                texts.append(text.split(separator: "\n").filter { !$0.hasPrefix("Source:") }.joined(separator: "\n"))
            }
        }
        return texts
    }

    /// Runs async work to completion from synchronous code.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            semaphore.signal()
        }
        semaphore.wait()
        return box.value!
    }
}

private final class Box<T>: @unchecked Sendable { var value: T? }

import CrossreadCore
import Foundation

/// How far the bounded top-k search agrees with ranking every match: the same queries both ways,
/// top 10 compared. `strict` counts shared ids; `tieAware` also counts a top-k hit whose score is
/// as good as the exhaustive 10th (ties at the cut are ordered arbitrarily by both).
struct SearchOverlap {
    struct Report: Encodable {
        var queries = 0
        var bounded = 0
        var strictOverlapAt10 = 0.0
        var tieAwareOverlapAt10 = 0.0
        var topK: Latency
        var exhaustive: Latency
        var worst: [String] = []
        var slowest: [String] = []
    }

    struct Latency: Encodable {
        var p50Ms: Double
        var p99Ms: Double
        init(_ samples: [Double]) {
            let sorted = samples.sorted()
            func at(_ share: Double) -> Double {
                sorted.isEmpty ? 0 : (sorted[min(sorted.count - 1, Int(Double(sorted.count) * share))] * 10_000).rounded() / 10
            }
            p50Ms = at(0.5)
            p99Ms = at(0.99)
        }
    }

    /// A search page path (`/search?q=…&source=…`) as a query; an entity filter names ids from `entities`.
    static func query(path: String, entities: [EntityCount]) -> SearchQuery? {
        guard let components = URLComponents(string: path.replacingOccurrences(of: "+", with: "%20")) else { return nil }
        var query = SearchQuery("", limit: 10)
        for item in components.queryItems ?? [] {
            switch item.name {
            case "q": query.text = item.value ?? ""
            case "source": query.source = item.value
            case "from": query.publishedFrom = item.value
            case "through": query.publishedThrough = item.value
            case "entity":
                let needle = (item.value ?? "").lowercased()
                query.entityIDs = entities.filter { $0.entity.name.lowercased().contains(needle) }.prefix(50).map(\.entity.id)
            default: break
            }
        }
        return query.text.isEmpty ? nil : query
    }

    static func measure(_ queries: [SearchQuery], store: any DocumentStore) async throws -> Report {
        var strict = 0.0, tieAware = 0.0, counted = 0, bounded = 0
        var fast: [Double] = [], slow: [Double] = [], worst: [(Double, String)] = [], slowest: [(Double, String)] = []
        for query in queries {
            var start = Date()
            let topK = try await store.searchResults(query)
            fast.append(Date().timeIntervalSince(start))
            slowest.append((fast[fast.count - 1], "\(query.text) \(query.source ?? "") \(query.publishedFrom ?? "") \(query.entityIDs.count) entities"))
            var every = query
            every.exactBound = Int.max
            start = Date()
            let all = try await store.searchResults(every)
            slow.append(Date().timeIntervalSince(start))
            if !topK.totalIsExact { bounded += 1 }
            guard !all.hits.isEmpty else { continue }
            counted += 1
            let truth = Set(all.hits.map(\.id))
            let cut = all.hits[all.hits.count - 1].score
            let shared = topK.hits.filter { truth.contains($0.id) }.count
            let good = topK.hits.filter { truth.contains($0.id) || $0.score <= cut + 1e-9 }.count
            strict += Double(shared) / Double(all.hits.count)
            tieAware += Double(min(good, all.hits.count)) / Double(all.hits.count)
            worst.append((Double(min(good, all.hits.count)) / Double(all.hits.count), query.text))
        }
        return Report(queries: queries.count, bounded: bounded,
                      strictOverlapAt10: counted == 0 ? 0 : (strict / Double(counted) * 1000).rounded() / 1000,
                      tieAwareOverlapAt10: counted == 0 ? 0 : (tieAware / Double(counted) * 1000).rounded() / 1000,
                      topK: Latency(fast), exhaustive: Latency(slow),
                      worst: worst.sorted { $0.0 < $1.0 }.prefix(5).map { String(format: "%.1f %@", $0.0, $0.1) },
                      slowest: slowest.sorted { $0.0 > $1.0 }.prefix(5).map { String(format: "%.0f ms %@", $0.0 * 1000, $0.1) })
    }
}

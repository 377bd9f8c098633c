import CrossreadCore
import CrossreadSQLite
import CrossreadTestSupport
import Foundation
import Testing

/// Adds a thousand article-sized documents to a library file and searches it; prints the rates
/// and holds loose floors (debug build) so a pathological regression fails.
@Suite struct SQLiteThroughputTests {
    static let vocabulary = ("minister council harbour budget railway strike election court ruling vaccine "
        + "drought river bridge market prices inflation bank rates school teachers hospital nurses police "
        + "protest border talks ceasefire energy grid wind solar museum festival football league coach "
        + "weather storm flood farmers harvest exports tariffs factory workers union wages housing rents").split(separator: " ").map(String.init)

    static func article(_ index: Int) -> Document {
        var state = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 | 1
        func next() -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(vocabulary.count))
        }
        let paragraphs = (0..<8).map { _ in
            (0..<50).map { _ in vocabulary[next()] }.joined(separator: " ").capitalized + "."
        }
        let title = (0..<6).map { _ in vocabulary[next()] }.joined(separator: " ").capitalized
        return DocumentStoreConformance.document("bulk-\(index)", title: title, paragraphs: paragraphs,
                                                 removed: [RemovedBlock(kind: .ad, text: "Advertisement")])
    }

    @Test func thousandArticlesAddAndSearch() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let library = try SQLiteLibrary(path: folder.path("bulk.sqlite"))
        let documents = (0..<1000).map(Self.article)
        let clock = ContinuousClock()
        let addTime = try await clock.measure {
            for document in documents { _ = try await library.add(document) }
        }
        #expect(try await library.count() == documents.count)
        let queries = ["harbour budget", "ceasefire talks", "wind solar grid", "flood*", "court ruling wages"]
        var hits = 0
        let searchTime = try await clock.measure {
            for _ in 0..<10 { for query in queries { hits += try await library.search(query, limit: 20).count } }
        }
        let lookupTime = try await clock.measure {
            for document in documents.prefix(200) { _ = try await library.document(id: String(document.id.prefix(6))) }
        }
        let addsPerSecond = Double(documents.count) / seconds(addTime)
        let searchMs = seconds(searchTime) * 1000 / 50
        print("SQLite throughput: \(Int(addsPerSecond)) adds/s (400-word articles, one transaction each), "
            + "search \(String(format: "%.2f", searchMs)) ms/query (limit 20, \(hits / 50) hits avg), "
            + "prefix look-up \(String(format: "%.2f", seconds(lookupTime) * 1000 / 200)) ms")
        #expect(addsPerSecond > 100)
        #expect(searchMs < 100)
    }

    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

import CrossreadCore
import CrossreadSQLite
import CrossreadTestSupport
import Foundation
import Testing

/// Adds hundreds of article-sized documents to a library file and searches them.
@Suite struct SQLiteBulkTests {
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

    /// Bulk behaviour, not speed (speed belongs in scripts/bench-ingest.sh): many adds to one file,
    /// then searches and prefix look-ups over them stay correct.
    @Test func manyArticlesAddAndSearch() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let library = try SQLiteLibrary(path: folder.path("bulk.sqlite"))
        let documents = (0..<300).map(Self.article)
        for document in documents { _ = try await library.add(document) }
        #expect(try await library.count() == documents.count)
        for query in ["harbour budget", "ceasefire talks", "wind solar grid", "flood*", "court ruling wages"] {
            let hits = try await library.search(query, limit: 20)
            #expect(!hits.isEmpty, "no hit for \(query)")
            #expect(hits.count <= 20)
            #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score <= $1.score }, "hits for \(query) are not ranked")
        }
        for document in documents.prefix(50) {
            #expect(try await library.document(id: String(document.id.prefix(8)))?.id == document.id)
        }
    }

}

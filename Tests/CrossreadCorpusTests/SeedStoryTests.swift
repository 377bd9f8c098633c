import CrossreadClean
import CrossreadCore
import CrossreadTestSupport
import Foundation
import Testing
@testable import CrossreadCorpus

/// The five seed articles (../shared/seeds), cleaned as plain text: 000 and 001 report the same calls,
/// 003 and 004 the same post; all five are one topic (Trump and Netanyahu).
@Suite struct SeedStoryTests {
    static func seedDocuments() throws -> [Document]? {
        guard let folder = SharedCorpus.path("seeds") else { return nil }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { name in
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            let cleaned = TextCleaner().clean(text: String(decoding: bytes, as: UTF8.self))
            // Seed ids are their numbers, padded to the 12 characters of a document id.
            let id = String(name.prefix(3)).padding(toLength: 64, withPad: "0", startingAt: 0)
            return Document(contentHash: id, source: name, format: .text, original: bytes, text: cleaned.text,
                            paragraphs: cleaned.paragraphs, metadata: cleaned.metadata, removed: cleaned.removed)
        }
    }

    @Test func pairsShareStoriesAndAllShareOneTopic() throws {
        guard let documents = try SeedStoryTests.seedDocuments() else { return }
        try #require(documents.count == 5)
        let clustering = StoryClusterer().cluster(documents)
        func story(_ index: Int) -> String? { clustering.story(of: documents[index].id)?.id }
        #expect(story(0) != nil && story(0) == story(1))
        #expect(story(3) != nil && story(3) == story(4))
        #expect(story(0) != story(3))
        let topics = Set(documents.map { clustering.topic(of: $0.id)?.id })
        #expect(topics.count == 1)
        #expect(clustering.topics.first?.stories.count ?? 0 >= 2)
    }

    @Test func incrementalArrivalGivesTheSameSeedStories() async throws {
        guard let documents = try SeedStoryTests.seedDocuments() else { return }
        let index = StoryIndex()
        for document in documents.reversed() { await index.add(document) }
        let clustering = await index.clustering()
        func story(_ index: Int) -> String? { clustering.story(of: documents[index].id)?.id }
        #expect(story(0) == story(1))
        #expect(story(3) == story(4))
        #expect(story(0) != story(3))
        #expect(Set(documents.map { clustering.topic(of: $0.id)?.id }).count == 1)
    }
}

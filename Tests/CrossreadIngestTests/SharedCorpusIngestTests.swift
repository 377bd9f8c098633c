import CrossreadCore
import CrossreadTestSupport
import Foundation
import Testing
@testable import CrossreadIngest

/// Reads the development corpora beside the repository; skips when they are absent.
@Suite("Shared corpora")
struct SharedCorpusIngestTests {
    @Test func seedsAreFivePlainTextArticles() {
        guard let seeds = SharedCorpus.path("seeds") else { return }
        let events = ingest(paths: [seeds.path])
        #expect(events.failures.isEmpty)
        #expect(events.articles.count == 5)
        #expect(events.articles.allSatisfy { $0.format == .text && !$0.content.isEmpty })
        #expect(events.articles.map(\.source) == events.articles.map(\.source).sorted())
    }

    @Test func benchmarkPagesAreGzippedHTML() {
        guard let folder = SharedCorpus.path("corpora/article-extraction-benchmark/html") else { return }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".html.gz") }
        let events = ingest(paths: [folder.path])
        #expect(events.failures.isEmpty, "\(events.failures.prefix(3))")
        #expect(events.articles.count == files.count)
        #expect(files.count == 181)
        #expect(events.articles.allSatisfy { $0.format == .html })
        // Decoded pages keep no byte order mark and hold their markup.
        #expect(events.articles.allSatisfy { $0.content.unicodeScalars.first != "\u{FEFF}" })
        #expect(events.articles.allSatisfy { $0.original.count >= $0.content.utf8.count / 2 })
        let replacementCharacters = events.articles.reduce(0) { $0 + $1.content.unicodeScalars.filter { $0 == "\u{FFFD}" }.count }
        #expect(replacementCharacters < 50)
    }
}

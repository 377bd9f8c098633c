import CrossreadCore
import Testing
@testable import CrossreadIngest

@Suite("Gzip")
struct GzipTests {
    static let story = "The tram line opened a week late.\nRiders praised the new stops.\n"

    @Test func gzippedTextIsInflated() {
        let events = ingest(gzip(Array(Self.story.utf8)), name: "story.txt.gz")
        #expect(events.failures.isEmpty)
        #expect(events.articles.first?.content == Self.story)
        #expect(events.articles.first?.original == Array(Self.story.utf8))
        #expect(events.articles.first?.source == "story.txt.gz")
    }

    @Test func gzipIsFoundByMagicBytesNotName() {
        let page = "<html><body><p>Compressed page.</p></body></html>"
        let events = ingest(gzip(Array(page.utf8)), name: "download")
        #expect(events.articles.first?.format == .html)
        #expect(events.articles.first?.content == page)
    }

    @Test func gzippedJSONLinesStreamsAcrossChunks() {
        // Enough lines that inflating takes several output chunks.
        var lines = ""
        for index in 1...15_000 { lines += "{\"text\": \"Record number \(index) about the budget.\", \"url\": \"https://example.org/\(index)\"}\n" }
        let events = ingest(gzip(Array(lines.utf8)), name: "dump.jsonl.gz")
        #expect(events.failures.isEmpty)
        #expect(events.articles.count == 15_000)
        #expect(events.articles.last?.source == "https://example.org/15000")
        #expect(events.articles[12_345].content == "Record number 12346 about the budget.")
    }

    @Test func concatenatedMembersAreOneStream() {
        let bytes = gzip(Array("First half, ".utf8)) + gzip(Array("second half.".utf8))
        #expect(ingest(bytes, name: "two.gz").articles.first?.content == "First half, second half.")
    }

    @Test func truncatedStreamIsAFailure() {
        let whole = gzip(Array(String(repeating: Self.story, count: 50).utf8))
        let events = ingest(Array(whole.prefix(whole.count / 2)), name: "cut.txt.gz")
        #expect(events.articles.isEmpty)
        #expect(events.failures.map(\.reason) == ["truncated gzip stream"])
        #expect(events.failures.first?.source == "cut.txt.gz")
        #expect(events.failures.first?.stage == .ingest)
    }

    @Test func truncatedJSONLinesKeepsCompleteLines() {
        var lines = ""
        for index in 1...2_000 { lines += "{\"text\": \"Line \(index) with some words to compress.\"}\n" }
        let whole = gzip(Array(lines.utf8))
        let events = ingest(Array(whole.prefix(whole.count * 3 / 4)), name: "dump.jsonl.gz")
        #expect(events.articles.count > 100)
        #expect(events.articles.count < 2_000)
        #expect(events.failures.map(\.reason) == ["truncated gzip stream"])
    }

    @Test func corruptDataIsAFailure() {
        var bytes = gzip(Array(String(repeating: Self.story, count: 20).utf8))
        for index in 12..<min(40, bytes.count) { bytes[index] ^= 0x5A }
        let events = ingest(bytes, name: "bad.gz")
        #expect(events.articles.isEmpty)
        #expect(events.failures.count == 1)
        #expect(events.failures.first?.reason.contains("gzip stream") == true)
    }

    @Test func gzipOfNothingIsEmpty() {
        #expect(ingest(gzip([]), name: "nothing.gz").failures.map(\.reason) == ["empty file"])
    }
}

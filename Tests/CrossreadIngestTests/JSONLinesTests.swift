import CrossreadCore
import Testing
@testable import CrossreadIngest

@Suite("JSON Lines")
struct JSONLinesTests {
    @Test func recordsWithMetadata() {
        let input = """
            {"text": "Rates rose again.", "url": "https://news.example/rates", "title": "Rates", "published": "2024-03-05T08:00:00Z", "authors": ["Ana Lima", "Bo Chen"], "publisher": "Example News"}
            {"html": "<p>Snow closed the pass.</p>", "title": "Pass closed", "author": "Cy Dar", "date": "March 6, 2024"}

            {"text": "No url here."}
            """
        let events = ingest(input, name: "dump.jsonl")
        #expect(events.failures.isEmpty)
        let articles = events.articles
        #expect(articles.count == 3)
        #expect(articles[0].source == "https://news.example/rates")
        #expect(articles[0].format == .text)
        #expect(articles[0].given.title == "Rates")
        #expect(articles[0].given.authors == ["Ana Lima", "Bo Chen"])
        #expect(articles[0].given.published?.iso8601 == "2024-03-05T08:00:00Z")
        #expect(articles[0].given.publisher == "Example News")
        #expect(articles[0].given.url == "https://news.example/rates")
        #expect(articles[0].original == Array(input.split(separator: "\n", omittingEmptySubsequences: false)[0].utf8))
        #expect(articles[1].format == .html)
        #expect(articles[1].content == "<p>Snow closed the pass.</p>")
        #expect(articles[1].given.authors == ["Cy Dar"])
        #expect(articles[1].given.published?.iso8601 == "2024-03-06")
        #expect(articles[1].source == "dump.jsonl#2")
        #expect(articles[2].source == "dump.jsonl#4")  // numbered by line, blank lines count
    }

    @Test func badLinesAreFailuresAndReadingGoesOn() {
        let input = "{\"text\": \"one\"}\n{\"text\": \"two\"\n[1, 2]\n{\"title\": \"no body\"}\n{\"text\": \"five\"}\r\n"
        let events = ingest(input, name: "mixed.jsonl")
        #expect(events.articles.map(\.content) == ["one", "five"])
        #expect(events.failures.map(\.reason) == [
            "line 2: not a JSON object (invalid JSON)",
            "line 3: not a JSON object (a JSON value that is not an object)",
            "line 4: no \"text\" or \"html\" field",
        ])
        #expect(events.failures.allSatisfy { $0.source == "mixed.jsonl" && $0.stage == .ingest })
        // Events arrive in input order.
        let order = events.map { $0.article?.content ?? $0.failure!.reason.prefix(6).description }
        #expect(order == ["one", "line 2", "line 3", "line 4", "five"])
    }

    @Test func longLineIsRefusedOthersKept() {
        let long = "{\"text\": \"" + String(repeating: "x", count: 5_000) + "\"}"
        let input = "{\"text\": \"short\"}\n" + long + "\n{\"text\": \"after\"}"
        let events = ingest(input, name: "big.jsonl", options: IngestOptions(maxArticleBytes: 1_000))
        #expect(events.articles.map(\.content) == ["short", "after"])
        #expect(events.failures.map(\.reason) == ["line 2: too large: 4.9 KB, the limit is 1000 bytes (--max-size)"])
    }

    @Test func legacyBytesInALineAreRepaired() {
        let bytes = Array("{\"text\": \"caf".utf8) + [0xE9] + Array("\"}".utf8)
        #expect(ingest(bytes, name: "x.jsonl").articles.first?.content == "café")
    }

    @Test func lineSplitterAcrossChunkBoundaries() {
        var splitter = LineSplitter(maxLineBytes: 100)
        var lines: [String] = []
        for chunk in ["ab", "c\nde", "f\r", "\n\ngh"] {
            splitter.feed(Array(chunk.utf8)) { _, line in
                if case .bytes(let bytes) = line { lines.append(String(decoding: bytes, as: UTF8.self)) }
            }
        }
        splitter.finish { _, line in
            if case .bytes(let bytes) = line { lines.append(String(decoding: bytes, as: UTF8.self)) }
        }
        #expect(lines == ["abc", "def", "", "gh"])
        #expect(splitter.lineNumber == 4)
    }
}

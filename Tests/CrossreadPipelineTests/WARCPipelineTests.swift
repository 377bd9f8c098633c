import CrossreadCore
import CrossreadTestSupport
import Testing
@testable import CrossreadPipeline

/// A WARC crawl through the whole pipeline: pages extracted like HTML files, spans valid, the target
/// URI and fetch time kept apart from the page's own date, skipped records handed on as notices.
@Suite struct WARCPipelineTests {
    // Fictional, written for this test.
    static let page = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>Tidal barrier test passes | Estuary Gazette</title>
        <meta property="article:published_time" content="2026-01-20T07:30:00Z"></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Tidal barrier test passes</h1>
        <p>The new tidal barrier at Wexmoor closed in eleven minutes during Tuesday’s test, two minutes faster than its design required.</p>
        <h2>Next steps</h2>
        <p>Engineer Priya Anand said the barrier would be tested again in March, before the spring tides.</p>
        </article><footer>© Estuary Gazette</footer></body></html>
        """

    @Test func crawledPageBecomesADocumentWithValidSpans() async throws {
        var writer = WARCWriter()
        writer.warcinfo()
        writer.request(uri: "https://gazette.example/barrier", date: "2026-01-21T10:00:00Z")
        writer.response(uri: "https://gazette.example/barrier", date: "2026-01-21T10:00:01Z", http: WARCWriter.httpResponse(
            headers: [("Content-Type", "text/html; charset=utf-8"), ("Transfer-Encoding", "chunked")],
            body: WARCWriter.chunked(Array(Self.page.utf8), size: 200)))
        writer.response(uri: "https://gazette.example/missing", date: "2026-01-21T10:00:02Z", http: WARCWriter.httpResponse(
            status: 404, reason: "Not Found", headers: [("Content-Type", "text/html")], body: Array("<p>Gone</p>".utf8)))

        var documents: [Document] = []
        var notices: [IngestNotice] = []
        var failures: [CrossreadError] = []
        try await Pipeline().run(inputs: [(source: "crawl.warc", bytes: writer.uncompressed)]) { batch in
            notices += batch.notices
            for event in batch.events {
                switch event {
                case .document(let document): documents.append(document)
                case .failure(let error): failures.append(error)
                }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(notices.map(\.reason) == ["warcinfo record", "request record", "status 404"])
        let document = try #require(documents.first)
        #expect(documents.count == 1)
        #expect(document.source == "https://gazette.example/barrier")
        #expect(document.format == .html)
        #expect(document.metadata.url == "https://gazette.example/barrier")
        #expect(document.metadata.fetched?.iso8601 == "2026-01-21T10:00:01Z")
        #expect(document.metadata.published?.iso8601 == "2026-01-20T07:30:00Z")
        #expect(document.metadata.title == "Tidal barrier test passes")
        #expect(document.contentHash == SHA256.hex(Array(Self.page.utf8)))
        #expect(SpanVerifier.problems(text: document.text, spans: document.paragraphs.map { ($0.range, nil) }).isEmpty)
        let paragraphs = document.paragraphs.map { String(decoding: Array(document.text.utf8)[$0.range], as: UTF8.self) }
        #expect(paragraphs.contains("Engineer Priya Anand said the barrier would be tested again in March, before the spring tides."))
        #expect(document.paragraphs.map(\.kind).contains(.subheading))
        #expect(!document.text.contains("Home"))
        let json = DocumentJSON(document).line()
        #expect(json.contains("\"fetched\":\"2026-01-21T10:00:01Z\""))
    }
}

import CrossreadCore
import CrossreadHTML
import Testing

@Suite("JSON-LD articleBody")
struct StructuredBodyTests {
    static let paragraph = "The lighthouse keeper logged every passing ship for forty years, in pencil, in a ledger that "
        + "the museum has now put on display next to the old lamp."

    @Test func replacesAStubBody() throws {
        let body = (0..<6).map { "Part \($0). " + Self.paragraph }.joined(separator: "\\n")
        let page = """
        <html><head><script type="application/ld+json">
        {"@type":"NewsArticle","headline":"Keeper's ledger on show","articleBody":"\(body)"}
        </script></head><body><article><h1>Keeper's ledger on show</h1>
        <p>Subscribe to read the whole story about the lighthouse keeper and his ledger.</p></article></body></html>
        """
        let result = try HTMLExtractor().clean(RawArticle(source: "x", format: .html, content: page, original: []))
        #expect(!result.noArticle)
        #expect(result.paragraphs.count == 6)
        #expect(result.text.hasPrefix("Part 0. The lighthouse keeper"))
        #expect(!result.text.contains("Subscribe"))
    }

    @Test func leavesAFullVisibleBodyAlone() throws {
        let visible = (0..<6).map { "<p>Visible \($0). " + Self.paragraph + "</p>" }.joined()
        let page = """
        <html><head><script type="application/ld+json">
        {"@type":"NewsArticle","headline":"Keeper's ledger on show","articleBody":"\(Self.paragraph) \(Self.paragraph)"}
        </script></head><body><article><h1>Keeper's ledger on show</h1>\(visible)</article></body></html>
        """
        let result = try HTMLExtractor().clean(RawArticle(source: "x", format: .html, content: page, original: []))
        #expect(result.paragraphs.count == 6)
        #expect(result.text.hasPrefix("Visible 0."))
    }
}

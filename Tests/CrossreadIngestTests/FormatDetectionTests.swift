import CrossreadCore
import Testing
@testable import CrossreadIngest

@Suite("Format detection")
struct FormatDetectionTests {
    static let plainText = """
        Harbour cranes stood idle on Tuesday after the night shift walked out.
        The port authority said < 40 % of berths were working; talks resume "soon".
        """
    static let htmlPage = """
        <!DOCTYPE html>
        <html><head><title>Ferry strike</title></head>
        <body><article><h1>Ferry strike</h1><p>Ferries stayed in port.</p></article></body></html>
        """
    static let htmlFragment = "<p>The council voted 7 to 2.</p>\n<p>Work starts in <b>May</b>.</p>"
    static let tagDenseWithoutLeadingTag = """
        Council minutes
        <div class="x"><p>Item one was approved.</p><p>Item two was deferred.</p><br></div>
        """

    @Test(arguments: [
        (plainText, "story.txt", InputFormat.text),
        (plainText, "story.html", InputFormat.text),        // content wins over the extension
        (htmlPage, "story.txt", InputFormat.html),
        (htmlPage, "noextension", InputFormat.html),
        (htmlFragment, "fragment", InputFormat.html),
        (tagDenseWithoutLeadingTag, "minutes.txt", InputFormat.html),
        ("Ratio was 3<4 and 5>2 in the filing.", "note.html", InputFormat.text),
    ])
    func detectsSingleArticleFormats(content: String, name: String, expected: InputFormat) {
        let events = ingest(content, name: name)
        #expect(events.failures.isEmpty)
        #expect(events.articles.count == 1)
        #expect(events.articles.first?.format == expected)
        #expect(events.articles.first?.source == name)
        #expect(events.articles.first?.original == Array(content.utf8))
    }

    @Test func feedAndJSONLinesWinOverWrongExtension() {
        let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Gazette</title>"
            + "<item><title>One</title><description>Plain words.</description></item></channel></rss>"
        let fromTxt = ingest(rss, name: "feed.txt")
        #expect(fromTxt.articles.count == 1)
        #expect(fromTxt.articles.first?.given.publisher == "Gazette")

        let jsonl = "{\"text\": \"First record.\"}\n{\"text\": \"Second record.\"}\n"
        let fromHTML = ingest(jsonl, name: "dump.html")
        #expect(fromHTML.articles.map(\.content) == ["First record.", "Second record."])
    }

    @Test func extensionDecidesWhenContentLooksPlain() {
        // A JSON Lines file whose first line is broken still reads as JSON Lines by its extension.
        let events = ingest("this line is not json\n{\"text\": \"Kept.\"}\n", name: "dump.jsonl")
        #expect(events.articles.map(\.content) == ["Kept."])
        #expect(events.failures.map(\.reason) == ["line 1: not a JSON object (invalid JSON)"])
    }

    @Test func prettyJSONIsRefusedClearly() {
        let events = ingest("{\n  \"text\": \"x\"\n}\n", name: "doc.json")
        #expect(events.failures.map(\.reason) == ["a JSON document, not JSON Lines (one JSON object per line)"])
    }

    @Test func xmlThatIsNoFeed() {
        let events = ingest("<?xml version=\"1.0\"?><urlset><url><loc>x</loc></url></urlset>", name: "sitemap.xml")
        #expect(events.articles.isEmpty)
        #expect(events.failures.first?.reason == "XML but not a feed: the root element is <urlset>, not <rss>, <rdf:RDF> or <feed>")
    }

    @Test func textStartingWithBracketIsText() {
        let events = ingest("[Updated 14:02] The bridge reopened.", name: "x")
        #expect(events.articles.first?.format == .text)
    }
}

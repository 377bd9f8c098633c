import CrossreadCore
import Testing
@testable import CrossreadIngest

@Suite("Feeds")
struct FeedTests {
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
          <channel>
            <title>The Valley Courier</title>
            <link>https://courier.example/</link>
            <language>en-GB</language>
            <item>
              <title>Mill &amp; river: flood plan approved</title>
              <link>https://courier.example/flood-plan</link>
              <pubDate>Tue, 05 Mar 2024 09:30:00 +0000</pubDate>
              <dc:creator>Rhea Okafor</dc:creator>
              <media:title>Photo of the mill</media:title>
              <description>Council backs the plan.</description>
              <content:encoded><![CDATA[<p>The council <b>approved</b> the flood plan&nbsp;on Monday.</p><p>Work starts in June.</p>]]></content:encoded>
            </item>
            <item>
              <title>Market moves indoors</title>
              <guid isPermaLink="false">market-2024</guid>
              <dc:date>2024-03-06</dc:date>
              <author>desk@courier.example (Sam Varga)</author>
              <description>Stalls move to the old hall for winter.</description>
            </item>
            <item>
              <title>Only a title</title>
            </item>
          </channel>
        </rss>
        """

    @Test func rssItemsBecomeArticles() {
        let events = ingest(Self.rss, name: "courier.rss")
        let articles = events.articles
        #expect(articles.count == 2)
        let first = articles[0]
        #expect(first.source == "https://courier.example/flood-plan")
        #expect(first.format == .html)
        #expect(first.content == "<p>The council <b>approved</b> the flood plan&nbsp;on Monday.</p><p>Work starts in June.</p>")
        #expect(first.given.title == "Mill & river: flood plan approved")
        #expect(first.given.authors == ["Rhea Okafor"])
        #expect(first.given.published?.iso8601 == "2024-03-05T09:30:00Z")
        #expect(first.given.publisher == "The Valley Courier")
        #expect(first.given.language == "en")
        #expect(first.given.description == "Council backs the plan.")
        let original = String(decoding: first.original, as: UTF8.self)
        #expect(original.hasPrefix("<item>") && original.hasSuffix("</item>"))
        #expect(original.contains("flood-plan"))

        let second = articles[1]
        #expect(second.source == "courier.rss#2")
        #expect(second.format == .text)
        #expect(second.content == "Stalls move to the old hall for winter.")
        #expect(second.given.authors == ["Sam Varga"])
        #expect(second.given.published?.iso8601 == "2024-03-06")

        #expect(events.failures.map(\.reason) == ["item 3: no content, summary or description"])
        #expect(events.failures.first?.source == "courier.rss")
    }

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
          <title type="html">Stadt &amp;amp; Land</title>
          <author><name>Redaktion</name></author>
          <entry>
            <title>Brücke gesperrt</title>
            <link rel="self" href="https://stadt.example/api/1"/>
            <link rel="alternate" type="text/html" href="https://stadt.example/bruecke"/>
            <id>tag:stadt.example,2024:1</id>
            <published>2024-04-02T07:15:00+02:00</published>
            <updated>2024-04-02T09:00:00+02:00</updated>
            <author><name>Jana Weiß</name></author>
            <summary>Die Brücke ist zu.</summary>
            <content type="html">&lt;p&gt;Die Brücke bleibt &lt;em&gt;bis Mai&lt;/em&gt; gesperrt.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Neue Buslinie</title>
            <id>https://stadt.example/bus</id>
            <updated>2024-04-03T10:00:00Z</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Linie 7 fährt ab <strong>Montag</strong>.</p></div></content>
          </entry>
          <entry>
            <title>Kurzmeldung</title>
            <summary>Der Markt öffnet später.</summary>
          </entry>
        </feed>
        """

    @Test func atomEntriesBecomeArticles() {
        let events = ingest(Self.atom, name: "stadt.atom")
        #expect(events.failures.isEmpty)
        let articles = events.articles
        #expect(articles.count == 3)
        #expect(articles[0].source == "https://stadt.example/bruecke")
        #expect(articles[0].format == .html)
        #expect(articles[0].content == "<p>Die Brücke bleibt <em>bis Mai</em> gesperrt.</p>")
        #expect(articles[0].given.published?.iso8601 == "2024-04-02T07:15:00+02:00")
        #expect(articles[0].given.updated?.iso8601 == "2024-04-02T09:00:00+02:00")
        #expect(articles[0].given.authors == ["Jana Weiß"])
        #expect(articles[0].given.publisher == "Stadt & Land")
        #expect(articles[0].given.language == "de")
        #expect(articles[0].given.description == "Die Brücke ist zu.")

        #expect(articles[1].source == "https://stadt.example/bus")
        #expect(articles[1].format == .html)
        #expect(articles[1].content.contains("<p>Linie 7 fährt ab <strong>Montag</strong>.</p>"))
        #expect(articles[1].given.published?.iso8601 == "2024-04-03T10:00:00Z")  // updated stands in
        #expect(articles[1].given.authors == ["Redaktion"])  // the feed's author

        #expect(articles[2].source == "stadt.atom#3")
        #expect(articles[2].format == .text)
        #expect(articles[2].content == "Der Markt öffnet später.")
    }

    @Test func rss1RDFItems() {
        let rdf = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://old.example/"><title>Old Wire</title></channel>
              <item rdf:about="https://old.example/a"><title>A</title><link>https://old.example/a</link>
                <description>Wire copy A.</description><dc:date>2003-01-02</dc:date></item>
            </rdf:RDF>
            """
        let articles = ingest(rdf, name: "old.rdf").articles
        #expect(articles.count == 1)
        #expect(articles.first?.given.publisher == "Old Wire")
        #expect(articles.first?.given.published?.iso8601 == "2003-01-02")
    }

    @Test func sloppyEntitiesAreRepaired() {
        let feed = "<rss><channel><title>AT&T Watch</title><item><title>Caf&eacute; &copy; news</title>"
            + "<description>Prices &amp; wages &mdash; up</description></item></channel></rss>"
        let events = ingest(feed, name: "sloppy.xml")
        #expect(events.failures.isEmpty)
        #expect(events.articles.first?.given.publisher == "AT&T Watch")
        #expect(events.articles.first?.given.title == "Café © news")
        #expect(events.articles.first?.content == "Prices & wages — up")
    }

    @Test func brokenFeedReportsAndKeepsRecoveredItems() {
        let feed = "<rss><channel><title>T</title><item><title>One</title><description>First.</description></item>"
            + "<item><title>Two</title><description>Sec"
        let events = ingest(feed, name: "cut.rss")
        #expect(events.articles.first?.content == "First.")
        let failure = events.failures.last
        #expect(failure?.reason.hasPrefix("malformed feed: line 1:") == true)
        #expect(failure?.source == "cut.rss")
    }

    @Test func garbageXMLIsAMalformedFeed() {
        let events = ingest("<?xml version=\"1.0\"?>\n<<<>>>", name: "junk.xml")
        #expect(events.articles.isEmpty)
        #expect(events.failures.count == 1)
        #expect(events.failures.first?.reason.hasPrefix("malformed feed") == true)
    }

    @Test func feedItemOverTheLimit() {
        let body = String(repeating: "word ", count: 400)
        let feed = "<rss><channel><item><description>\(body)</description></item>"
            + "<item><description>short</description></item></channel></rss>"
        let events = ingest(feed, name: "f.rss", options: IngestOptions(maxArticleBytes: 1_000))
        #expect(events.articles.map(\.content) == ["short"])
        #expect(events.failures.map(\.reason) == ["item 1: too large: 2 KB, the limit is 1000 bytes (--max-size)"])
    }

    @Test func entityExpansionIsNotFollowed() {
        let feed = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <rss><channel><item><description>start &c; end</description></item></channel></rss>
            """
        // The document's own entities are kept as literal text, never expanded.
        let content = ingest(feed, name: "lol.rss").articles.first?.content
        #expect(content == "start &c; end")
    }

    @Test func feedFileOverTheWholeFileLimit() {
        var feed = "<rss><channel>"
        for index in 1...50 { feed += "<item><description>Item \(index) text.</description></item>" }
        feed += "</channel></rss>"
        let events = ingest(gzip(Array(feed.utf8)), name: "f.rss.gz", options: IngestOptions(maxFileBytes: 1_024))
        #expect(events.articles.isEmpty)
        #expect(events.failures.map(\.reason)
                == ["too large: 2.6 KB, the limit for a file read whole (a feed, a UTF-16 file) is 1 KB"])
    }

    @Test(arguments: [("a &amp; b", true), ("<p>x</p>", true), ("AT&T and R&D", false), ("5 < 6", false)])
    func markupHeuristic(text: String, isHTML: Bool) {
        #expect(MarkupText.looksLikeHTML(text) == isHTML)
    }
}

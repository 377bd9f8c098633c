import CrossreadCore
@testable import CrossreadHTML
import Testing

@Suite("Metadata rules")
struct MetadataRulesTests {
    @Test(arguments: [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Von Max Mustermann, Redakteur", ["Max Mustermann"]),
        ("Jane Doe (AP)", ["Jane Doe"]),
        ("Email the author", []),
        ("BY ANNA LEE | March 3, 2024", ["ANNA LEE"]),
        ("Staff Writer", []),
        ("Ana Pérez y Luis Gómez", ["Ana Pérez", "Luis Gómez"]),
        ("https://example.com/author/jane", []),
        ("Author", []),
        ("Jane Doe, Author", ["Jane Doe"]),
        ("Dylan Bailey, MS, RD", ["Dylan Bailey, MS, RD"]),
        ("By Sofia Gonzalez December 2, 2025", ["Sofia Gonzalez"]),
        ("Meghan Neville, Content Marketing Coordinator", ["Meghan Neville"]),
        ("Written By: Tom May", ["Tom May"]),
        ("Help Net Security Sponsored", ["Help Net Security"]),
        ("By April Fulton", ["April Fulton"]),
    ])
    func authorNames(_ raw: String, _ expected: [String]) {
        #expect(AuthorNames.clean(raw) == expected)
    }

    @Test(arguments: [
        ("Harbour bridge reopens | The Coastal Ledger", "The Coastal Ledger", "Harbour bridge reopens"),
        ("The Coastal Ledger - Harbour bridge reopens after long repairs", "The Coastal Ledger",
         "Harbour bridge reopens after long repairs"),
        ("Brexit - what happens next | BBC News", nil, "Brexit - what happens next"),
        ("A title without a site", nil, "A title without a site"),
    ] as [(String, String?, String)])
    func titles(_ raw: String, _ site: String?, _ expected: String) {
        #expect(TitleCleaner.clean(raw, siteName: site, headings: [], isDocumentTitle: true) == expected)
    }

    @Test(arguments: [
        ("https://ex.org/2024/03/11/slug", "2024-03-11"),
        ("https://ex.org/news/2024-03-11-slug", "2024-03-11"),
        ("https://ex.org/a/20240311/slug.html", "2024-03-11"),
        ("https://ex.org/news/2012-06/04/content_1.htm", "2012-06-04"),
        ("https://ex.org/2024/13/45/slug", nil),
        ("https://ex.org/id/1234567/slug", nil),
    ] as [(String, String?)])
    func urlDates(_ url: String, _ expected: String?) {
        #expect(DateFinder.fromURL(url)?.day8601 == expected)
    }

    @Test(arguments: [
        ("1710145800", "2024-03-11T08:30:00Z"),
        ("20240311", "2024-03-11"),
        ("11/03/2024", "2024-03-11"),
        ("11 de marzo de 2024", "2024-03-11"),
        ("2024-03-11T08:30:00.000+0100", "2024-03-11T08:30:00+01:00"),
        ("nonsense", nil),
    ] as [(String, String?)])
    func dates(_ raw: String, _ expected: String?) {
        #expect(DateFinder.parse(raw)?.iso8601 == expected)
    }

    @Test func jsonLDWithGraphArraysAndNestedAuthors() {
        let script = """
        [{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},
        {"@type":["NewsArticle"],"headline":"  Spaced   headline ","author":{"@type":"Person","name":"Ida Berg"},
        "datePublished":"2021-05-06","publisher":{"@type":"Organization","name":"Paper"}}]}]
        """
        let facts = JSONLDReader().read([script, "{broken json", "<!-- {\"@type\":\"Article\"} -->"])
        #expect(facts.headline == "Spaced headline")
        #expect(facts.authors == ["Ida Berg"])
        #expect(facts.published == "2021-05-06")
        #expect(facts.publisher == "Paper")
        #expect(facts.declaresArticle)
    }
}

@Suite("Metadata from whole pages")
struct PageMetadataTests {
    @Test func siteNameIsNeverTheAuthor() throws {
        let page = """
        <html lang="de"><head><title>Neue Brücke eröffnet : Tagesblatt</title>
        <meta property="og:site_name" content="Tagesblatt"><meta name="author" content="Tagesblatt">
        </head><body><article><h1>Neue Brücke eröffnet</h1><div class="meta">Von Lena Ahrens | 03.02.2022</div>
        <p>Die neue Brücke über den Kanal ist seit dem Morgen für Fußgänger und Radfahrer offen, nach zwei Jahren Bauzeit.</p>
        <p>Der Bürgermeister sprach von einem guten Tag für die Stadt, und die ersten Radfahrer klingelten zur Feier.</p>
        </article></body></html>
        """
        let result = try HTMLExtractor().clean(RawArticle(source: "https://tagesblatt.example/a", format: .html,
                                                          content: page, original: []))
        #expect(result.metadata.authors == ["Lena Ahrens"])
        #expect(result.metadata.title == "Neue Brücke eröffnet")
        #expect(result.metadata.published?.day8601 == "2022-02-03")
        #expect(result.metadata.language == "de")
    }

    private func metadata(_ head: String, _ body: String, source: String = "https://site.example/a") throws -> DocumentMetadata {
        let page = """
        <html lang="en"><head>\(head)</head><body><article><h1>Harbour bridge reopens</h1>\(body)
        <p>The harbour bridge reopened to walkers and cyclists this morning after two years of repairs to its deck.</p>
        <p>The mayor called it a good day for the town, and the first cyclists rang their bells as they crossed.</p>
        </article></body></html>
        """
        return try HTMLExtractor().clean(RawArticle(source: source, format: .html, content: page, original: [])).metadata
    }

    @Test func aPersonalSiteNamedAfterItsAuthorKeepsTheAuthor() throws {
        let head = """
        <meta property="og:site_name" content="Ida Berg"><script type="application/ld+json">
        {"@type":"BlogPosting","headline":"Harbour bridge reopens","author":{"@type":"Person","name":"Ida Berg"}}</script>
        """
        #expect(try metadata(head, "").authors == ["Ida Berg"])
    }

    @Test func anOrganizationIsTheAuthorOnlyWhenNoPersonIsNamed() throws {
        let head = """
        <meta property="og:site_name" content="Harbour Tools"><script type="application/ld+json">
        {"@type":"BlogPosting","headline":"Harbour bridge reopens","author":{"@type":"Organization","name":"Harbour Tools Team"}}</script>
        """
        #expect(try metadata(head, "").authors == ["Harbour Tools Team"])
        #expect(try metadata(head, "<p class=\"byline\">By Lena Ahrens</p>").authors == ["Lena Ahrens"])
    }

    @Test func aLinkToAnAuthorPageNamesTheAuthor() throws {
        let body = "<div><a href=\"/authors/trevor-jackins\">Trevor Jackins</a></div>"
        #expect(try metadata("", body).authors == ["Trevor Jackins"])
    }

    @Test func theUpdateInADatelineIsNotThePublicationDate() throws {
        let body = "<div>Published on Oct 21, 2025 Updated on Mar 9, 2026</div>"
        #expect(try metadata("", body).published?.day8601 == "2025-10-21")
    }

    @Test func aPageThatOnlyShowsItsUpdateIsDatedByIt() throws {
        #expect(try metadata("", "<div>Last updated: November 13, 2025</div>").published?.day8601 == "2025-11-13")
    }

    @Test func anElementWithADatetimeIsATime() throws {
        let body = "<div>Last edited <local-time datetime=\"2025-02-23T08:00:00Z\">Feb 23</local-time></div>"
        #expect(try metadata("", body).published?.day8601 == "2025-02-23")
    }

    @Test func aDateKeptOnlyInTheScriptsDataIsTheLastSource() throws {
        let head = "<script>window.dataLayer = [{\"pageType\": \"article\", \"publishDate\": \"2025-05-27\"}];</script>"
        #expect(try metadata(head, "").published?.day8601 == "2025-05-27")
        let escaped = "<div data-meta=\"{&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}\"></div>"
        #expect(try metadata("", escaped).published?.day8601 == "2025-11-17")
        #expect(try metadata("<script>var publishDate = 'soon';</script>", "").published == nil)
        // A key is a whole name: a CMS record's "_createdAt" is no publication date.
        #expect(try metadata("<script>{\"footer\":{\"_createdAt\":\"2023-05-16T23:26:49Z\"}}</script>", "").published == nil)
    }

    @Test func aLongCommentThreadNamesNoAuthor() throws {
        let names = ["Anna Berg", "Ben Carlsen", "Cora Diaz", "Dan Evers", "Eva Fischer", "Finn Gray", "Gia Hale", "Hugo Ito"]
        let comments = names.map { "<div><span itemprop=\"author\">\($0)</span><p>I agree.</p></div>" }
        let body = "<section id=\"comments\">" + comments.joined() + "</section>"
        #expect(try metadata("", body).authors.isEmpty)
    }
}

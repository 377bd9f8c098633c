import CrossreadCore
@testable import CrossreadHTML
import Testing

@Suite("Pages without an article")
struct PageWithoutArticleTests {
    static let homePage: String = {
        var teasers = ""
        let topics = ["Council budget vote delayed again", "Ferry strike ends after two days of talks",
                      "New school opens on the hill", "Fishing quotas cut for next season",
                      "Museum wins national prize", "Storm warning for the weekend", "Rail line to reopen in May",
                      "Harbour festival dates announced"]
        for (index, topic) in topics.enumerated() {
            teasers += """
            <div class="teaser"><h2><a href="/story/\(index)">\(topic)</a></h2>
            <p>A short summary of the story sits here, two lines long, to tempt the reader to click.</p></div>
            """
        }
        return """
        <html><head><title>The Coastal Ledger – News from the coast</title>
        <meta property="og:type" content="website"></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <main>\(teasers)</main><footer>© The Coastal Ledger</footer></body></html>
        """
    }()

    /// A home page is no article; its main content is its teasers, never its navigation or footer.
    @Test func homePageHasNoArticleButYieldsItsTeasers() throws {
        let result = try HTMLExtractor().clean(RawArticle(source: "https://ledger.example/", format: .html,
                                                          content: Self.homePage, original: []))
        #expect(result.noArticle)
        #expect(result.text.contains("Ferry strike ends after two days of talks"))
        #expect(result.text.contains("A short summary of the story sits here"))
        #expect(!result.text.contains("Sport"))
        #expect(!result.text.contains("©"))
    }

    /// A page that declares no article and whose best article is a scrap yields its listing instead.
    @Test func scrapOnAListingGivesWayToTheListing() throws {
        let page = Self.homePage.replacingOccurrences(
            of: "<main>", with: "<div class=\"promo\"><p>Subscribe today and read every story, on every device.</p></div><main>")
        let result = try HTMLExtractor().clean(RawArticle(source: "https://ledger.example/", format: .html,
                                                          content: page, original: []))
        #expect(result.text.contains("Harbour festival dates announced"))
        var never = HTMLExtractor.Options()
        never.listingShortArticleChars = 0
        never.listingScrapFactor = 0
        never.boilerplateArticleChars = 0
        never.minimumArticleChars = 0
        let scrap = try HTMLExtractor(options: never).clean(RawArticle(source: "https://ledger.example/", format: .html,
                                                                       content: page, original: []))
        #expect(!scrap.text.contains("Harbour festival dates announced"))
    }

    @Test func errorPageHasNoArticle() throws {
        let page = """
        <html><head><title>404 Not Found</title></head><body><nav><a href="/">Home</a> <a href="/a">About</a></nav>
        <h1>Page not found</h1><p>Sorry, this page does not exist.</p><footer>© Example</footer></body></html>
        """
        let result = try HTMLExtractor().clean(RawArticle(source: "x", format: .html, content: page, original: []))
        #expect(result.noArticle)
        #expect(result.text.isEmpty)
    }
}

/// A service page: many feature sections of short lines, and one section of sentences far below the
/// headline. The sentences are a part of the page, not its article; the page's main content is all of it.
@Suite("Service pages")
struct ServicePageTests {
    static let page: String = {
        let features = (1...25).map { index in
            "<div class=\"feature\"><h3>Feature \(index)</h3><ul><li>Plan number \(index) covers the harbour and the north pier</li>"
                + "<li>Ask for the weekly tide table for berth \(index) today</li></ul></div>"
        }.joined()
        let about = (1...3).map { index in
            "<p>Section \(index): The harbour board keeps every berth in good repair, and its crews check the moorings "
                + "each week so that boats can land their catch safely in any weather, summer and winter alike.</p>"
        }.joined()
        return """
        <html><head><title>Harbour services</title></head><body><nav><a href="/">Home</a> <a href="/port">Port</a></nav>
        <h1>Harbour services</h1><main>\(features)<div class="about">\(about)</div></main>
        <footer>© Harbour Board</footer></body></html>
        """
    }()

    @Test func sectionFarFromTheHeadlineGivesWayToTheMainContent() throws {
        let raw = RawArticle(source: "https://harbour.example/services", format: .html, content: Self.page, original: [])
        let result = try HTMLExtractor().clean(raw)
        #expect(result.text.contains("Plan number 17 covers the harbour"))
        #expect(result.text.contains("Section 2: The harbour board keeps every berth"))
        #expect(!result.text.contains("Port"))
        var never = HTMLExtractor.Options()
        never.listingScrapFactor = 0
        never.boilerplateArticleChars = 0
        let section = try HTMLExtractor(options: never).clean(raw)
        #expect(section.text.contains("Section 2: The harbour board keeps every berth"))
        #expect(!section.text.contains("Plan number 17 covers the harbour"))
    }
}

/// A list page (declared an article, as a wiki does) whose only sentences are in its footer and a
/// sidebar: neither is the article; the list is the page's main content.
@Suite("List pages")
struct ListPageTests {
    static let page: String = {
        let languages = ["Ada", "Basic", "Cobol", "Dart", "Erlang", "Fortran", "Go", "Haskell", "Java", "Kotlin", "Lisp", "ML"]
        let items = languages.map { "<li><a href=\"/wiki/\($0)\">\($0)</a>, a programming language with its own page here</li>" }.joined()
        return """
        <html><head><title>List of programming languages</title>
        <script type="application/ld+json">{"@type": "Article", "name": "List of programming languages"}</script>
        </head><body><nav><a href="/">Main page</a></nav>
        <div id="content"><h1>List of programming languages</h1><ul>\(items)</ul></div>
        <aside><p>Sister projects of this wiki collect quotations, books, news and travel guides for its readers.</p></aside>
        <footer><p>This page was last edited on 4 March 2026, and its text is available under a free licence.</p></footer>
        </body></html>
        """
    }()

    @Test func footerSentenceIsNeverTheArticle() throws {
        let raw = RawArticle(source: "https://wiki.example/List", format: .html, content: Self.page, original: [])
        let result = try HTMLExtractor().clean(raw)
        #expect(result.noArticle)
        #expect(!result.text.contains("last edited"))
        #expect(result.text.contains("Haskell, a programming language"))
        var old = HTMLExtractor.Options()
        old.boilerplateArticleChars = 0
        #expect(try !HTMLExtractor(options: old).clean(raw).text.contains("Haskell"))
    }
}

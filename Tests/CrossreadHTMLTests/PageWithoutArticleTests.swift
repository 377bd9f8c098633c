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

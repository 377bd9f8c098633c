import CrossreadCore
@testable import CrossreadHTML
import Testing

/// Page shapes that tuned rules used to lose: page-builder layouts, unclosed buttons, articles
/// broken up by checklists, bylines on two lines. Fixtures are written for these tests.
@Suite("Layouts of unseen pages")
struct UnseenLayoutTests {
    static let paragraphs = [
        "The harbour board voted on Tuesday to rebuild the north pier, which has been closed since the winter storms damaged its timber deck.",
        "Engineers told the board that the new deck would rest on steel piles, and that work could begin in early spring if the weather holds.",
        "Fishing crews, who have been landing their catch at the south quay for months, welcomed the decision but asked for a firm timetable.",
        "The board said it would publish the contract, the budget and a weekly progress note on its website once the builder is chosen.",
    ]

    func extract(_ html: String, options: HTMLExtractor.Options = HTMLExtractor.Options()) throws -> CleanedArticle {
        try HTMLExtractor(options: options).clean(RawArticle(source: "https://harbour.example/news/pier", format: .html,
                                                             content: html, original: []))
    }

    /// Every paragraph in its own "widget" (a page builder's class): the word is layout, not chrome.
    @Test func pageBuilderWidgetsAroundEveryParagraphAreKept() throws {
        let widgets = Self.paragraphs.enumerated().map { index, text in
            """
            <div class="builder-element builder-element-\(index) builder-widget builder-widget-text">
            <div class="builder-widget-container"><p>\(text)</p></div></div>
            """
        }.joined()
        let html = """
        <html><head><title>North pier to be rebuilt</title></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/port">Port</a></nav>
        <div class="builder-section"><h1>North pier to be rebuilt</h1>\(widgets)</div>
        <div class="sidebar-widget"><a href="/a">Tide tables for the week</a></div>
        <footer>© Harbour Board</footer></body></html>
        """
        let result = try extract(html)
        #expect(!result.noArticle)
        for text in Self.paragraphs { #expect(result.text.contains(text)) }
        #expect(!result.text.contains("Tide tables"))
    }

    /// The widgets sit inside a column that carries the same chrome word and holds the whole story:
    /// the widgets are still the layout, so the story is kept whole.
    @Test func widgetsInsideAWidgetColumnAreKept() throws {
        let widgets = (Self.paragraphs + Self.paragraphs.reversed()).enumerated().map { index, text in
            "<div class=\"widget widget-\(index)\"><div class=\"widget-body\"><p>\(text)</p></div></div>"
        }.joined()
        let html = """
        <html><head><title>North pier to be rebuilt</title></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/port">Port</a></nav>
        <div class="widget column"><h1>North pier to be rebuilt</h1>\(widgets)</div>
        <footer>© Harbour Board</footer></body></html>
        """
        let result = try extract(html)
        for text in Self.paragraphs { #expect(result.text.components(separatedBy: text).count == 3) }
    }

    /// A button whose end the markup never gives holds the rest of the page: its text is read.
    @Test func textInsideAButtonIsRead() throws {
        let body = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
        <html><head><title>North pier to be rebuilt</title></head><body>
        <header><button class="menu-button">Menu<div class="story"><h1>North pier to be rebuilt</h1>\(body)</div>
        </button></header></body></html>
        """
        let result = try extract(html)
        for text in Self.paragraphs { #expect(result.text.contains(text)) }
        #expect(!result.text.contains("Menu"))
    }

    /// One long section, a long checklist, then more sections: the article is all of them.
    @Test func containerClimbsOverAChecklistToTheWholeArticle() throws {
        let checklist = (1...82).map { "<li>Checklist item number \(String(repeating: "x", count: $0 % 5 + 3))</li>" }.joined()
        let html = """
        <html><head><title>How to plan a harbour festival</title></head><body>
        <nav><a href="/">Home</a></nav>
        <div class="guide"><h1>How to plan a harbour festival</h1>
        <div class="part"><p>\(Self.paragraphs[0]) \(Self.paragraphs[1]) \(Self.paragraphs[2]) \(Self.paragraphs[3])</p></div>
        <ul>\(checklist)</ul>
        <div class="part"><p>\(Self.paragraphs[1]) \(Self.paragraphs[0])</p></div>
        <ul>\(checklist)</ul>
        <div class="part"><p>\(Self.paragraphs[3]) \(Self.paragraphs[2])</p></div>
        <div class="part"><p>\(Self.paragraphs[2]) \(Self.paragraphs[1])</p></div>
        </div></body></html>
        """
        let last = "\(Self.paragraphs[2]) \(Self.paragraphs[1])"
        #expect(try extract(html).text.contains(last))
        var withoutClimb = HTMLExtractor.Options()
        withoutClimb.climbWeakScoreShare = 10
        withoutClimb.minimumPosts = 1000  // the parts share a class: as posts they would be taken too
        #expect(try !extract(html, options: withoutClimb).text.contains(last))
    }

    @Test func bylineLabelTakesTheNameOnTheNextLine() throws {
        let body = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
        <html><head><title>North pier to be rebuilt</title></head><body><article><h1>North pier to be rebuilt</h1>
        <div class="meta"><p>Written by</p><p>Maren Holt</p></div>\(body)</article></body></html>
        """
        #expect(try extract(html).metadata.authors == ["Maren Holt"])
    }

    @Test func structuredDataMayNameAnAuthorInLowerCase() throws {
        let body = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
        <html><head><title>North pier to be rebuilt</title>
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": "North pier to be rebuilt",
        "author": {"@type": "Person", "name": "maren holt"}}</script>
        <meta name="published" content="March 3, 2026"></head>
        <body><article><h1>North pier to be rebuilt</h1>\(body)</article></body></html>
        """
        let result = try extract(html)
        #expect(result.metadata.authors == ["maren holt"])
        #expect(result.metadata.published?.day8601 == "2026-03-03")
    }
}

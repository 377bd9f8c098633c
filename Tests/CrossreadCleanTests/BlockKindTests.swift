import CrossreadClean
import CrossreadCore
import CrossreadTestSupport
import Foundation
import Testing

/// Every block kind on small written fixtures, in English, German and French.
@Suite("Block kinds on written fixtures")
struct BlockKindTests {
    let cleaner = TextCleaner()

    /// The kind the cleaner gave the first line that starts with `prefix`.
    func kind(of prefix: String, in text: String) -> BlockKind? {
        cleaner.classifyLines(text: text).first { $0.text.hasPrefix(prefix) }?.kind
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var linePrefix: String
        var kind: BlockKind
        var testDescription: String { "\(kind.rawValue): \(linePrefix)" }
    }

    static let cases: [Case] = [
        // English
        Case(fixture: Fixtures.englishNews, linePrefix: "Residents of the small harbour", kind: .body),
        Case(fixture: Fixtures.englishNews, linePrefix: "How the money will be raised", kind: .subheading),
        Case(fixture: Fixtures.englishNews, linePrefix: "Harbour Town Votes", kind: .headline),
        Case(fixture: Fixtures.englishNews, linePrefix: "By Maria Lindqvist", kind: .byline),
        Case(fixture: Fixtures.englishNews, linePrefix: "March 3, 2025", kind: .dateline),
        Case(fixture: Fixtures.englishNews, linePrefix: "9:45 AM", kind: .dateline),
        Case(fixture: Fixtures.englishNews, linePrefix: "Reading time", kind: .readingTime),
        Case(fixture: Fixtures.englishNews, linePrefix: "Workers repair a section", kind: .caption),
        Case(fixture: Fixtures.englishNews, linePrefix: "Advertisement", kind: .ad),
        Case(fixture: Fixtures.englishNews, linePrefix: "Also read", kind: .related),
        Case(fixture: Fixtures.englishNews, linePrefix: "Trending Now", kind: .related),
        Case(fixture: Fixtures.englishNews, linePrefix: "Leave a Reply", kind: .comments),
        Case(fixture: Fixtures.englishNews, linePrefix: "Your email address", kind: .comments),
        Case(fixture: Fixtures.englishNews, linePrefix: "* Politics", kind: .chrome),
        Case(fixture: Fixtures.englishNews, linePrefix: "Share this", kind: .chrome),
        Case(fixture: Fixtures.englishNews, linePrefix: "Exit mobile version", kind: .chrome),
        Case(fixture: Fixtures.englishNews, linePrefix: "About the Author", kind: .authorBio),
        Case(fixture: Fixtures.englishNews, linePrefix: "Maria Lindqvist is a reporter", kind: .authorBio),
        Case(fixture: Fixtures.englishNews, linePrefix: "© 2025 Coastal Press", kind: .legal),
        Case(fixture: Fixtures.englishNews, linePrefix: "Privacy Policy", kind: .legal),
        // German
        Case(fixture: Fixtures.germanNews, linePrefix: "Die neue Fußgängerbrücke", kind: .body),
        Case(fixture: Fixtures.germanNews, linePrefix: "Die Stadt will deshalb", kind: .body),
        Case(fixture: Fixtures.germanNews, linePrefix: "Was die Anwohner sagen", kind: .subheading),
        Case(fixture: Fixtures.germanNews, linePrefix: "Neue Brücke über die Lahn", kind: .headline),
        Case(fixture: Fixtures.germanNews, linePrefix: "Von Jonas Albrecht", kind: .byline),
        Case(fixture: Fixtures.germanNews, linePrefix: "12. Mai 2024", kind: .dateline),
        Case(fixture: Fixtures.germanNews, linePrefix: "Lesezeit", kind: .readingTime),
        Case(fixture: Fixtures.germanNews, linePrefix: "Die Stahlteile der neuen Brücke", kind: .caption),
        Case(fixture: Fixtures.germanNews, linePrefix: "Anzeige", kind: .ad),
        Case(fixture: Fixtures.germanNews, linePrefix: "Lesen Sie auch", kind: .related),
        Case(fixture: Fixtures.germanNews, linePrefix: "Das könnte Sie auch interessieren", kind: .related),
        Case(fixture: Fixtures.germanNews, linePrefix: "Schreiben Sie einen Kommentar", kind: .comments),
        Case(fixture: Fixtures.germanNews, linePrefix: "Zum Inhalt springen", kind: .chrome),
        Case(fixture: Fixtures.germanNews, linePrefix: "Artikel teilen", kind: .chrome),
        Case(fixture: Fixtures.germanNews, linePrefix: "Jetzt unterstützen", kind: .appeal),
        Case(fixture: Fixtures.germanNews, linePrefix: "© 2024 Lahnbote", kind: .legal),
        Case(fixture: Fixtures.germanNews, linePrefix: "Datenschutzerklärung", kind: .legal),
        // French
        Case(fixture: Fixtures.frenchBlog, linePrefix: "Le marché couvert du centre-ville", kind: .body),
        Case(fixture: Fixtures.frenchBlog, linePrefix: "Le marché couvert rouvre", kind: .headline),
        Case(fixture: Fixtures.frenchBlog, linePrefix: "Publié le", kind: .dateline),
        Case(fixture: Fixtures.frenchBlog, linePrefix: "Publicité", kind: .ad),
        Case(fixture: Fixtures.frenchBlog, linePrefix: "À lire aussi", kind: .related),
        Case(fixture: Fixtures.frenchBlog, linePrefix: "Laisser un commentaire", kind: .comments),
        Case(fixture: Fixtures.frenchBlog, linePrefix: "Tous droits réservés", kind: .legal),
    ]

    @Test("each line gets its kind", arguments: cases)
    func lineKind(_ testCase: Case) {
        #expect(kind(of: testCase.linePrefix, in: testCase.fixture) == testCase.kind)
    }

    @Test("a publisher name above the headline")
    func publisher() {
        let text = "Harbour Gazette\n\nCouncil Approves the New Library Budget for Next Year\n\n"
            + "The town council approved the budget for the new library on Monday evening after a long debate about the opening hours and the cost of heating the old building in the winter months.\n\n"
            + "The library will open next spring, and the council said that volunteers will help the two librarians during the first months while the new staff is trained.\n"
        #expect(kind(of: "Harbour Gazette", in: text) == .publisher)
        let cleaned = cleaner.clean(text: text)
        #expect(cleaned.metadata.publisher == "Harbour Gazette")
        #expect(cleaned.metadata.title == "Council Approves the New Library Budget for Next Year")
    }

    @Test("metadata read from the English fixture")
    func englishMetadata() throws {
        let cleaned = cleaner.clean(text: Fixtures.englishNews)
        #expect(cleaned.metadata.title == "Harbour Town Votes to Rebuild Its Flooded Seawall")
        #expect(cleaned.metadata.authors == ["Maria Lindqvist"])
        let published = try #require(cleaned.metadata.published)
        #expect(published.day8601 == "2025-03-03")
        #expect(published.hour == 9 && published.minute == 45)
        #expect(cleaned.metadata.language == "en")
    }

    @Test("metadata read from the German fixture")
    func germanMetadata() throws {
        let cleaned = cleaner.clean(text: Fixtures.germanNews)
        #expect(cleaned.metadata.title == "Neue Brücke über die Lahn soll im Sommer fertig werden")
        #expect(cleaned.metadata.authors == ["Jonas Albrecht"])
        let published = try #require(cleaned.metadata.published)
        #expect(published.iso8601 == "2024-05-12T14:30")
        #expect(cleaned.metadata.language == "de")
    }

    @Test("clean text: paragraphs in order, subheadings marked, list bullets dropped")
    func cleanText() {
        let cleaned = cleaner.clean(text: Fixtures.englishNews)
        #expect(cleaned.paragraphs.map(\.kind) == [.body, .body, .subheading, .body, .body, .subheading, .body])
        #expect(cleaned.text.hasPrefix("Residents of the small harbour town"))
        #expect(!cleaned.text.contains("Advertisement"))
        #expect(!cleaned.text.contains("Facebook"))
        #expect(SpanVerifier.problems(paragraphsOf: cleaned).isEmpty)
        #expect(!cleaned.noArticle)
    }

    @Test("removed blocks are recorded in document order with their kinds")
    func removedInOrder() {
        let cleaned = cleaner.clean(text: Fixtures.germanNews)
        var searchFrom = Fixtures.germanNews.startIndex
        for block in cleaned.removed {
            let firstLine = String(block.text.split(separator: "\n").first ?? "")
            guard let found = Fixtures.germanNews.range(of: firstLine, range: searchFrom..<Fixtures.germanNews.endIndex) else {
                Issue.record("removed block out of order: \(firstLine)")
                return
            }
            searchFrom = found.upperBound
        }
        let kinds = Set(cleaned.removed.map(\.kind))
        for expected: BlockKind in [.chrome, .headline, .byline, .dateline, .readingTime, .caption, .ad, .related, .comments, .appeal, .legal] {
            #expect(kinds.contains(expected), "no \(expected.rawValue) block removed")
        }
    }

    @Test("a stray lowercase headline between paragraphs is a related link, not a subheading")
    func lowercaseRelated() {
        let paragraph = "The committee met again on Thursday and decided to publish its findings before the end of the month, once the last witnesses have been heard and the lawyers have read the draft."
        let text = "\(paragraph)\n\nmayor says new bridge will open early next year despite delays\n\n\(paragraph.replacingOccurrences(of: "Thursday", with: "Friday"))\n"
        #expect(kind(of: "mayor says new bridge", in: text) == .related)
    }

    @Test("a photo credit in parentheses makes a caption, a parenthesized agency at the start does not")
    func captionShapes() {
        let paragraph = "The minister spoke to reporters after the meeting and said that the talks had been useful, although no agreement was reached on the main questions."
        let text = "A crowd gathers outside the station on Monday, May 5, 2025. (Anna Berg/Northern Photo Agency)\n(NPA) — \(paragraph)\n\(paragraph)\n"
        #expect(kind(of: "A crowd gathers", in: text) == .caption)
        #expect(kind(of: "(NPA)", in: text) == .body)
        #expect(cleaner.clean(text: text).metadata.title == nil)
    }

    @Test("plain text only: HTML is refused with a clean-stage error")
    func refusesHTML() {
        let article = RawArticle(source: "page.html", format: .html, content: "<p>x</p>", original: Array("<p>x</p>".utf8))
        #expect(throws: CrossreadError.self) { try cleaner.clean(article) }
    }

    @Test("given metadata wins over what cleaning finds")
    func givenMetadataWins() throws {
        let article = RawArticle(source: "a.txt", format: .text, content: Fixtures.englishNews,
                                 original: Array(Fixtures.englishNews.utf8),
                                 given: DocumentMetadata(title: "Feed Title"))
        let cleaned = try cleaner.clean(article)
        #expect(cleaned.metadata.title == "Feed Title")
        #expect(cleaned.metadata.authors == ["Maria Lindqvist"])
    }

    @Test("a reader comment thread after the post is comments, not body")
    func commentThread() {
        let cleaned = cleaner.clean(text: Fixtures.blogWithComments)
        #expect(cleaned.paragraphs.count == 3)
        #expect(cleaned.text.hasPrefix("Last spring we moved"))
        #expect(!cleaned.text.contains("Anna"))
        #expect(!cleaned.text.contains("raised beds"))
        #expect(cleaned.removed.contains { $0.kind == .comments && $0.text.contains("raised beds") })
        #expect(cleaned.metadata.title == "Why We Moved the Garden Beds")
    }

    @Test("a page of menus alone holds no article")
    func noArticle() {
        let cleaned = cleaner.clean(text: "* Home\n* News\n* Sport\nSearch\nMenu\n© 2025 Example\n")
        #expect(cleaned.noArticle)
        #expect(cleaned.text.isEmpty)
        #expect(cleaned.removed.count >= 2)
    }

    @Test("options load from a partial configuration, defaults for the rest")
    func optionsFromConfiguration() throws {
        let options = try JSONDecoder().decode(TextCleaner.Options.self, from: Data(#"{"bias": 1.5}"#.utf8))
        #expect(options.bias == 1.5)
        #expect(options.switchCost == TextCleaner.Options().switchCost)
        #expect(options.model == .standard)
    }

    @Test("empty and blank input")
    func emptyInput() {
        #expect(cleaner.clean(text: "").noArticle)
        #expect(cleaner.clean(text: "\n\n  \n").paragraphs.isEmpty)
    }
}

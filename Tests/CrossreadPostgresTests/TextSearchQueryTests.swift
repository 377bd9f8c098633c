import CrossreadCore
@testable import CrossreadPostgres
import Testing

/// The tsquery text made from what a user typed: quoted terms, `&` between them, `:*` for a star.
@Suite struct TextSearchQueryTests {
    @Test(arguments: [
        ("glacier Greenland", "'glacier' & 'Greenland'"),
        ("econom*", "'econom':*"),
        ("talks,*", "'talks,':*"),
        ("isn't", "'isn''t'"),
        ("a\\b", "'a\\\\b'"),
        ("U.S.-Israel", "'U.S.-Israel'"),
        ("NOT deal", "'NOT' & 'deal'"),
        ("talks\u{0}deal", "'talks' & 'deal'"),
        ("deal'); DROP TABLE document; --", "'deal' & 'DROP' & 'TABLE' & 'document'"),
        ("'deal'", "'''deal'"),
    ])
    func quotesEveryTerm(_ input: String, _ expected: String) {
        #expect(TextSearchQuery(input).expression == expected)
    }

    @Test(arguments: ["", "   ", "*", "--", "\"\"", "()", "…", "— ' :"])
    func queriesWithoutWordsAreEmpty(_ input: String) {
        #expect(TextSearchQuery(input).expression == nil)
    }

    @Test func snippetMarkersBecomeByteRanges() {
        let marked = "The \(MarkedSnippet.start)café\(MarkedSnippet.end) in\n\n"
            + "\(MarkedSnippet.start)Zürich\(MarkedSnippet.end)"
        let snippet = MarkedSnippet(marked: marked)
        #expect(snippet.text == "The café in Zürich")
        let bytes = Array(snippet.text.utf8)
        #expect(snippet.highlights.map { String(decoding: bytes[$0], as: UTF8.self) } == ["café", "Zürich"])
    }
}

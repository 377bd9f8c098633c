import CrossreadCore
@testable import CrossreadSQLite
import CrossreadTestSupport
import Testing

/// Raw user input to FTS5 query text: always quoted, AND by juxtaposition, prefix kept.
@Suite struct FTSQueryTests {
    @Test(arguments: [
        ("budget", #""budget""#),
        ("  budget   talks ", #""budget" "talks""#),
        ("U.S.-Israel", #""U.S.-Israel""#),
        (#"he said "no""#, #""he" "said" """no""#),  // trailing punctuation is dropped, the rest escaped
        ("econom*", #""econom"*"#),
        ("econom**", #""econom"*"#),
        ("econom*,", #""econom"*"#),
        (#""econom*""#, #""""econom"*"#),
        ("*econ", #""*econ""#),
        ("title:talks", #""title:talks""#),
        ("NOT deal OR", #""NOT" "deal" "OR""#),
        ("a\u{0}b", #""a" "b""#),
        ("café\u{00A0}crème", #""café" "crème""#),
    ])
    func quotesEveryTerm(_ raw: String, _ expected: String) {
        #expect(FTSQuery(raw).expression == expected)
    }

    @Test(arguments: ["", "   ", "\n\t", "*", "**", "--", "\"\"", "()", "…", "— – -", ": ; ,"])
    func inputWithoutWordsHasNoQuery(_ raw: String) {
        #expect(FTSQuery(raw).expression == nil)
    }
}

/// Sentinel-marked snippets to clean text plus byte ranges.
@Suite struct MarkedSnippetTests {
    static let s = MarkedSnippet.start
    static let e = MarkedSnippet.end

    @Test func rangesPointAtTheMarkedWords() {
        let snippet = MarkedSnippet(marked: "…the \(Self.s)Zürich\(Self.e) talks, \(Self.s)U.S.-Israel\(Self.e)…")
        #expect(snippet.text == "…the Zürich talks, U.S.-Israel…")
        let bytes = Array(snippet.text.utf8)
        #expect(snippet.highlights.map { String(decoding: bytes[$0], as: UTF8.self) } == ["Zürich", "U.S.-Israel"])
    }

    @Test func paragraphBreaksBecomeOneSpaceAndRangesFollow() {
        let snippet = MarkedSnippet(marked: "  end of one.\n\n\(Self.s)Next\(Self.e)\tparagraph \(Self.s)here\(Self.e)\n")
        #expect(snippet.text == "end of one. Next paragraph here")
        let bytes = Array(snippet.text.utf8)
        #expect(snippet.highlights.map { String(decoding: bytes[$0], as: UTF8.self) } == ["Next", "here"])
        #expect(SpanVerifier.problems(text: snippet.text, spans: snippet.highlights.map { ($0, nil) }).isEmpty)
    }

    @Test func unbalancedOrEmptyMarkersAddNoRange() {
        let snippet = MarkedSnippet(marked: "a \(Self.e)b \(Self.s)\(Self.e)c \(Self.s)d")
        #expect(snippet.text == "a b c d")
        #expect(snippet.highlights.isEmpty)
    }
}

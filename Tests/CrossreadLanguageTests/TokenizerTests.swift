import Testing
import CrossreadTestSupport
@testable import CrossreadLanguage

@Suite struct TokenizerTests {
    func texts(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return Tokenizer().tokenize(text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test(arguments: [
        ("Netanyahu’s call", ["Netanyahu", "’s", "call"]),
        ("Trump's post", ["Trump", "'s", "post"]),
        ("the leaders’ view", ["the", "leaders", "’", "view"]),
        ("Netanyahu-Trump talks", ["Netanyahu", "-", "Trump", "talks"]),
        ("U.S.-Israel ties", ["U.S.", "-", "Israel", "ties"]),
        ("a 17% tariff", ["a", "17", "%", "tariff"]),
        ("$12 million", ["$", "12", "million"]),
        ("40,000-seat arena", ["40,000", "-", "seat", "arena"]),
        ("rose 3.5 points", ["rose", "3.5", "points"]),
        ("at 12:13 PM", ["at", "12:13", "PM"]),
        ("Mr. Smith and Dr. Jones", ["Mr.", "Smith", "and", "Dr.", "Jones"]),
        ("J. R. Smith", ["J.", "R.", "Smith"]),
        ("in Washington, D.C., today", ["in", "Washington", ",", "D.C.", ",", "today"]),
        ("don’t stop", ["don’t", "stop"]),
        ("“We won.” He left", ["“", "We", "won", ".", "”", "He", "left"]),
        ("Wait... what…", ["Wait", "...", "what", "…"]),
        ("war — and peace", ["war", "—", "and", "peace"]),
        ("No. 10 Downing St.", ["No.", "10", "Downing", "St."]),
        ("say no. Then", ["say", "no", ".", "Then"]),
        ("see https://example.com/a?b=1.", ["see", "https://example.com/a?b=1", "."]),
        ("mail ann@example.org now", ["mail", "ann@example.org", "now"]),
        ("the 1990s and 7th", ["the", "1990s", "and", "7th"]),
        ("Zürich’s café", ["Zürich", "’s", "café"]),
        ("Really?! Yes", ["Really", "?!", "Yes"]),
    ])
    func splits(text: String, expected: [String]) {
        #expect(texts(text) == expected)
    }

    @Test func kindsAndGaps() {
        let tokens = Tokenizer().tokenize("Trump’s - “17%”\n\nNext-door")
        #expect(tokens.map(\.kind) == [.word, .possessive, .dash, .quote, .number, .symbol, .quote, .word, .hyphen, .word])
        #expect(tokens.map(\.gap) == [.none, .none, .space, .space, .none, .none, .none, .paragraph, .none, .none])
    }

    @Test func spansAreValid() {
        let text = "Zoë  said:\r\n“It’s 5.5% — ‘fine’…” 🙂 Q&A 12/10/2024 U.S. \u{00A0}ok"
        let tokens = Tokenizer().tokenize(text)
        #expect(SpanVerifier.problems(text: text, spans: tokens.map { ($0.range, nil) }).isEmpty)
        let bytes = Array(text.utf8)
        for token in tokens {
            let piece = String(decoding: bytes[token.range], as: UTF8.self)
            #expect(!piece.contains(" ") && !piece.isEmpty)
        }
    }
}

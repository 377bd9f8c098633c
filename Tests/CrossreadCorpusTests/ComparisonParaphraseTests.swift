import Testing
@testable import CrossreadCorpus

/// Paraphrase matching on sentences written for these tests.
@Suite struct ComparisonParaphraseTests {
    let matcher = ParaphraseMatcher()

    @Test(arguments: [
        ("The harbour authority suspended the evening ferry service on Tuesday after inspectors found a crack in the loading ramp.",
         "Evening ferries were suspended by the harbour authority on Tuesday when a crack was discovered in the ramp."),
        ("Mayor Lindqvist said the library would open on Sundays during the exam season.",
         "The library will open on Sundays in exam season, Lindqvist said."),
        ("Officials said the two ministers had spoken three times since the vote.",
         "The ministers have talked multiple times since the election, officials said."),
        ("Councillor Adeyemi won the by-election with a narrow victory in the northern ward.",
         "In the northern ward, Adeyemi's by-election win was narrow."),
    ])
    func paraphrasesMatch(a: String, b: String) {
        #expect(matcher.isParaphrase(a, b), "\(matcher.similarity(a, b))")
    }

    @Test func differentFiguresForTheSameThingAreNoParaphrase() {
        let a = "Three people were injured in the collision on the coastal road near Brenby."
        let b = "Five people were injured in the collision on the coastal road near Brenby."
        #expect(matcher.similarity(a, b) > 0.8)
        #expect(!matcher.isParaphrase(a, b))
    }

    @Test func differentPeopleAreNoParaphrase() {
        let a = "Councillor Smith resigned from the transport committee on Monday."
        let b = "Councillor Jones resigned from the transport committee on Monday."
        #expect(!matcher.isParaphrase(a, b))
    }

    @Test func unrelatedSentencesAreNoParaphrase() {
        #expect(!matcher.isParaphrase("The ferry resumed its evening service after repairs to the ramp.",
                                      "The council extended the library's weekend opening hours."))
        #expect(!matcher.isParaphrase("The ferry operator raised ticket prices for the summer.",
                                      "The ferry sank in the storm with no passengers on board."))
    }

    @Test func tokenizerFoldsPossessivesContractionsAbbreviationsAndFigures() {
        let text = "The U.S. envoy's plan isn't new: 40,000-seat arena, 2.5 million euros, 17% tariff, three times."
        let bytes = Array(text.utf8)
        let tokens = StatementTokenizer().tokens(bytes, in: 0..<bytes.count)
        let words = tokens.filter { $0.kind != .punctuation }.map(\.folded)
        #expect(words.contains("u.s."))
        #expect(words.contains("envoy"))
        #expect(!words.contains("s"))
        #expect(words.contains("not"))
        let numbers = tokens.filter { $0.kind == .number }
        #expect(numbers.map(\.value) == [40_000, 2_500_000, 17, 3])
        #expect(numbers[2].isPercent)
        let figures = NumberMention.find(in: tokens, bytes: bytes, skipping: [])
        #expect(figures.map(\.nounText) == ["arena", "euros", "tariff", "times"])
    }

    @Test(arguments: [
        "Police seized seven AK-47 rifles.", "Call 0845 125 2222 with information.", "He surrendered at 6:00 p.m. on Sunday.",
        "At least two ladder trucks responded.", "Two of the pirate boats were captured.", "The 1990s were calmer.",
    ])
    func codesBoundsAndPartsAreNoFigures(text: String) {
        let bytes = Array(text.utf8)
        let tokens = StatementTokenizer().tokens(bytes, in: 0..<bytes.count)
        let figures = NumberMention.find(in: tokens, bytes: bytes, skipping: []).filter { $0.value != 7 }
        #expect(figures.isEmpty, "\(figures.map(\.text))")
    }

    @Test func aSentenceListingSeveralFiguresForOneNounConflictsWithNone() {
        #expect(matcher.isParaphrase(
            "The attack took place 150 nautical miles off the coast, and the warship was 13 nautical miles away.",
            "The warship was 20 nautical miles away when the attack took place 150 nautical miles off the coast."))
    }

    @Test func stemmerFoldsInflections() {
        #expect(PorterStemmer.stem("revealed") == PorterStemmer.stem("reveals"))
        #expect(PorterStemmer.stem("elections") == PorterStemmer.stem("election"))
        #expect(StatementTokenizer.term(for: "victory") == StatementTokenizer.term(for: "win"))
        #expect(StatementTokenizer.term(for: "spoke") == StatementTokenizer.term(for: "speaking"))
    }
}

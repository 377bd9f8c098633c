import CrossreadCore
import Testing

/// The impact-ordered word lists' entries: words folded as the SQLite index folds them, the
/// strongest first, at most the limit, and the two weightings each store ranks by.
@Suite struct SearchTermsTests {
    @Test(arguments: [
        ("Zürich's U.S.-Israel talks", ["zurich", "s", "u", "s", "israel", "talks"]),
        ("ÉCONOMIE 2024, déjà vu", ["economie", "2024", "deja", "vu"]),
        ("em—dash “quoted”", ["em", "dash", "quoted"]),
    ])
    func foldsWordsLikeTheIndex(_ text: String, _ words: [String]) {
        #expect(SearchTerms.words(text) == words)
    }

    @Test func titleWordsAndRepeatsWeighMore() {
        let terms = SearchTerms(title: "Harbor crane", text: "The harbor reopened. Cargo cargo cargo waited.")
        let order = terms.entries.map(\.term)
        #expect(order.prefix(2).sorted() == ["crane", "harbor"], "\(order)")
        #expect(order.firstIndex(of: "cargo")! < order.firstIndex(of: "waited")!)
        #expect(!order.contains("a"))
    }

    @Test func keepsAtMostTheLimit() {
        let text = (0..<100).map { "word\($0)" }.joined(separator: " ")
        #expect(SearchTerms(title: nil, text: text, limit: 8).entries.count == 8)
    }

    @Test func tsRankWeightingSaturates() {
        // ts_rank for one word: the strongest occurrence whole, the i-th after it over i².
        let once = SearchTerms(title: nil, text: "ferry", weighting: .tsRank).entries[0].impact
        let twice = SearchTerms(title: nil, text: "ferry ferry", weighting: .tsRank).entries[0].impact
        let titled = SearchTerms(title: "Ferry", text: "", weighting: .tsRank).entries[0].impact
        #expect(abs(once - 0.2) < 1e-12 && abs(twice - 0.25) < 1e-12 && abs(titled - 1.0) < 1e-12)
    }

    @Test func queryWordsSkipPrefixesAndSingleLetters() {
        #expect(SearchTerms.queryWords("econ* U.S.-Israel Talks talks") == ["israel", "talks"])
    }
}

import Testing
@testable import CrossreadCorpus

@Suite struct WordHasherTests {
    @Test func ignoresCaseAndPunctuation() {
        let a = WordHasher.wordHashes(of: "The Mayor said: “Close the BRIDGE” — today.")
        let b = WordHasher.wordHashes(of: "the mayor said close the bridge today")
        #expect(a.count == 7)
        #expect(a == b)
    }

    @Test func keepsNonASCIILettersInsideWords() {
        let words = WordHasher.wordHashes(of: "Zürich’s café, naïve\u{00A0}señor")
        #expect(words.count == 5)  // Zürich, s, café, naïve, señor
        #expect(words[0] != WordHasher.wordHashes(of: "Zrich")[0])
        #expect(words[2] == WordHasher.wordHashes(of: "CAFé")[0])
    }

    @Test func emptyAndPunctuationOnly() {
        #expect(WordHasher.wordHashes(of: "").isEmpty)
        #expect(WordHasher.wordHashes(of: " -- … !! ").isEmpty)
    }
}

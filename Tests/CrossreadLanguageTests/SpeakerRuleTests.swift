import CrossreadCore
import CrossreadTestSupport
@testable import CrossreadLanguage
import Testing

/// Speakers read from the sentence, and quoted words that are not speech: one tiny invented case
/// per rule (issue 16), each failing without its rule.
@Suite("Speaker rules and quoted terms")
struct SpeakerRuleTests {
    static let entities: [Entity] = [
        Entity(id: "person:tom-reed", name: "Tom Reed", type: .person, aliases: ["Reed"]),
        Entity(id: "person:lena-ortiz", name: "Lena Ortiz", type: .person, aliases: ["Ortiz"]),
        Entity(id: "person:kim-dae", name: "Kim Dae", type: .person),
        Entity(id: "organization:orvell-agency", name: "Orvell Agency", type: .organization, aliases: ["Orvell"]),
    ]

    static let surfaces: [(String, String)] = [
        ("Tom Reed", "person:tom-reed"), ("Reed", "person:tom-reed"), ("Lena Ortiz", "person:lena-ortiz"),
        ("Ortiz", "person:lena-ortiz"), ("Kim Dae", "person:kim-dae"), ("Orvell Agency", "organization:orvell-agency"),
        ("Orvell", "organization:orvell-agency"),
    ]

    /// Every whole-word occurrence of each surface, longest first, except those starting at `skipping`.
    static func mentions(in text: String, skipping: Set<Int> = []) -> [EntityMention] {
        let bytes = Array(text.utf8)
        var taken = [Bool](repeating: false, count: bytes.count)
        var found: [EntityMention] = []
        for (surface, id) in surfaces.sorted(by: { $0.0.utf8.count > $1.0.utf8.count }) {
            let needle = Array(surface.utf8)
            var i = 0
            while i + needle.count <= bytes.count {
                let end = i + needle.count
                let whole = (i == 0 || !MentionFixture.isWordByte(bytes[i - 1])) && (end == bytes.count || !MentionFixture.isWordByte(bytes[end]))
                if whole, Array(bytes[i..<end]) == needle, !taken[i..<end].contains(true) {
                    for k in i..<end { taken[k] = true }
                    if !skipping.contains(i) {
                        found.append(EntityMention(range: i..<end, type: entities.first { $0.id == id }!.type, entity: id))
                    }
                    i = end
                } else {
                    i += 1
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// (quoted words, speaker id) of each quote, and the words of each term; spans checked by the verifier.
    func find(_ text: String, skipping: Set<Int> = []) -> (quotes: [String], speakers: [String?], terms: [String], names: [String]) {
        let found = QuoteFinder().quotesAndTerms(in: text, sentences: [], mentions: Self.mentions(in: text, skipping: skipping),
                                                 entities: Self.entities)
        let spans = found.quotes.map { ($0.range, String?.none) } + found.terms.map { ($0.range, String?.none) }
        #expect(SpanVerifier.problems(text: text, spans: spans.sorted { $0.0.lowerBound < $1.0.lowerBound }).isEmpty)
        let bytes = Array(text.utf8)
        func words(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
        return (found.quotes.map { words($0.range) }, found.quotes.map(\.speaker), found.terms.map { words($0.range) },
                found.mentions.map { words($0.range) })
    }

    static let reed = "person:tom-reed"
    static let ortiz = "person:lena-ortiz"
    static let orvell = "organization:orvell-agency"

    // MARK: - Speakers

    @Test func topicLeadInIsNotTheSpeaker() {
        let found = find("“We will win,” Lena Ortiz said. Of Tom Reed: “I just don’t believe a word he says.”")
        #expect(found.quotes == ["We will win", "I just don’t believe a word he says."])
        #expect(found.speakers == [Self.ortiz, Self.ortiz])
        // Alone, the quote about Reed has no speaker rather than Reed.
        #expect(find("Lena Ortiz spoke in Ohio. Of Tom Reed: “I just don’t believe a word he says.”").speakers == [nil])
    }

    @Test func topicLeadInWithItsOwnCue() {
        #expect(find("Of Tom Reed, Lena Ortiz said: “He was right about the budget.”").speakers == [Self.ortiz])
    }

    @Test func appositiveBeforeTheCueKeepsTheName() {
        #expect(find("Tom Reed, the commander of the western district, said: “These men are criminals.”").speakers == [Self.reed])
        #expect(find("Lena Ortiz, the agency's founder, told reporters that the plan was “dead on arrival.”").speakers == [Self.ortiz])
        // A hyphenated part recognition left out of the name ("Kim Dae-jung").
        #expect(find("Kim Dae-jung, the commander of the district, said: “These men are criminals.”").speakers == ["person:kim-dae"])
    }

    @Test func coordinatedVerbTakesTheClauseSubject() {
        let text = "Lena Ortiz met Orvell Agency officials on Monday and said the agency had “failed consumers for years.”"
        #expect(find(text).speakers == [Self.ortiz])
    }

    @Test func aPersonBroughtInBetweenQuotesSpeaksNext() {
        let text = "“A good day for all of us,” Tom Reed said. Lena Ortiz, a lawyer for the family, disagreed. “It was a terrible day for the family and the town.”"
        #expect(find(text).speakers == [Self.reed, Self.ortiz])
        let paragraphs = "“A good day for all of us,” Tom Reed said. Lena Ortiz disagreed.\n\n“It was a terrible day for the family and the town.”"
        #expect(find(paragraphs).speakers == [Self.reed, Self.ortiz])
        // Nobody new: the run of quotes keeps its speaker.
        let run = "“A good day for all of us,” Tom Reed said. The vote was close.\n\n“It was a fair fight from start to finish.”"
        #expect(find(run).speakers == [Self.reed, Self.reed])
    }

    @Test func quoteEndingItsSentenceStandsAlone() {
        let found = find("“We will win,” Tom Reed said. “Nobody doubts it.” Lena Ortiz disagreed.")
        #expect(found.quotes == ["We will win", "Nobody doubts it."])
        #expect(found.speakers == [Self.reed, Self.reed])
    }

    @Test func accordingToPrefersTheNamedSource() {
        let text = "“All seats are gone for the first night,” according to a statement from the Orvell Agency."
        #expect(find(text).speakers == [Self.orvell])
    }

    @Test func descriptorNamesAnOrganizationRecognitionMissedThere() {
        let text = "The Orvell Agency was contacted. “We are cooperating in the matter,” said an Orvell spokesperson."
        let skipped = text.utf8.count - "Orvell spokesperson.".utf8.count
        #expect(find(text, skipping: [skipped]).speakers == [Self.orvell])
    }

    @Test func openingMarkTypedForAClosingOne() {
        let found = find("“We lost our way, “said Tom Reed.\n“We will find it again.”")
        #expect(found.quotes == ["We lost our way", "We will find it again."])
        #expect(found.speakers == [Self.reed, Self.reed])
    }

    @Test func spokespersonSpeaksForTheOrganization() {
        let text = "A spokesperson for the Orvell Agency said: “We are cooperating in the matter.”"
        #expect(find(text).speakers == [Self.orvell])
    }

    @Test func relativeClauseSubjectSpeaks() {
        // The unnamed employee yelled; Reed only reports it.
        let text = "Tom Reed was there. She fired at an employee who had yelled, “Run, she has a gun!” Reed said."
        #expect(find(text).speakers == [nil])
    }

    @Test func unlistedVerbInTheReportingClause() {
        let found = find("Tom Reed spoke last. “Oh, actually? Yes,” he assures himself.")
        #expect(found.speakers == [Self.reed])
    }

    @Test func quoteRunsOverASingleLineBreak() {
        let found = find("“I'm not going to express outrage.\nThe jury has spoken,” Tom Reed said.")
        #expect(found.quotes == ["I'm not going to express outrage.\nThe jury has spoken"])
        #expect(found.speakers == [Self.reed])
    }

    @Test func aNameRecognitionMissedNextToTheVerbSpeaks() {
        let found = find("“This individual took two lives,” Oregon State Police Lt. Hastings said. “I feel better now,” said Stefanski.")
        #expect(found.speakers == ["person:hastings", "person:stefanski"])
        #expect(found.names == ["Hastings", "Stefanski"])
        // Not a name: a group, or a word opening the sentence.
        #expect(find("The road is closed. “We have no suspects at all,” Police said.").speakers == [nil])
        #expect(find("White said he was “completely blindsided by the move.”").speakers == [nil])
    }

    @Test func partialQuoteInsideASentenceIsSpeech() {
        let found = find("Tom Reed said the country would not allow its rival to “flout American power.”")
        #expect(found.quotes == ["flout American power."])
        #expect(found.speakers == [Self.reed])
    }

    // MARK: - Terms

    @Test func showTitleAfterAPrepositionIsATerm() {
        let found = find("Tom Reed said on “Fox News Sunday” that the talks would go on.")
        #expect(found.quotes.isEmpty)
        #expect(found.terms == ["Fox News Sunday"])
    }

    @Test func namedTermIsNotSpeech() {
        let found = find("Pollsters blamed a phenomenon called “differential nonresponse.”")
        #expect(found.quotes.isEmpty)
        #expect(found.terms == ["differential nonresponse."])
        #expect(find("The storm, which has been dubbed “the big one,” arrived on Sunday.").terms == ["the big one"])
        #expect(find("He was known as “the Butcher of Lyon” for decades.").terms == ["the Butcher of Lyon"])
        // Somebody doing the naming makes it speech.
        let speech = find("The inquiry is what Tom Reed called “a witch hunt from the start.”")
        #expect(speech.quotes == ["a witch hunt from the start."])
        #expect(speech.speakers == [Self.reed])
    }
}

import CrossreadCore
import CrossreadTestSupport
@testable import CrossreadLanguage
import Testing

/// Builds hand-made mentions for a text: every occurrence of each surface form, longest first.
struct MentionFixture {
    static let people: [Entity] = [
        Entity(id: "person:donald-trump", name: "Donald Trump", type: .person, aliases: ["Trump"], roles: ["President"]),
        Entity(id: "person:benjamin-netanyahu", name: "Benjamin Netanyahu", type: .person, aliases: ["Netanyahu"],
               roles: ["Prime Minister"]),
        Entity(id: "person:ron-dermer", name: "Ron Dermer", type: .person, aliases: ["Dermer"], roles: ["Minister of Strategic Affairs"]),
        Entity(id: "person:gretchen-whitmer", name: "Gretchen Whitmer", type: .person, aliases: ["Whitmer"], roles: ["Governor"]),
        Entity(id: "organization:axios", name: "Axios", type: .organization),
        Entity(id: "organization:x", name: "X", type: .organization),
        Entity(id: "place:gaza", name: "Gaza", type: .place),
        Entity(id: "place:detroit", name: "Detroit", type: .place),
    ]

    static let surfaces: [(String, String, String?)] = [
        ("Donald Trump", "person:donald-trump", nil), ("Trump", "person:donald-trump", nil),
        ("Benjamin Netanyahu", "person:benjamin-netanyahu", nil), ("Netanyahu", "person:benjamin-netanyahu", nil),
        ("Ron Dermer", "person:ron-dermer", nil), ("Dermer", "person:ron-dermer", nil),
        ("Gretchen Whitmer", "person:gretchen-whitmer", nil), ("Whitmer", "person:gretchen-whitmer", nil),
        ("Axios", "organization:axios", nil), ("X", "organization:x", nil), ("Gaza", "place:gaza", nil),
        ("Detroit", "place:detroit", nil),
    ]

    static func mentions(in text: String) -> [EntityMention] {
        let bytes = Array(text.utf8)
        var taken = [Bool](repeating: false, count: bytes.count)
        var found: [EntityMention] = []
        for (surface, id, role) in surfaces.sorted(by: { $0.0.utf8.count > $1.0.utf8.count }) {
            let needle = Array(surface.utf8)
            var i = 0
            while i + needle.count <= bytes.count {
                let end = i + needle.count
                let boundaryBefore = i == 0 || !isWordByte(bytes[i - 1])
                let boundaryAfter = end == bytes.count || !isWordByte(bytes[end])
                if boundaryBefore, boundaryAfter, Array(bytes[i..<end]) == needle, !taken[i..<end].contains(true) {
                    let type = people.first { $0.id == id }!.type
                    found.append(EntityMention(range: i..<end, type: type, entity: id, role: role))
                    for k in i..<end { taken[k] = true }
                    i = end
                } else {
                    i += 1
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }
}

@Suite("Quotes and speakers")
struct QuoteFinderTests {
    struct Found: Equatable, CustomStringConvertible {
        var text: String
        var speaker: String?
        var cue: String?
        var venue: String?
        var description: String { "\(text) | \(speaker ?? "-") | \(cue ?? "-") | \(venue ?? "-")" }
    }

    func quotes(_ text: String) -> [Found] {
        let quotes = QuoteFinder().quotes(in: text, sentences: [], mentions: MentionFixture.mentions(in: text),
                                          entities: MentionFixture.people)
        #expect(SpanVerifier.problems(text: text, spans: quotes.map { ($0.range, nil) }).isEmpty)
        let bytes = Array(text.utf8)
        return quotes.map {
            Found(text: String(decoding: bytes[$0.range], as: UTF8.self), speaker: $0.speaker, cue: $0.cue, venue: $0.venue)
        }
    }

    static let trump = "person:donald-trump"
    static let bibi = "person:benjamin-netanyahu"

    @Test func curlyQuoteThenSpeakerAndCue() {
        #expect(quotes("“We will never surrender to terror,” Netanyahu said on Sunday.")
            == [Found(text: "We will never surrender to terror", speaker: Self.bibi, cue: "said")])
    }

    @Test func straightQuotesWorkTheSame() {
        #expect(quotes("\"We will never surrender to terror,\" Netanyahu asserted.")
            == [Found(text: "We will never surrender to terror", speaker: Self.bibi, cue: "asserted")])
    }

    @Test func cueBeforeSpeaker() {
        #expect(quotes("“The talks went well,” said Ron Dermer.")
            == [Found(text: "The talks went well", speaker: "person:ron-dermer", cue: "said")])
    }

    @Test func speakerCueColonQuote() {
        #expect(quotes("Trump wrote: “The call went very well.”")
            == [Found(text: "The call went very well.", speaker: Self.trump, cue: "wrote")])
    }

    @Test func partialQuoteAfterCueThat() {
        #expect(quotes("Netanyahu highlighted that the talks were \"good and very important,\" and moved on.")
            == [Found(text: "good and very important", speaker: Self.bibi, cue: "highlighted")])
    }

    @Test func describedAsFramesAPartialQuote() {
        #expect(quotes("Netanyahu met Trump twice. He described the talks as “good and very important,” and left.")
            == [Found(text: "good and very important", speaker: Self.bibi, cue: "described")])
    }

    @Test func splitQuoteIsTwoQuotesWithOneSpeaker() {
        let found = quotes("Ron Dermer met Gretchen Whitmer in Detroit. “We are ready,” she said. “We have always been ready.”")
        #expect(found == [
            Found(text: "We are ready", speaker: "person:gretchen-whitmer", cue: "said"),
            Found(text: "We have always been ready.", speaker: "person:gretchen-whitmer", cue: "said"),
        ])
    }

    @Test func pronounTakesTheSubjectNotThePrepositionalObject() {
        let text = "Trump has called on Netanyahu to let aid in. On Friday, he spoke to the prime minister, stating that “we’ve got to be good to Gaza.”"
        #expect(quotes(text) == [Found(text: "we’ve got to be good to Gaza.", speaker: Self.trump, cue: "stating")])
    }

    @Test func roleResolvesToItsHolder() {
        let text = "Netanyahu met Dermer on Monday. “We will win this war,” the prime minister said."
        #expect(quotes(text) == [Found(text: "We will win this war", speaker: Self.bibi, cue: "said")])
    }

    @Test func socialPostAfterCue() {
        let text = "His office sent no readout, though Netanyahu shared Trump’s post and posted on X, “Thank you, President Trump!”"
        #expect(quotes(text) == [Found(text: "Thank you, President Trump!", speaker: Self.bibi, cue: "posted", venue: "X")])
    }

    @Test func postOnTruthSocialAndInterview() {
        #expect(quotes("“I have just spoken to the prime minister,” Trump said in a post on Truth Social.")
            == [Found(text: "I have just spoken to the prime minister", speaker: Self.trump, cue: "said", venue: "Truth Social")])
        #expect(quotes("“Israel has to act quickly,” Trump said in a July interview, urging speed.")
            == [Found(text: "Israel has to act quickly", speaker: Self.trump, cue: "said", venue: "interview")])
    }

    @Test func unnamedSpeakersAndOutlets() {
        let found = QuoteFinder().quotes(in: "“It was a very good call,” an official told Axios.", sentences: [],
                                         mentions: MentionFixture.mentions(in: "“It was a very good call,” an official told Axios."),
                                         entities: MentionFixture.people)
        #expect(found.count == 1)
        #expect(found.first?.speaker == nil)
        #expect(found.first?.speakerName == "an official")
        #expect(found.first?.venue == "Axios")
        #expect(quotes("“The call covered Gaza,” according to Dermer.")
            == [Found(text: "The call covered Gaza", speaker: "person:ron-dermer", cue: "according to")])
        #expect(quotes("“We saw no change at all,” Netanyahu told reporters.")
            == [Found(text: "We saw no change at all", speaker: Self.bibi, cue: "told reporters")])
    }

    @Test(arguments: [
        "She arrived at the season two premiere of “Arcane” on Wednesday.",
        "He quoted from the book “Fire and Fury” at length.",
        "He praised “The Lord of the Rings Returns” at length.",
        "Trump favors “maximum pressure” tactics against Iran.",
        "Critics cast the move as \"aggression\" and the response as \"resistance.\"",
        "He noted the leaders’ “eye-to-eye” view of Iran.",
        "Netanyahu said the so-called “peace plan” was dead.",
        "The phrase “same side” appeared in three reports.",
        "Forecasters were warning of “severe” storms across the region.",
        "Benjamin “Bibi” Netanyahu said nothing about it.",
        "Dwayne “The Rock” Johnson told reporters he would run.",
    ])
    func notSpeech(text: String) {
        #expect(quotes(text) == [])
    }

    @Test func shortQuoteFramedByACueIsSpeech() {
        #expect(quotes("Trump posted that the two men are on “the same side” of issues.")
            == [Found(text: "the same side", speaker: Self.trump, cue: "posted")])
        #expect(quotes("Netanyahu called the attack “barbaric.”")
            == [Found(text: "barbaric.", speaker: Self.bibi, cue: "called")])
        #expect(quotes("Netanyahu called it “barbaric” and left.")
            == [Found(text: "barbaric", speaker: Self.bibi, cue: "called")])
    }

    @Test func unbalancedMarksDoNotDerailTheNextParagraph() {
        let text = "He said “this never closes and runs on.\n\nNetanyahu said, “We will win.”\n\nA stray” mark.\n\n“Good talks,” Trump said."
        #expect(quotes(text) == [
            Found(text: "We will win.", speaker: Self.bibi, cue: "said"),
            Found(text: "Good talks", speaker: Self.trump, cue: "said"),
        ])
    }

    @Test func quoteOverTwoParagraphsSharesItsSpeaker() {
        let text = "“We will rebuild the north, every town of it.\n\n“And we will bring everyone home,” Netanyahu said."
        #expect(quotes(text) == [
            Found(text: "We will rebuild the north, every town of it.", speaker: Self.bibi, cue: "said"),
            Found(text: "And we will bring everyone home", speaker: Self.bibi, cue: "said"),
        ])
    }

    @Test func standaloneQuoteAfterAParagraphNamingTheSpeaker() {
        let text = "Netanyahu addressed the Knesset on Monday.\n\n“We will not stop until we win this war.”"
        #expect(quotes(text) == [Found(text: "We will not stop until we win this war.", speaker: Self.bibi)])
    }

    @Test func reversedCurlyOpenerIsReadByContext() {
        #expect(quotes("”We are ready for talks,” Trump said.") == [Found(text: "We are ready for talks", speaker: Self.trump, cue: "said")])
    }

    @Test func headlineColon() {
        #expect(quotes("Netanyahu: “We will never surrender to terror”") == [Found(text: "We will never surrender to terror", speaker: Self.bibi)])
    }

    @Test func appositiveBetweenSpeakerAndCue() {
        #expect(quotes("“We had some issues with the launch,” Dermer, the minister of strategic affairs since last year, said on Tuesday.")
            == [Found(text: "We had some issues with the launch", speaker: "person:ron-dermer", cue: "said")])
    }

    @Test func titleBeforeTheSpeakerAfterTheQuote() {
        #expect(quotes("“We found water in vapor form,” lead researcher and planetary scientist Ron Dermer said.")
            == [Found(text: "We found water in vapor form", speaker: "person:ron-dermer", cue: "said")])
    }

    @Test func unnamedSpeakerBeforeTheCue() {
        let text = "“If we were any higher, we would be in orbit,” one user quipped."
        let found = QuoteFinder().quotes(in: text, sentences: [], mentions: [], entities: [])
        #expect(found.count == 1)
        #expect(found.first?.speakerName == "one user")
        #expect(found.first?.cue == "quipped")
    }

    @Test func participleCueTakesTheSpeakerOfTheQuoteBefore() {
        #expect(quotes("Whitmer later wrote that the plan “needs to be a kitchen table conversation,” adding “we need everyone on it.”") == [
            Found(text: "needs to be a kitchen table conversation", speaker: "person:gretchen-whitmer", cue: "wrote"),
            Found(text: "we need everyone on it.", speaker: "person:gretchen-whitmer", cue: "adding"),
        ])
    }

    @Test func colonQuoteBelongsToTheSentenceSubject() {
        #expect(quotes("Whitmer found one drawback to working with Dermer and Trump: “They sing so well that nobody else dares to.”")
            == [Found(text: "They sing so well that nobody else dares to.", speaker: "person:gretchen-whitmer")])
    }

    @Test func quoteWithItsOwnSubjectDoesNotInheritTheSpeakerBefore() {
        let text = "“It grabbed me at once,” Trump said. Whitmer, who phoned in from Detroit, had a similar experience: “It was just that immediate feeling of recognition.”"
        #expect(quotes(text) == [
            Found(text: "It grabbed me at once", speaker: Self.trump, cue: "said"),
            Found(text: "It was just that immediate feeling of recognition.", speaker: "person:gretchen-whitmer"),
        ])
    }

    @Test func pronounGenderComesFromTheFirstNameOfTheSameSurname() {
        // The fixture's entities say nothing of "Oliver Sacks"; "she" must skip him for Whitmer anyway.
        let text = "Gretchen Whitmer met the neurologist Oliver Sacks in 1990. Whitmer read his book. Sacks wrote about music. “I could not focus at all,” she said."
        var mentions = MentionFixture.mentions(in: text)
        let bytes = Array(text.utf8)
        for surface in ["Oliver Sacks", "Sacks"] {
            let needle = Array(surface.utf8)
            var i = 0
            while i + needle.count <= bytes.count {
                if Array(bytes[i..<(i + needle.count)]) == needle, !mentions.contains(where: { $0.range.contains(i) }) {
                    mentions.append(EntityMention(range: i..<(i + needle.count), type: .person, entity: "person:" + surface.lowercased()))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        let found = QuoteFinder().quotes(in: text, sentences: [], mentions: mentions, entities: [])
        #expect(found.first?.speakerName == "Gretchen Whitmer" || found.first?.speakerName == "Whitmer")
    }

    @Test func organizationsSpeakThroughTheCompanyAndIt() {
        let text = "Axios denied the report on Friday. “We never said any such thing,” the company said. “We will not comment further,” it said in a statement."
        #expect(quotes(text) == [
            Found(text: "We never said any such thing", speaker: "organization:axios", cue: "said"),
            Found(text: "We will not comment further", speaker: "organization:axios", cue: "said", venue: "statement"),
        ])
    }

    @Test func pronounChainsBackToTheNamedPerson() {
        let text = "Dermer claims he cut ties in 2010. During the visit, he was photographed with Trump. Was this wise? He told the interviewer: “I took the judgement call myself.”"
        #expect(quotes(text) == [Found(text: "I took the judgement call myself.", speaker: "person:ron-dermer", cue: "told")])
    }

    @Test func personBeforeAPlaceAfterTheCue() {
        let text = "“We believe that justice has been served,” said Gaza Attorney Ron Dermer."
        #expect(quotes(text).first?.speaker == "person:ron-dermer")
    }

    @Test func shortStandaloneQuoteContinuesTheSpeaker() {
        #expect(quotes("“We will see the market shake out,” Whitmer said. “Not everyone wins.”") == [
            Found(text: "We will see the market shake out", speaker: "person:gretchen-whitmer", cue: "said"),
            Found(text: "Not everyone wins.", speaker: "person:gretchen-whitmer", cue: "said"),
        ])
        #expect(quotes("The ad ran for weeks. “Not everyone wins.”") == [])
    }

    @Test func secondQuoteOfASentenceTakesTheSentenceSubject() {
        let text = "Dermer spoke to Axios first. During the call, he asked about the plan, called Trump a “traitor” and said, “somebody ought to stop him,” the prosecutor’s office said."
        #expect(quotes(text).last?.speaker == "person:ron-dermer")
    }
}

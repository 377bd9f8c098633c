import CrossreadCore
import CrossreadTestSupport
@testable import CrossreadLanguage
import Testing

@Suite("Claims")
struct ClaimFinderTests {
    static let published = PublicationDate(year: 2024, month: 11, day: 11)!

    /// Claims in `text`, with quotes and times found by the real finders and mentions by the fixture.
    func claims(_ text: String) -> [(text: String, claim: Claim)] {
        let mentions = MentionFixture.mentions(in: text)
        let quotes = QuoteFinder().quotes(in: text, sentences: [], mentions: mentions, entities: MentionFixture.people)
        let times = TimeExpressionFinder().times(in: text, published: Self.published)
        let found = ClaimFinder().claims(in: text, sentences: [], quotes: quotes, times: times, mentions: mentions)
        #expect(SpanVerifier.problems(text: text, spans: found.map { ($0.range, nil) }).isEmpty)
        #expect(found.allSatisfy { (0...1).contains($0.score) })
        let bytes = Array(text.utf8)
        return found.map { (String(decoding: bytes[$0.range], as: UTF8.self), $0) }
    }

    @Test func numberIsCheckable() {
        let found = claims("Last month, Trump imposed a 17% tariff on goods from Israel.")
        #expect(found.count == 1)
        #expect(found.first?.claim.kinds.contains("number") == true)
        #expect(found.first?.claim.kinds.contains("dated event") == true)
    }

    @Test func quotedAssertionCarriesItsSpeaker() {
        let found = claims("“We are on the same side of every single issue,” Trump said in a post.")
        #expect(found.count == 1)
        #expect(found.first?.claim.speaker == "person:donald-trump")
        #expect(found.first?.claim.kinds.first == "quote")
    }

    @Test func comparisonAndDatedEvent() {
        let found = claims("Turnout at the rally in Detroit was lower than expected on Sunday.")
        #expect(found.count == 1)
        #expect(Set(found.first?.claim.kinds ?? []) == ["comparison", "dated event"])
    }

    @Test(arguments: [
        "Will Netanyahu and Trump agree on a ceasefire in Gaza before January 20?",
        "The situation remains complex and deeply intertwined with regional dynamics.",
        "This is a great time to support independent journalism you rely on.",
        "Reading time: 4 minutes",
        "Pro-Israel Rally in Washington Sparsely Attended",
        "Strong ties may prove vital in securing the interests of both nations.",
    ])
    func notClaims(text: String) {
        #expect(claims(text).isEmpty)
    }

    @Test func hedgedNumberScoresBelowPlainNumber() {
        let plain = claims("Netanyahu spoke with Trump three times after the vote.").first?.claim.score ?? 0
        let hedged = claims("Netanyahu may perhaps have spoken with Trump three times after the vote.").first?.claim.score ?? 0
        #expect(plain > hedged)
    }
}

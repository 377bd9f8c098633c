import CrossreadCore
import CrossreadLanguage
import CrossreadTestSupport
import Testing

@Suite("Claims and every span in the seed articles")
struct ClaimSeedTests {
    @Test(arguments: ["000", "001", "002", "003", "004"])
    func everySpanIsValid(seed: String) {
        guard let (text, a) = SeedArticles.annotate(seed) else { return }
        #expect(SpanVerifier.problems(text: text, spans: a.sentences.map { ($0.range, nil) }).isEmpty)
        #expect(SpanVerifier.problems(text: text, spans: a.mentions.map { ($0.range, nil) }).isEmpty)
        #expect(SpanVerifier.problems(text: text, spans: a.times.map { ($0.range, nil) }).isEmpty)
        #expect(SpanVerifier.problems(text: text, spans: a.claims.map { ($0.range, nil) }).isEmpty)
        let ids = Set(a.entities.map(\.id))
        #expect(a.quotes.allSatisfy { $0.speaker.map(ids.contains) ?? true })
        #expect(a.claims.allSatisfy { (0...1).contains($0.score) && !$0.kinds.isEmpty })
    }

    @Test func quotedClaimsCarryTheirSpeaker() {
        guard let (_, a) = SeedArticles.annotate("004") else { return }
        let quoted = a.claims.filter { $0.kinds.contains("quote") }
        #expect(!quoted.isEmpty)
        #expect(quoted.allSatisfy { $0.speaker != nil })
        #expect(a.claims.contains { $0.kinds.contains("number") })
    }

    @Test func appealsToReadersAreNotClaims() {
        guard let (text, a) = SeedArticles.annotate("004") else { return }
        let claimed = a.claims.map { SeedArticles.span(text, $0.range) }
        #expect(!claimed.contains { $0.contains("support independent") || $0.hasPrefix("I hope you") })
    }
}

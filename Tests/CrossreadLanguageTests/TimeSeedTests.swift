import CrossreadCore
import CrossreadLanguage
import CrossreadTestSupport
import Testing

@Suite("Times in the seed articles")
struct TimeSeedTests {
    /// 001 is published on Monday, 2024-11-11.
    @Test func seed001ResolvesAgainstItsPublicationDate() {
        guard let (text, annotations) = SeedArticles.annotate("001", published: PublicationDate(year: 2024, month: 11, day: 11)) else { return }
        let values = annotations.times.map { (SeedArticles.span(text, $0.range), $0.value) }
        let sundays = values.filter { $0.0 == "Sunday" }
        #expect(sundays.count == 2)
        #expect(sundays.allSatisfy { $0.1 == "2024-11-10" })
        #expect(values.contains { $0.0 == "January 20" && $0.1 == "2025-01-20" })
        #expect(values.contains { $0.0 == "July" && $0.1 == "2024-07" })
        #expect(values.contains { $0.0 == "Last week" && $0.1 == "2024-W45" })
        #expect(values.contains { $0.0 == "November 11, 2024" && $0.1 == "2024-11-11" })
        #expect(SpanVerifier.problems(text: text, spans: annotations.times.map { ($0.range, nil) }).isEmpty)
    }

    @Test func withoutAPublicationDateRelativeTimesStayUnresolved() {
        guard let (_, annotations) = SeedArticles.annotate("003") else { return }
        #expect(!annotations.times.isEmpty)
        #expect(annotations.times.allSatisfy { $0.value == nil && $0.unresolvedReason != nil })
    }
}

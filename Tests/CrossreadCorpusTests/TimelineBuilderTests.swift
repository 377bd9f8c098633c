import CrossreadCore
import Foundation
import Testing
@testable import CrossreadCorpus

/// The corpus timeline on fictional articles with hand-made time annotations, and on the seeds.
@Suite struct TimelineBuilderTests {
    static let first = ComparisonFixture(id: "first", text: """
        The Brenby bridge reopened to traffic on March 3 after two years of repairs. \
        Engineers had closed it in April 2023, when cracks appeared in the deck. \
        A ribbon was cut by the deputy mayor at noon.
        """, title: "Brenby bridge reopens", published: "2025-03-04",
        times: [("March 3", "2025-03-03"), ("April 2023", "2023-04")])
    static let second = ComparisonFixture(id: "second", text: """
        After two years of repairs, traffic is flowing over the Brenby bridge again since March 3. \
        The same day, the harbour board elected a new chair. \
        Work on the northern approach road starts in the week of 14 April.
        """, published: "2025-03-05",
        times: [("March 3", "2025-03-03"), ("The same day", "2025-03-03"), ("the week of 14 April", "2025-W16")])

    let builder = TimelineBuilder()

    @Test func theSameEventFromTwoSourcesIsOneEntry() throws {
        let entries = builder.build(documents: [Self.first.document, Self.second.document])
        let reopening = entries.filter { $0.date == "2025-03-03" && $0.text.contains("bridge") }
        #expect(reopening.count == 1)
        let entry = try #require(reopening.first)
        #expect(entry.documents == [ComparisonFixture.documentID("first"), ComparisonFixture.documentID("second")])
        #expect(entry.evidence.count == 2)
        #expect(entry.text == "The Brenby bridge reopened to traffic on March 3 after two years of repairs.")
    }

    @Test func anotherEventOnTheSameDayStaysApart() {
        let entries = builder.build(documents: [Self.first.document, Self.second.document])
        let sameDay = entries.filter { $0.date == "2025-03-03" }
        #expect(sameDay.count == 2)
        #expect(sameDay.contains { $0.text.contains("harbour board") && $0.documents == [ComparisonFixture.documentID("second")] })
    }

    @Test func entriesAreInDateOrderWithMonthsWeeksAndPublicationDates() {
        let entries = builder.build(documents: [Self.first.document, Self.second.document])
        #expect(entries.map(\.date) == entries.map(\.date).sorted())
        #expect(entries.first?.date == "2023-04")
        #expect(entries.contains { $0.date == "2025-04" && $0.text.contains("northern approach") })
        #expect(entries.contains { $0.date == "2025-03-04" && $0.text == "Brenby bridge reopens" })
        #expect(entries.contains { $0.date == "2025-03-05" && $0.text.hasPrefix("After two years") })
        let noPublication = TimelineBuilder(options: TimelineOptions(includePublicationDates: false))
            .build(documents: [Self.first.document, Self.second.document])
        #expect(!noPublication.contains { $0.date == "2025-03-04" })
    }

    @Test func evidencePointsAtTheSentenceAndEntriesCarryTheirStory() {
        let story = CrossreadCore.Story(id: "bridge", title: "", documents: [ComparisonFixture.documentID("first"),
                                                                            ComparisonFixture.documentID("second")],
                                        first: nil, last: nil, topic: "t")
        let documents = [Self.first.document, Self.second.document]
        for entry in builder.build(documents: documents, stories: [story]) {
            #expect(entry.story == "bridge")
            for reference in entry.evidence where entry.text.hasSuffix(".") {
                let document = documents.first { $0.id == reference.document }!
                #expect(document.words(reference).hasSuffix("."))
            }
        }
    }

    @Test(arguments: [("2024-W45", "2024-11"), ("2021-W01", "2021-01"), ("2020-W53", "2020-12"), ("2024-11-10", "2024-11-10"),
                      ("2024-11", "2024-11"), ("2024", "2024"), ("2024-11-10T08:00", "2024-11-10"), ("soon", nil)])
    func timeValuesNormalize(value: String, expected: String?) {
        #expect(TimelineDate.normalize(value) == expected)
    }

    @Test func seedsGiveDatedEntriesFromEveryDatedArticle() throws {
        guard let seeds = ComparisonSeedTests.seeds else { return }
        let entries = builder.build(documents: seeds)
        if ProcessInfo.processInfo.environment["CROSSREAD_DEBUG_COMPARISON"] != nil {
            for e in entries { print("TIMELINE \(e.date) [\(e.documents.map { $0.prefix(3) }.joined(separator: ","))] \(e.text.prefix(120))") }
        }
        #expect(entries.map(\.date) == entries.map(\.date).sorted())
        for entry in entries {
            #expect(TimelineDate.normalize(entry.date) == entry.date)
            #expect(!entry.documents.isEmpty && entry.evidence.count >= entry.documents.count)
        }
        // Every article whose text resolves a date has an entry.
        for document in seeds where document.annotations.times.contains(where: { $0.value != nil }) {
            #expect(entries.contains { $0.documents.contains(document.id) }, "\(document.source)")
        }
    }
}

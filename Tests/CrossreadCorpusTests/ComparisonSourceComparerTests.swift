import CrossreadCore
import Testing
@testable import CrossreadCorpus

/// Cross-source comparison on fictional articles with hand-made annotations.
@Suite struct ComparisonSourceComparerTests {
    static let wire = ComparisonFixture(id: "wire", text: """
        The harbour authority in Portvale suspended the evening ferry service on Tuesday after inspectors found a crack in the loading ramp. \
        About 1,200 commuters use the evening crossing each day. \
        Harbour master Ines Carvalho said passengers with season tickets may ride the coastal bus at no cost. \
        Local shop owners on Quay Street fear the closure will hurt trade during the festival week.
        """, people: ["Ines Carvalho"], claims: ["suspended", "1,200", "season tickets", "shop owners"])
    /// A syndicated copy of `wire` with a different first line of chrome and one word changed.
    static let copy = ComparisonFixture(id: "copy", text: """
        PORTVALE NEWS | Home | Sport. \
        The harbour authority in Portvale suspended the evening ferry service on Tuesday after inspectors found a crack in the loading ramp. \
        About 1,200 commuters use the evening crossing each day. \
        Harbour master Ines Carvalho said passengers with season tickets may ride the coastal bus at no charge. \
        Local shop owners on Quay Street fear the closure will hurt trade during the festival week.
        """, people: ["Ines Carvalho"], claims: ["suspended", "1,200", "season tickets", "shop owners"])
    /// An independent report of the same event, in other words, with a different commuter figure.
    static let gazette = ComparisonFixture(id: "gazette", text: """
        Evening ferries from Portvale were suspended by the harbour authority on Tuesday, when a crack was discovered in the ramp used for loading. \
        Roughly 900 commuters use the evening crossing every day, the operator says. \
        Season ticket holders can take the coastal bus free of charge, according to harbour master Carvalho. \
        The ferry company repaired the same ramp two years ago.
        """, people: ["Ines Carvalho"], claims: ["suspended", "900", "Season ticket", "repaired"])

    static let ids = (wire: ComparisonFixture.documentID("wire"), copy: ComparisonFixture.documentID("copy"),
                      gazette: ComparisonFixture.documentID("gazette"))

    func compareFerry() -> SourceComparison {
        SourceComparer().compare(story: nil, documents: [Self.wire.document, Self.copy.document, Self.gazette.document],
                                 duplicates: [[Self.ids.wire, Self.ids.copy]])
    }

    @Test func paraphrasedFactIsCorroboratedAndTheCopyCountsOnce() throws {
        let result = compareFerry()
        let suspension = try #require(result.claims.first { $0.text.lowercased().contains("suspended") })
        #expect(suspension.documents == [Self.ids.wire, Self.ids.gazette])
        #expect(suspension.corroboratedBy == [Self.ids.gazette])
        #expect(suspension.evidence.contains { $0.document == Self.ids.copy })
        let bus = try #require(result.claims.first { $0.text.lowercased().contains("coastal bus") })
        #expect(!bus.isSingleSource)
    }

    @Test func factOnlyTheWireAndItsCopyReportIsSingleSource() throws {
        let result = compareFerry()
        let shops = try #require(result.claims.first { $0.text.contains("shop owners") })
        #expect(shops.isSingleSource)
        #expect(shops.documents == [Self.ids.wire])
        let repair = try #require(result.claims.first { $0.text.contains("repaired") })
        #expect(repair.isSingleSource && repair.documents == [Self.ids.gazette])
    }

    @Test func differentFiguresForTheSameThingConflictInsteadOfCorroborating() throws {
        let result = compareFerry()
        let conflict = try #require(result.conflicts.first { $0.about.contains("commuters") })
        #expect(Set(conflict.values.map(\.value)) == ["1,200 commuters", "900 commuters"])
        #expect(Set(conflict.values.map(\.document)) == [Self.ids.wire, Self.ids.gazette])
        let figures = result.claims.filter { $0.text.contains("commuters") }
        #expect(figures.allSatisfy { $0.isSingleSource })
    }

    @Test func claimIDsAreStableHashesOfTheText() {
        let first = compareFerry().claims
        let second = compareFerry().claims
        #expect(first.map(\.id) == second.map(\.id))
        #expect(first.allSatisfy { $0.id == ClaimID.make(for: $0.text) })
        #expect(Set(first.map(\.id)).count == first.count)
    }

    // MARK: - Quotes and venues

    static let radio = ComparisonFixture(id: "radio", text: """
        Mayor Dana Whitlock defended the budget on Monday. \
        “We will not close a single library branch this year,” Whitlock wrote on Facebook.
        """, people: ["Dana Whitlock"],
        quotes: [("We will not close a single library branch this year", "Dana Whitlock", "Facebook", "wrote")])
    static let daily = ComparisonFixture(id: "daily", text: """
        Whitlock spoke to reporters about the budget. \
        "Not a single branch of the library will close this year," the mayor said in an interview with Radio Kestrel.
        """, people: ["Dana Whitlock"],
        quotes: [("Not a single branch of the library will close this year", "Dana Whitlock", "Radio Kestrel", "said")])

    @Test func theSameQuoteWordedDifferentlyIsGroupedAndItsVenuesConflict() throws {
        let result = SourceComparer().compare(story: nil, documents: [Self.radio.document, Self.daily.document], duplicates: [])
        let group = try #require(result.quoteGroups.first)
        #expect(Set(group.variants.map(\.document)) == [ComparisonFixture.documentID("radio"), ComparisonFixture.documentID("daily")])
        #expect(group.speakerName == "Dana Whitlock")
        let venue = try #require(result.conflicts.first { $0.about.hasPrefix("venue") })
        #expect(Set(venue.values.map(\.value)) == ["Facebook", "Radio Kestrel"])
        let quote = try #require(result.claims.first { $0.text.contains("library branch") || $0.text.contains("branch of the library") })
        #expect(!quote.isSingleSource)
        #expect(quote.speaker == ComparisonFixture.entityID("Dana Whitlock"))
    }

    @Test func twitterAndXAreOneVenue() {
        #expect(StoryAnalysis.venueKey("Twitter") == StoryAnalysis.venueKey("X"))
        #expect(StoryAnalysis.venueKey("his Truth Social account") != StoryAnalysis.venueKey("X"))
    }

    // MARK: - Disputes

    @Test func aClaimDisputedInAnotherArticleListsItsDisputer() throws {
        let statement = ComparisonFixture(id: "council", text: """
            The council met on Thursday. \
            “The reservoir water is perfectly safe to drink,” Mayor Whitlock told residents.
            """, people: ["Dana Whitlock"],
            quotes: [("The reservoir water is perfectly safe to drink", "Dana Whitlock", nil, "told")])
        let check = ComparisonFixture(id: "check", text: """
            Independent laboratories tested samples from the Greyholm reservoir last week. \
            The mayor's claim that the reservoir water is safe to drink is false, the results show.
            """, people: ["Dana Whitlock"])
        let result = SourceComparer().compare(story: nil, documents: [statement.document, check.document], duplicates: [])
        let claim = try #require(result.claims.first { $0.text.contains("safe to drink") && !$0.disputedBy.isEmpty })
        #expect(claim.disputedBy == [ComparisonFixture.documentID("check")])
        #expect(claim.documents.first == ComparisonFixture.documentID("council"))
        #expect(claim.speaker == ComparisonFixture.entityID("Dana Whitlock"))
        let disputing = try check.document.words(#require(claim.disputes.first))
        #expect(disputing.hasPrefix("The mayor's claim"))
    }

    @Test func contraryToWhatSomeoneSaidDisputesTheirStatement() throws {
        let promise = ComparisonFixture(id: "promise", text: """
            Councillor Femi Okafor presented the plan on Monday. \
            “The library budget will not be cut next year,” Okafor said.
            """, people: ["Femi Okafor"], quotes: [("The library budget will not be cut next year", "Femi Okafor", nil, "said")])
        let report = ComparisonFixture(id: "report", text: """
            The final accounts were published on Friday. \
            Contrary to what Okafor said, the library budget was cut by a third next year.
            """, people: ["Femi Okafor"])
        let result = SourceComparer().compare(story: nil, documents: [promise.document, report.document], duplicates: [])
        let claim = try #require(result.claims.first { $0.text.contains("library budget will not be cut") })
        #expect(claim.disputedBy == [ComparisonFixture.documentID("report")])
    }

    @Test func aSentenceUsingFalseInAnotherSenseDisputesNothing() {
        let alarm = ComparisonFixture(id: "alarm", text: """
            Firefighters were called to the Quay Street depot on Sunday. \
            The call turned out to be a false alarm set off by steam from a kettle.
            """)
        let other = ComparisonFixture(id: "other", text: "Firefighters were called to the Quay Street depot on Sunday, officials said.")
        let result = SourceComparer().compare(story: nil, documents: [alarm.document, other.document], duplicates: [])
        #expect(result.claims.allSatisfy { $0.disputedBy.isEmpty })
    }

    // MARK: - Dates and stories

    @Test func differentDatesForOneEventConflict() throws {
        let a = ComparisonFixture(id: "a", text: "The Brenby bridge reopened to traffic on March 3 after two years of repairs.",
                                  times: [("March 3", "2025-03-03")])
        let b = ComparisonFixture(id: "b", text: "After two years of repairs, the Brenby bridge reopened to traffic on March 5.",
                                  times: [("March 5", "2025-03-05")])
        let result = SourceComparer().compare(story: nil, documents: [a.document, b.document], duplicates: [])
        let conflict = try #require(result.conflicts.first { $0.about.hasPrefix("date") })
        #expect(Set(conflict.values.map(\.value)) == ["2025-03-03", "2025-03-05"])
    }

    @Test func storiesAreComparedApart() {
        let story = CrossreadCore.Story(id: "s1", title: "Ferry", documents: [Self.ids.wire, Self.ids.gazette],
                                        first: nil, last: nil, topic: "t")
        let other = CrossreadCore.Story(id: "s2", title: "Budget", documents: [ComparisonFixture.documentID("radio")],
                                        first: nil, last: nil, topic: "t")
        let documents = [Self.wire.document, Self.gazette.document, Self.radio.document]
        let result = SourceComparer().compare(stories: [story, other], documents: documents, duplicates: [])
        #expect(result.claims.allSatisfy { $0.story == "s1" || $0.story == "s2" })
        #expect(result.claims.filter { $0.story == "s1" }.allSatisfy { !$0.documents.contains(ComparisonFixture.documentID("radio")) })
        #expect(result.claims.contains { $0.story == "s1" && !$0.isSingleSource })
    }
}

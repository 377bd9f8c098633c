import CrossreadCore
import Testing
@testable import CrossreadCorpus

@Suite struct StoryClustererTests {
    let corpus = StoryFixtures.rampCrack + StoryFixtures.engineFire + StoryFixtures.library

    private func storyIDs(_ clustering: StoryClustering, _ documents: [Document]) -> Set<String> {
        Set(documents.compactMap { clustering.story(of: $0.id)?.id })
    }

    @Test func separatesTwoEventsOfOneKindAndKeepsThemInOneTopic() {
        let clustering = StoryClusterer().cluster(corpus)
        let ramp = storyIDs(clustering, StoryFixtures.rampCrack)
        let fire = storyIDs(clustering, StoryFixtures.engineFire)
        let library = storyIDs(clustering, StoryFixtures.library)
        #expect(ramp.count == 1)
        #expect(fire.count == 1)
        #expect(library.count == 1)
        #expect(ramp != fire)
        let rampTopic = clustering.topic(of: "rampcrack-01")?.id
        #expect(rampTopic != nil)
        #expect(clustering.topic(of: "enginefire-2")?.id == rampTopic)
        #expect(clustering.topic(of: "libraryvote1")?.id != rampTopic)
        #expect(clustering.stories.count == 3)
        #expect(Set(clustering.stories.map(\.topic)) == Set(clustering.topics.map(\.id)))
    }

    @Test func namesAndDatesEachStory() throws {
        let clustering = StoryClusterer().cluster(corpus)
        let fire = try #require(clustering.story(of: "enginefire-1"))
        #expect(StoryFixtures.engineFire.map { $0.metadata.title! }.contains(fire.title))
        #expect(fire.first?.day8601 == "2019-08-02")
        #expect(fire.last?.day8601 == "2019-08-05")
        #expect(fire.entities.contains("Dorian Vance") || fire.entities.contains("Northern Belle"))
        #expect(fire.id == "story-enginefire-1")
        let ramp = try #require(clustering.story(of: "rampcrack-02"))
        #expect(ramp.keywords.contains { $0.hasPrefix("ramp") })
    }

    @Test func everyDocumentIsInExactlyOneStory() {
        let clustering = StoryClusterer().cluster(corpus)
        let placed = clustering.stories.flatMap(\.documents)
        #expect(placed.sorted() == corpus.map(\.id).sorted())
    }

    @Test func indexAssignsArrivalsAndRegroups() async {
        let index = StoryIndex()
        var assignments: [StoryAssignment] = []
        for document in StoryFixtures.engineFire + StoryFixtures.library + StoryFixtures.rampCrack {
            assignments.append(await index.add(document))
        }
        #expect(assignments[0].joinedExisting == false)
        #expect(assignments.first { $0.document == "libraryvote1" }?.joinedExisting == false)
        #expect(assignments.first { $0.document == "rampcrack-01" }?.story != assignments[0].story)
        let clustering = await index.clustering()
        #expect(clustering.story(of: "enginefire-3")?.id == clustering.story(of: "enginefire-1")?.id)
        #expect(clustering.story(of: "rampcrack-03")?.id == clustering.story(of: "rampcrack-01")?.id)
        #expect(clustering.story(of: "rampcrack-01")?.id != clustering.story(of: "enginefire-1")?.id)
        #expect(await index.count == corpus.count)
    }

    @Test func emptyAndTinyInputs() {
        #expect(StoryClusterer().cluster([]).stories.isEmpty)
        let one = StoryClusterer().cluster([StoryFixtures.library[0]])
        #expect(one.stories.count == 1 && one.topics.count == 1)
        let blank = StoryFixtures.document("blank", title: "", published: nil, "")
        #expect(StoryClusterer().cluster([blank, blank]).stories.flatMap(\.documents).count == 2)
    }
}

@Suite struct DocumentDatingTests {
    @Test(arguments: [
        ("https://example.com/2013/05/03/lohan-rehab", "2013-05-03"),
        ("http://articles.example.com/2013/may/03/local/story", "2013-05-03"),
        ("https://example.org/news/2009-11-30-escape.html", nil),
        ("https://example.org/news/2009-11-30/escape", "2009-11-30"),
        ("https://example.org/story/12345", nil),
    ] as [(String, String?)])
    func readsDatesInURLs(url: String, expected: String?) {
        #expect(DocumentDating.urlDate(url)?.day8601 == expected)
    }

    @Test func findsADatelineButNotADateInsideASentence() {
        #expect(DocumentDating.datelineDate(in: "May 03, 2013\nLohan checked in.")?.day8601 == "2013-05-03")
        let sentence = "The ramp was repaired on March 3, 2024 after storm damage that closed the pier for weeks and cost plenty."
        #expect(DocumentDating.datelineDate(in: sentence) == nil)
    }
}

@Suite struct FeatureTests {
    @Test func lemmatizerFoldsInflections() {
        func stem(_ word: String) -> String { String(decoding: Lemmatizer.stem(Array(word.utf8)), as: UTF8.self) }
        #expect(stem("fires") == stem("fired"))
        #expect(stem("fire") == stem("fired"))
        #expect(stem("shooting") == stem("shoots"))
        #expect(stem("stopped") == stem("stops"))
        #expect(stem("killed") == "kill")
        #expect(stem("countries") == "country")
        #expect(stem("bus") == "bus")
    }

    @Test func capitalizedNamesSkipSentenceStartsAndHeadlines() {
        let text = "Perennial troubles aside, Ines Carvalho spoke.\nShe said Carvalho would stay.\nThe Harbour Authority Closes The North Pier Today"
        let features = DocumentFeatures(document: StoryFixtures.document("n", title: "", published: nil, text))
        let names = Set(features.surfaces.filter { FeatureChannel.of($0.key) == .names }.values)
        #expect(names.contains("Ines Carvalho"))
        #expect(names.contains("Carvalho"))
        #expect(!names.contains("Perennial"))
        #expect(!names.contains("Harbour Authority"))
    }

    @Test func timeChannelCountsTheDocumentMonthAndMentionedYears() {
        let document = StoryFixtures.document("t", title: "x", published: "2013-05-03", "Back in 2010 she left; in 2013 she returned.")
        let features = DocumentFeatures(document: document)
        let time = features.counts.filter { FeatureChannel.of($0.key) == .time }
        let bySurface = Dictionary(uniqueKeysWithValues: time.map { (features.surfaces[$0.key]!, $0.value) })
        #expect(bySurface["year:2013"] == 3)
        #expect(bySurface["year:2010"] == 1)
        #expect(bySurface["month:2013-5"] == 2)
    }
}

import CrossreadCore
import Testing
@testable import CrossreadCorpus

/// `StoryClusterer.update`: stories kept from an earlier run take new documents in without regrouping.
@Suite struct StoryUpdateTests {
    let ramp = StoryFixtures.rampCrack
    let fire = StoryFixtures.engineFire
    let library = StoryFixtures.library

    private func ids(_ documents: [Document]) -> [String] { documents.map(\.id) }

    @Test func withoutAnEarlierStateItRegroupsLikeTheBatch() {
        let documents = ramp + fire + library
        let state = StoryClusterer().update(nil, documents: documents, ids: ids(documents))
        #expect(state.regrouped)
        #expect(state.regroupedDocuments == documents.count)
        #expect(state.clustering == StoryClusterer().cluster(documents))
    }

    @Test func newDocumentsJoinTheirStoriesAndTheRestStaysAsItWas() throws {
        let before = Array(ramp.prefix(2)) + Array(fire.prefix(2)) + library
        let options = StoryOptions(regroupGrowth: 1)
        let clusterer = StoryClusterer(options: options)
        let previous = clusterer.update(nil, documents: before, ids: ids(before))
        let after = before + [ramp[2], fire[2]]
        let state = clusterer.update(previous, documents: after, ids: ids(after))
        #expect(!state.regrouped)
        let clustering = state.clustering
        #expect(clustering.story(of: "rampcrack-03")?.id == previous.clustering.story(of: "rampcrack-01")?.id)
        #expect(clustering.story(of: "enginefire-3")?.id == previous.clustering.story(of: "enginefire-1")?.id)
        #expect(clustering.stories.flatMap(\.documents).sorted() == ids(after).sorted())
        // The library story gained nothing: it is the earlier one, word for word.
        let libraryBefore = try #require(previous.clustering.story(of: "libraryvote1"))
        #expect(clustering.story(of: "libraryvote1") == libraryBefore)
        // A grown story is dated again.
        #expect(clustering.story(of: "enginefire-1")?.last?.day8601 == "2019-08-05")
        #expect(clustering.topic(of: "rampcrack-03")?.id == previous.clustering.topic(of: "rampcrack-01")?.id)
        #expect(Set(clustering.stories.map(\.topic)) == Set(clustering.topics.map(\.id)))
    }

    @Test func aNewEventStartsAStoryAndFindsItsTopic() throws {
        let before = ramp + library
        let clusterer = StoryClusterer(options: StoryOptions(regroupGrowth: 1))
        let previous = clusterer.update(nil, documents: before, ids: ids(before))
        let after = before + fire
        let state = clusterer.update(previous, documents: after, ids: ids(after))
        #expect(!state.regrouped)
        let clustering = state.clustering
        let fireStory = try #require(clustering.story(of: "enginefire-1"))
        #expect(fireStory.documents.sorted() == ids(fire).sorted())
        #expect(fireStory.id != clustering.story(of: "rampcrack-01")?.id)
        #expect(StoryFixtures.engineFire.map { $0.metadata.title! }.contains(fireStory.title))
        // Another ferry accident in the same harbour: the ferry topic, not the library's.
        #expect(fireStory.topic == clustering.story(of: "rampcrack-01")?.topic)
        #expect(fireStory.topic != clustering.story(of: "libraryvote1")?.topic)
    }

    @Test func regroupsWhenSettingsChangeOrTheCorpusOutgrowsTheState() {
        let before = ramp + fire
        let previous = StoryClusterer().update(nil, documents: before, ids: ids(before))
        let after = before + library
        // 6 documents grouped, 8 now: more than 25% growth.
        #expect(StoryClusterer().update(previous, documents: after, ids: ids(after)).regrouped)
        let other = StoryClusterer(options: StoryOptions(mergeFloor: 0.1))
        #expect(other.update(previous, documents: before, ids: ids(before)).regrouped)
        #expect(!StoryClusterer().update(previous, documents: before, ids: ids(before)).regrouped)
    }

    @Test func documentsNoLongerGivenLeaveTheirStories() {
        let before = ramp + fire + library
        let clusterer = StoryClusterer()
        let previous = clusterer.update(nil, documents: before, ids: ids(before))
        let after = before.filter { $0.id != "rampcrack-02" }
        let state = clusterer.update(previous, documents: after, ids: ids(after))
        #expect(!state.regrouped)
        #expect(state.clustering.stories.flatMap(\.documents).sorted() == ids(after).sorted())
        #expect(state.clustering.story(of: "rampcrack-01")?.id == previous.clustering.story(of: "rampcrack-01")?.id)
    }
}

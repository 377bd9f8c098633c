import CrossreadCore
import Foundation

/// The behaviour every `CorpusStore` backend must show, as named checks, each run against a fresh,
/// empty library (a `DocumentStore` too: the checks add documents and save annotations):
///
///     @Test(arguments: CorpusStoreConformance.checks)
///     func conforms(_ check: CorpusStoreConformance.Check) async throws {
///         let problems = try await check.run(on: try makeEmptyStore())
///         #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
///     }
///
/// The documents are the suite's own (invented text); profiles, signatures and results are bytes the
/// store must keep exactly, whatever they hold.
public enum CorpusStoreConformance {
    /// Every `DocumentStore` is a `CorpusStore`; the checks add documents and save annotations too.
    public typealias Store = any DocumentStore
    public typealias Problems = DocumentStoreConformance.Problems
    public typealias Check = ConformanceCheck<Store>

    /// Every check, in a stable order.
    public static let checks: [Check] = [
        Check(name: "two annotation claims at once get disjoint documents, oldest first", body: disjointClaims),
        Check(name: "a lapsed annotation claim is given out again", body: lapsedAnnotationClaim),
        Check(name: "saving annotations ends the claim and queues the document for a story", body: annotationEndsClaim),
        Check(name: "documents await stories oldest first and leave once placed", body: awaitingStories),
        Check(name: "documents by id keep the order asked and leave out unknown ids", body: documentsByID),
        Check(name: "an applied update is visible to every query", body: updateVisible),
        Check(name: "a stale generation returns false and changes nothing", body: staleGeneration),
        Check(name: "of concurrent updates from one generation exactly one applies", body: concurrentUpdates),
        Check(name: "workers that reload and retry lose and double no assignment", body: retryingWorkers),
        Check(name: "a merge moves the documents and the merged story goes", body: storyMerge),
        Check(name: "a copy-group merge moves every document of the group", body: copyGroupMerge),
        Check(name: "a topic merge moves every story of the topic, written in the update or not", body: topicMerge),
        Check(name: "placing a placed document again moves it", body: replacement),
        Check(name: "removed stories and topics go with their index keys", body: removals),
        Check(name: "named values round-trip byte for byte and are replaced", body: valuesRoundTrip),
        Check(name: "story rows by overlapping days", body: storyRowsByDays),
        Check(name: "story rows by keys: day filter, limit, latest first", body: storyRowsByKeys),
        Check(name: "topic rows from a last day", body: topicRowsFromDay),
        Check(name: "copy candidates share a band key", body: copyCandidateLookup),
        Check(name: "stale stories are claimed, compared, and stale again after a change", body: staleStoryVersions),
        Check(name: "stale-story claims are disjoint and lapse", body: staleStoryClaims),
        Check(name: "a story's document ids oldest first within the limit", body: storyDocuments),
        Check(name: "story results only for stories that have them", body: storyResultsLookup),
        Check(name: "stories by query: ids, topic, days, documents, paging, largest first", body: storyQueries),
        Check(name: "topics by id or the largest", body: topicQueries),
        Check(name: "the stories of documents", body: storiesOfDocuments),
        Check(name: "copy groups of documents", body: copyGroupsOfDocuments),
        Check(name: "corpus counts", body: counts),
    ]

    // MARK: Fixtures

    /// An invented article, unannotated.
    static func article(_ seed: String) -> Document {
        DocumentStoreConformance.document(
            "corpus-\(seed)", title: "Ferry timetable \(seed)",
            paragraphs: ["The ferry to Kelmarsh Island sails at \(seed.count + 6) o'clock from pier \(seed).",
                         "Harbour master Ines Valdor said the \(seed) crossing would resume on Monday."])
    }

    /// An invented article with (small, real-looking) annotations.
    static func annotatedArticle(_ seed: String) -> Document {
        var document = article(seed)
        document.annotations = annotations(for: document)
        return document
    }

    static func annotations(for document: Document) -> Annotations {
        let person = Entity(id: "person:ines-valdor", name: "Ines Valdor", type: .person, aliases: ["Ines Valdor"])
        return Annotations(sentences: [Sentence(range: 0..<document.text.utf8.count)],
                           mentions: [EntityMention(range: 0..<3, type: .person, entity: person.id)], entities: [person])
    }

    static func addAnnotated(_ count: Int, _ prefix: String, to store: Store) async throws -> [Document] {
        var documents: [Document] = []
        for i in 0..<count {
            let document = annotatedArticle("\(prefix)\(i)")
            _ = try await store.add(document)
            documents.append(document)
        }
        return documents
    }

    static func story(_ id: String, topic: String = "t1", size: Int = 1, days: ClosedRange<Int>, keys: [Int64] = [],
                      profile: [UInt8]? = nil) -> StoryRow {
        StoryRow(story: StoredStory(id: id, topic: topic, title: "Story \(id)", size: size,
                                    first: isoDay(days.lowerBound), last: isoDay(days.upperBound),
                                    firstDay: days.lowerBound, lastDay: days.upperBound,
                                    keywords: ["ferry", id], entities: ["Ines Valdor"]),
                 profile: profile ?? Array("profile of \(id)".utf8) + [0, 255, 7], indexKeys: keys)
    }

    static func topic(_ id: String, size: Int = 1, stories: Int = 1, days: ClosedRange<Int>, keys: [Int64] = []) -> TopicRow {
        TopicRow(topic: StoredTopic(id: id, title: "Topic \(id)", size: size, stories: stories, firstDay: days.lowerBound,
                                    lastDay: days.upperBound, keywords: ["harbour"], entities: ["Kelmarsh Island"]),
                 profile: [1, 0, 2, 0, 3] + Array(id.utf8), indexKeys: keys)
    }

    static func placement(_ document: Document, _ story: String, day: Int, group: String? = nil,
                          bands: [Int64] = []) -> CorpusDocumentRow {
        CorpusDocumentRow(document: document.id, story: story, day: day, copyGroup: group ?? document.id,
                          signature: signature(document), bands: bands)
    }

    static func signature(_ document: Document) -> [UInt8] {
        Array(document.id.utf8) + [0, 0x80, 0xff]
    }

    /// The ISO 8601 day `day` days after 1970-01-01.
    static func isoDay(_ day: Int) -> String {
        let date = Date(timeIntervalSince1970: Double(day) * 86_400)
        return date.formatted(.iso8601.year().month().day())
    }

    /// Reads the generation, applies `update`, and notes a refusal.
    @discardableResult
    static func apply(_ update: CorpusUpdate, to store: Store, _ p: inout Problems, _ what: String) async throws -> Bool {
        let generation = try await store.corpusGeneration()
        let applied = try await store.applyCorpusUpdate(update, generation: generation)
        p.expect(applied, "\(what): the update at the current generation \(generation) was refused")
        return applied
    }

    static func ids(_ rows: [StoryRow]) -> [String] { rows.map(\.story.id) }

    // MARK: Annotation queue

    static func disjointClaims(_ store: Store, _ p: inout Problems) async throws {
        let plain = (0..<6).map { article("claim\($0)") }
        for document in plain { _ = try await store.add(document) }
        _ = try await store.add(annotatedArticle("claim-done"))
        async let first = store.claimDocumentsForAnnotation(limit: 3, seconds: 60)
        async let second = store.claimDocumentsForAnnotation(limit: 3, seconds: 60)
        let (a, b) = try await (first.map(\.id), second.map(\.id))
        p.expect(a.count == 3 && b.count == 3, "two claims of 3 got \(a.count) and \(b.count) documents")
        p.expect(Set(a).isDisjoint(with: b), "two claims at once shared documents: \(a) and \(b)")
        p.expect(Set(a + b) == Set(plain.map(\.id)), "the claims \(a + b) are not the 6 unannotated documents")
        let order = plain.map(\.id)
        for claim in [a, b] {
            let positions = claim.compactMap { order.firstIndex(of: $0) }
            p.expect(positions == positions.sorted(), "a claim is not oldest first: \(claim)")
        }
        let third = try await store.claimDocumentsForAnnotation(limit: 10, seconds: 60)
        p.expect(third.isEmpty, "a third claim got claimed or annotated documents: \(third.map(\.id))")
        let single = try await store.claimDocumentsForAnnotation(limit: 0, seconds: 60)
        p.expect(single.isEmpty, "a claim of 0 got \(single.count) documents")
    }

    static func lapsedAnnotationClaim(_ store: Store, _ p: inout Problems) async throws {
        let documents = (0..<3).map { article("lapse\($0)") }
        for document in documents { _ = try await store.add(document) }
        let claimedAt = Date()
        let first = try await store.claimDocumentsForAnnotation(limit: 2, seconds: 2)
        p.expect(first.map(\.id) == documents.prefix(2).map(\.id), "the first claim got \(first.map(\.id))")
        p.expect(first.first == documents.first, "a claimed document does not round-trip")
        let during = try await store.claimDocumentsForAnnotation(limit: 5, seconds: 2)
        // On a machine so busy that the claim lapsed already, there is nothing to check here.
        if Date().timeIntervalSince(claimedAt) < 1.9 {
            p.expect(during.map(\.id) == [documents[2].id], "while claimed, a claim got \(during.map(\.id))")
        }
        try await Task.sleep(for: .milliseconds(2_200))
        let after = try await store.claimDocumentsForAnnotation(limit: 5, seconds: 60)
        p.expect(after.map(\.id) == documents.map(\.id), "after the claims lapsed, a claim got \(after.map(\.id))")
    }

    static func annotationEndsClaim(_ store: Store, _ p: inout Problems) async throws {
        let documents = (0..<3).map { article("end\($0)") }
        for document in documents { _ = try await store.add(document) }
        let claimed = try await store.claimDocumentsForAnnotation(limit: 3, seconds: 1)
        p.expect(claimed.count == 3, "claimed \(claimed.count) of 3")
        let awaitingBefore = try await store.documentsAwaitingStories(limit: 10)
        p.expect(awaitingBefore.isEmpty, "unannotated documents await stories: \(awaitingBefore.map(\.id))")
        let annotations = annotations(for: documents[1])
        try await store.saveAnnotations(annotations, forDocument: documents[1].id)
        let awaiting = try await store.documentsAwaitingStories(limit: 10)
        p.expect(awaiting.map(\.id) == [documents[1].id], "after one annotation, awaiting: \(awaiting.map(\.id))")
        p.expect(awaiting.first?.annotations == annotations, "the awaiting document lacks its annotations")
        try await Task.sleep(for: .milliseconds(1_600))
        let again = try await store.claimDocumentsForAnnotation(limit: 5, seconds: 60)
        p.expect(again.map(\.id) == [documents[0].id, documents[2].id],
                 "after the claims lapsed, the annotated document was claimed again or others were not: \(again.map(\.id))")
        // Annotating twice queues once.
        try await store.saveAnnotations(annotations, forDocument: documents[1].id)
        let once = try await store.documentsAwaitingStories(limit: 10)
        p.expect(once.map(\.id) == [documents[1].id], "annotating twice queued \(once.map(\.id))")
        let counts = try await store.corpusCounts()
        p.expect(counts.documents == 3 && counts.annotated == 1, "counts after one annotation: \(counts)")
    }

    static func awaitingStories(_ store: Store, _ p: inout Problems) async throws {
        let documents = try await addAnnotated(4, "await", to: store)
        _ = try await store.add(article("await-plain"))
        let all = try await store.documentsAwaitingStories(limit: 10)
        p.expect(all.map(\.id) == documents.map(\.id), "awaiting \(all.map(\.id)), expected ingest order \(documents.map(\.id))")
        p.expect(all.first == documents.first, "an awaiting document does not round-trip")
        let two = try await store.documentsAwaitingStories(limit: 2)
        p.expect(two.map(\.id) == documents.prefix(2).map(\.id), "the first two awaiting are \(two.map(\.id))")
        var update = CorpusUpdate()
        update.documents = [placement(documents[0], "s1", day: 100), placement(documents[2], "s1", day: 101)]
        update.stories = [story("s1", size: 2, days: 100...101)]
        try await apply(update, to: store, &p, "placing two")
        let left = try await store.documentsAwaitingStories(limit: 10)
        p.expect(left.map(\.id) == [documents[1].id, documents[3].id], "after placing two, awaiting \(left.map(\.id))")
        // Annotating a placed document again does not queue it again.
        try await store.saveAnnotations(annotations(for: documents[0]), forDocument: documents[0].id)
        let still = try await store.documentsAwaitingStories(limit: 10)
        p.expect(still.map(\.id) == [documents[1].id, documents[3].id], "re-annotating a placed document queued it: \(still.map(\.id))")
    }

    static func documentsByID(_ store: Store, _ p: inout Problems) async throws {
        let documents = try await addAnnotated(3, "byid", to: store)
        let unknown = documents.map(\.id).contains("ffffffffffff") ? "000000000000" : "ffffffffffff"
        let found = try await store.documents(ids: [documents[2].id, unknown, documents[0].id])
        p.expect(found == [documents[2], documents[0]], "documents(ids:) gave \(found.map(\.id))")
        let none = try await store.documents(ids: [])
        p.expect(none.isEmpty, "documents(ids: []) gave \(none.count)")
    }

    // MARK: Updates

    static func updateVisible(_ store: Store, _ p: inout Problems) async throws {
        let documents = try await addAnnotated(3, "visible", to: store)
        let start = try await store.corpusGeneration()
        p.expect(start == 0, "a fresh library's generation is \(start)")
        var update = CorpusUpdate()
        update.documents = [placement(documents[0], "s1", day: 200, bands: [11, 12, 13]),
                            placement(documents[1], "s1", day: 201, group: documents[0].id, bands: [11, 14]),
                            placement(documents[2], "s2", day: 205, bands: [15])]
        update.stories = [story("s1", topic: "t1", size: 2, days: 200...201, keys: [7, 8]),
                          story("s2", topic: "t1", size: 1, days: 205...205, keys: [8, 9])]
        update.topics = [topic("t1", size: 3, stories: 2, days: 200...205, keys: [70])]
        update.values = ["terms": [9, 8, 7], "settings": Array("{}".utf8)]
        let applied = try await store.applyCorpusUpdate(update, generation: 0)
        p.expect(applied, "the first update at generation 0 was refused")
        let generation = try await store.corpusGeneration()
        p.expect(generation == 1, "generation after one update is \(generation)")
        let rows = try await store.storyRows(overlapping: 0...1_000).sorted { $0.story.id < $1.story.id }
        p.expect(rows.map(\.story) == update.stories.map(\.story), "stored stories \(rows.map(\.story))")
        p.expect(rows.map(\.profile) == update.stories.map(\.profile), "story profiles did not round-trip")
        p.expect(rows.map { Set($0.indexKeys) } == [[7, 8], [8, 9]], "story keys \(rows.map(\.indexKeys))")
        let topics = try await store.topicRows(lastDayFrom: 0)
        p.expect(topics == update.topics, "stored topics \(topics)")
        let candidates = try await store.copyCandidates(bands: [11])
        p.expect(Set(candidates.map(\.document)) == [documents[0].id, documents[1].id], "candidates of band 11: \(candidates)")
        p.expect(candidates.allSatisfy { $0.copyGroup == documents[0].id }, "copy groups of the candidates: \(candidates)")
        let of = try await store.storiesOf(documents: documents.map(\.id))
        p.expect(of == [documents[0].id: "s1", documents[1].id: "s1", documents[2].id: "s2"], "stories of documents: \(of)")
        let ids = try await store.storyDocumentIDs("s1", limit: 10)
        p.expect(ids == [documents[0].id, documents[1].id], "documents of s1: \(ids)")
        let terms = try await store.corpusValue("terms")
        p.expect(terms == [9, 8, 7], "value terms: \(String(describing: terms))")
        let listed = try await store.stories(StoryQuery())
        p.expect(listed.map(\.id) == ["s1", "s2"], "listed stories \(listed.map(\.id))")
        let counts = try await store.corpusCounts()
        p.expect(counts == CorpusCounts(documents: 3, annotated: 3, placed: 3, stories: 2, topics: 1, staleStories: 2),
                 "counts \(counts)")
        let awaiting = try await store.documentsAwaitingStories(limit: 10)
        p.expect(awaiting.isEmpty, "placed documents still await stories: \(awaiting.map(\.id))")
        let empty = try await store.applyCorpusUpdate(CorpusUpdate(), generation: 1)
        let after = try await store.corpusGeneration()
        p.expect(empty && after == 2, "an empty update: applied \(empty), generation \(after)")
    }

    static func staleGeneration(_ store: Store, _ p: inout Problems) async throws {
        let documents = try await addAnnotated(2, "stale", to: store)
        var first = CorpusUpdate()
        first.documents = [placement(documents[0], "s1", day: 10, bands: [1])]
        first.stories = [story("s1", days: 10...10, keys: [5])]
        first.topics = [topic("t1", days: 10...10)]
        first.values = ["terms": [1]]
        try await apply(first, to: store, &p, "the first update")
        var late = CorpusUpdate()
        late.documents = [placement(documents[1], "s2", day: 11, bands: [1])]
        late.merges = [(from: "s1", into: "s2")]
        late.copyGroupMerges = [(from: documents[0].id, into: documents[1].id)]
        late.stories = [story("s2", size: 2, days: 10...11, keys: [5]), story("s1", size: 9, days: 1...30)]
        late.removedTopics = ["t1"]
        late.topics = [topic("t2", days: 10...11)]
        late.values = ["terms": [2], "other": [3]]
        let applied = try await store.applyCorpusUpdate(late, generation: 0)
        p.expect(!applied, "an update at the stale generation 0 was applied")
        let generation = try await store.corpusGeneration()
        p.expect(generation == 1, "a refused update moved the generation to \(generation)")
        let rows = try await store.storyRows(overlapping: 0...100)
        p.expect(rows.map(\.story) == first.stories.map(\.story), "stories after a refused update: \(rows.map(\.story))")
        let topics = try await store.topicRows(lastDayFrom: 0)
        p.expect(topics == first.topics, "topics after a refused update: \(topics.map(\.topic.id))")
        let of = try await store.storiesOf(documents: documents.map(\.id))
        p.expect(of == [documents[0].id: "s1"], "placements after a refused update: \(of)")
        let candidates = try await store.copyCandidates(bands: [1])
        p.expect(candidates.map(\.document) == [documents[0].id] && candidates.first?.copyGroup == documents[0].id,
                 "copy candidates after a refused update: \(candidates)")
        let terms = try await store.corpusValue("terms")
        let other = try await store.corpusValue("other")
        p.expect(terms == [1] && other == nil, "values after a refused update: \(String(describing: terms)), \(String(describing: other))")
        let awaiting = try await store.documentsAwaitingStories(limit: 10)
        p.expect(awaiting.map(\.id) == [documents[1].id], "awaiting after a refused update: \(awaiting.map(\.id))")
        let ahead = try await store.applyCorpusUpdate(late, generation: 5)
        p.expect(!ahead, "an update at a generation ahead of the library's was applied")
    }

    static func concurrentUpdates(_ store: Store, _ p: inout Problems) async throws {
        let documents = try await addAnnotated(1, "race", to: store)
        let document = documents[0]
        let writers = 12
        let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for i in 0..<writers {
                group.addTask {
                    var update = CorpusUpdate()
                    update.documents = [placement(document, "race-\(i)", day: 50, bands: [Int64(1_000 + i)])]
                    update.stories = [story("race-\(i)", days: 50...50, keys: [Int64(i)])]
                    update.values = ["winner": [UInt8(i)]]
                    return (i, try await store.applyCorpusUpdate(update, generation: 0))
                }
            }
            return try await group.reduce(into: [(Int, Bool)]()) { $0.append($1) }
        }
        let winners = outcomes.filter(\.1).map(\.0)
        p.expect(winners.count == 1, "\(writers) concurrent updates at generation 0: \(winners.count) applied (\(winners))")
        let generation = try await store.corpusGeneration()
        p.expect(generation == 1, "generation after the race is \(generation)")
        guard let winner = winners.first else { return }
        let of = try await store.storiesOf(documents: [document.id])
        p.expect(of == [document.id: "race-\(winner)"], "the document's story is \(of), the winner was race-\(winner)")
        let stories = try await store.stories(StoryQuery())
        p.expect(stories.map(\.id) == ["race-\(winner)"], "stories after the race: \(stories.map(\.id))")
        let value = try await store.corpusValue("winner")
        p.expect(value == [UInt8(winner)], "the value is the loser's: \(String(describing: value))")
        let candidates = try await store.copyCandidates(bands: (0..<writers).map { Int64(1_000 + $0) })
        p.expect(candidates.count == 1, "the race left \(candidates.count) copy candidates")
        let counts = try await store.corpusCounts()
        p.expect(counts.placed == 1 && counts.stories == 1, "counts after the race: \(counts)")
    }

    static func retryingWorkers(_ store: Store, _ p: inout Problems) async throws {
        let documents = try await addAnnotated(8, "retry", to: store)
        // Each worker places one document into a shared story, reloading its size each time it loses.
        let attempts = try await withThrowingTaskGroup(of: Int.self) { group in
            for (i, document) in documents.enumerated() {
                group.addTask {
                    var tries = 0
                    while true {
                        tries += 1
                        let generation = try await store.corpusGeneration()
                        let size = try await store.stories(StoryQuery(ids: ["shared"])).first?.size ?? 0
                        var update = CorpusUpdate()
                        update.documents = [placement(document, "shared", day: 300 + i)]
                        update.stories = [story("shared", size: size + 1, days: 300...307)]
                        if try await store.applyCorpusUpdate(update, generation: generation) { return tries }
                        if tries > 200 { return tries }
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        p.expect(attempts.allSatisfy { $0 <= 200 }, "a worker never got its update in: \(attempts)")
        let generation = try await store.corpusGeneration()
        p.expect(generation == documents.count, "generation \(generation) after \(documents.count) applied updates")
        let shared = try await store.stories(StoryQuery(ids: ["shared"])).first
        p.expect(shared?.size == documents.count, "the shared story counts \(shared?.size ?? 0) documents (lost updates)")
        let ids = try await store.storyDocumentIDs("shared", limit: 100)
        p.expect(Set(ids) == Set(documents.map(\.id)) && ids.count == documents.count, "the shared story holds \(ids)")
    }

    static func storyMerge(_ store: Store, _ p: inout Problems) async throws {
        let documents = try await addAnnotated(4, "merge", to: store)
        var first = CorpusUpdate()
        first.documents = [placement(documents[0], "a", day: 20), placement(documents[1], "a", day: 21),
                           placement(documents[2], "b", day: 22), placement(documents[3], "c", day: 23)]
        first.stories = [story("a", size: 2, days: 20...21, keys: [1, 2]), story("b", size: 1, days: 22...22, keys: [3]),
                         story("c", size: 1, days: 23...23, keys: [4])]
        try await apply(first, to: store, &p, "three stories")
        let before = try await store.stories(StoryQuery(ids: ["a"])).first?.version ?? -1
        var merge = CorpusUpdate()
        merge.merges = [(from: "b", into: "a")]
        try await apply(merge, to: store, &p, "merging b into a")
        let of = try await store.storiesOf(documents: documents.map(\.id))
        p.expect(of == [documents[0].id: "a", documents[1].id: "a", documents[2].id: "a", documents[3].id: "c"],
                 "after merging b into a: \(of)")
        let members = try await store.storyDocumentIDs("a", limit: 10)
        p.expect(members == documents.prefix(3).map(\.id), "the documents of a after the merge: \(members)")
        let gone = try await store.stories(StoryQuery(ids: ["b"]))
        p.expect(gone.isEmpty, "the merged story b is still listed")
        let byKey = try await store.storyRows(keys: [3], overlapping: 0...100, limit: 10)
        p.expect(byKey.isEmpty, "the merged story's key still finds \(ids(byKey))")
        let after = try await store.stories(StoryQuery(ids: ["a"])).first?.version ?? -1
        p.expect(after > before, "the story merged into kept version \(after), so its comparison is not redone")
        // Chained merges in one update: c into a, then a into z (a new story written by the same update).
        var chain = CorpusUpdate()
        chain.merges = [(from: "c", into: "a"), (from: "a", into: "z")]
        chain.stories = [story("z", size: 4, days: 20...23, keys: [1])]
        try await apply(chain, to: store, &p, "chained merges")
        let chained = try await store.storiesOf(documents: documents.map(\.id))
        p.expect(Set(chained.values) == ["z"] && chained.count == 4, "after chained merges: \(chained)")
        let listed = try await store.stories(StoryQuery())
        p.expect(listed.map(\.id) == ["z"], "stories after chained merges: \(listed.map(\.id))")
        let counts = try await store.corpusCounts()
        p.expect(counts.stories == 1 && counts.placed == 4, "counts after merges: \(counts)")
    }

    static func copyGroupMerge(_ store: Store, _ p: inout Problems) async throws {
        let d = try await addAnnotated(5, "copy", to: store)
        var first = CorpusUpdate()
        first.documents = [placement(d[0], "s", day: 1, bands: [100]), placement(d[1], "s", day: 2, group: d[0].id, bands: [100]),
                           placement(d[2], "s", day: 3, bands: [200]), placement(d[3], "s", day: 4, group: d[2].id, bands: [200]),
                           placement(d[4], "s", day: 5, bands: [300])]
        first.stories = [story("s", size: 5, days: 1...5)]
        try await apply(first, to: store, &p, "two copy groups")
        let before = try await store.copyGroups(of: [d[0].id, d[3].id, d[4].id])
        p.expect(Set(before) == [[d[0].id, d[1].id], [d[2].id, d[3].id]], "copy groups before the merge: \(before)")
        var merge = CorpusUpdate()
        merge.copyGroupMerges = [(from: d[2].id, into: d[0].id)]
        try await apply(merge, to: store, &p, "merging copy groups")
        let after = try await store.copyGroups(of: [d[3].id])
        p.expect(after == [[d[0].id, d[1].id, d[2].id, d[3].id]], "copy groups after the merge: \(after)")
        let candidates = try await store.copyCandidates(bands: [200])
        p.expect(Set(candidates.map(\.document)) == [d[2].id, d[3].id] && candidates.allSatisfy { $0.copyGroup == d[0].id },
                 "candidates of the merged group: \(candidates)")
        let single = try await store.copyGroups(of: [d[4].id])
        p.expect(single.isEmpty, "a document alone in its group is a copy group: \(single)")
    }

    static func replacement(_ store: Store, _ p: inout Problems) async throws {
        let d = try await addAnnotated(2, "again", to: store)
        var first = CorpusUpdate()
        first.documents = [placement(d[0], "a", day: 1, bands: [1]), placement(d[1], "a", day: 2, bands: [2])]
        first.stories = [story("a", size: 2, days: 1...2)]
        try await apply(first, to: store, &p, "placing two")
        var split = CorpusUpdate()
        split.documents = [placement(d[1], "b", day: 2, bands: [2])]
        split.stories = [story("a", size: 1, days: 1...1), story("b", size: 1, days: 2...2)]
        try await apply(split, to: store, &p, "moving one")
        let of = try await store.storiesOf(documents: d.map(\.id))
        p.expect(of == [d[0].id: "a", d[1].id: "b"], "after moving one: \(of)")
        let counts = try await store.corpusCounts()
        p.expect(counts.placed == 2, "placed \(counts.placed) after moving a document, expected 2")
        let candidates = try await store.copyCandidates(bands: [2])
        p.expect(candidates.map(\.document) == [d[1].id], "candidates after moving: \(candidates)")
    }

    static func topicMerge(_ store: Store, _ p: inout Problems) async throws {
        var first = CorpusUpdate()
        first.stories = [story("old", topic: "tb", days: 1...2), story("open", topic: "tb", days: 30...31),
                         story("other", topic: "ta", days: 30...30)]
        first.topics = [topic("ta", days: 30...30, keys: [61]), topic("tb", stories: 2, days: 1...31, keys: [62])]
        try await apply(first, to: store, &p, "two topics")
        let before = try await store.stories(StoryQuery(ids: ["old"])).first?.version
        // The window merges tb into ta: it writes ta and the story it holds ("open"); "old" left it.
        var merge = CorpusUpdate()
        merge.topicMerges = [(from: "tb", into: "ta")]
        merge.removedTopics = ["tb"]
        merge.topics = [topic("ta", size: 3, stories: 3, days: 1...31, keys: [61, 62])]
        merge.stories = [story("open", topic: "ta", days: 30...31)]
        try await apply(merge, to: store, &p, "merging the topics")
        let inA = try await store.stories(StoryQuery(topic: "ta"))
        p.expect(Set(inA.map(\.id)) == ["old", "open", "other"], "stories of the merged topic: \(inA.map(\.id))")
        let inB = try await store.stories(StoryQuery(topic: "tb"))
        p.expect(inB.isEmpty, "stories left in the topic merged away: \(inB.map(\.id))")
        let topics = try await store.topics(ids: nil, limit: 10)
        p.expect(topics.map(\.id) == ["ta"], "topics after the merge: \(topics.map(\.id))")
        let after = try await store.stories(StoryQuery(ids: ["old"])).first?.version
        p.expect(before == after, "moving a story to another topic changed its version (\(String(describing: before)) -> \(String(describing: after)))")
    }

    static func removals(_ store: Store, _ p: inout Problems) async throws {
        let d = try await addAnnotated(1, "remove", to: store)
        var first = CorpusUpdate()
        first.documents = [placement(d[0], "keep", day: 5)]
        first.stories = [story("gone", days: 1...9, keys: [41, 42]), story("keep", days: 1...9, keys: [42])]
        first.topics = [topic("tgone", days: 1...9, keys: [51]), topic("tkeep", days: 1...9, keys: [52])]
        try await apply(first, to: store, &p, "two stories and topics")
        var removal = CorpusUpdate()
        removal.removedStories = ["gone"]
        removal.removedTopics = ["tgone"]
        try await apply(removal, to: store, &p, "removing one of each")
        let byKey = try await store.storyRows(keys: [41, 42], overlapping: 0...100, limit: 10)
        p.expect(ids(byKey) == ["keep"], "stories by the removed story's keys: \(ids(byKey))")
        let rows = try await store.storyRows(overlapping: 0...100)
        p.expect(ids(rows) == ["keep"], "stories after removal: \(ids(rows))")
        let topics = try await store.topicRows(lastDayFrom: 0)
        p.expect(topics.map(\.topic.id) == ["tkeep"] && topics.first?.indexKeys == [52], "topics after removal: \(topics)")
        let listed = try await store.topics(ids: nil, limit: 10)
        p.expect(listed.map(\.id) == ["tkeep"], "listed topics after removal: \(listed.map(\.id))")
        let counts = try await store.corpusCounts()
        p.expect(counts.stories == 1 && counts.topics == 1, "counts after removal: \(counts)")
        // A removed story may come back under its id: fresh, keys of its own.
        var back = CorpusUpdate()
        back.stories = [story("gone", days: 3...3, keys: [43])]
        try await apply(back, to: store, &p, "the story again")
        let again = try await store.storyRows(keys: [41, 43], overlapping: 0...100, limit: 10)
        p.expect(ids(again) == ["gone"] && again.first?.indexKeys == [43], "a story written again: \(again)")
    }

    static func valuesRoundTrip(_ store: Store, _ p: inout Problems) async throws {
        let bytes = (0...255).map { UInt8($0) } + [0, 0, 255]
        var update = CorpusUpdate()
        update.values = ["all bytes": bytes, "empty": [], "ünïcode näme": [42]]
        try await apply(update, to: store, &p, "values")
        for (name, value) in update.values {
            let stored = try await store.corpusValue(name)
            p.expect(stored == value, "value \(name) came back as \(String(describing: stored?.prefix(8)))")
        }
        let missing = try await store.corpusValue("never written")
        p.expect(missing == nil, "an unwritten value is \(String(describing: missing))")
        var replace = CorpusUpdate()
        replace.values = ["all bytes": [1, 2]]
        try await apply(replace, to: store, &p, "replacing a value")
        let replaced = try await store.corpusValue("all bytes")
        let kept = try await store.corpusValue("ünïcode näme")
        p.expect(replaced == [1, 2] && kept == [42], "after replacing one value: \(String(describing: replaced)), \(String(describing: kept))")
        // Profiles and signatures may be empty too.
        let d = try await addAnnotated(1, "values", to: store)
        var empty = CorpusUpdate()
        empty.documents = [CorpusDocumentRow(document: d[0].id, story: "e", day: 0, copyGroup: d[0].id, signature: [], bands: [9])]
        empty.stories = [story("e", days: 0...0, profile: [])]
        try await apply(empty, to: store, &p, "empty bytes")
        let rows = try await store.storyRows(overlapping: 0...0)
        p.expect(rows.first?.profile == [], "an empty profile came back as \(String(describing: rows.first?.profile))")
        let candidates = try await store.copyCandidates(bands: [9])
        p.expect(candidates.first?.signature == [], "an empty signature came back as \(String(describing: candidates.first?.signature))")
    }

    // MARK: Index queries

    static func storyRowsByDays(_ store: Store, _ p: inout Problems) async throws {
        var update = CorpusUpdate()
        update.stories = [story("early", days: 10...19), story("middle", days: 20...29), story("late", days: 30...39),
                          story("long", days: 5...45)]
        try await apply(update, to: store, &p, "four stories")
        for (days, expected) in [(20...29, ["long", "middle"]), (19...20, ["early", "long", "middle"]),
                                 (40...50, ["long"]), (46...50, []), (0...4, []), (39...39, ["late", "long"]),
                                 (0...100, ["early", "late", "long", "middle"])] {
            let rows = try await store.storyRows(overlapping: days)
            p.expect(ids(rows).sorted() == expected, "stories overlapping \(days): \(ids(rows).sorted()), expected \(expected)")
        }
        let one = try await store.storyRows(overlapping: 12...12).first { $0.story.id == "early" }
        p.expect(one == update.stories[0], "a story row does not round-trip: \(String(describing: one))")
    }

    static func storyRowsByKeys(_ store: Store, _ p: inout Problems) async throws {
        var update = CorpusUpdate()
        update.stories = [story("old", days: 1...5, keys: [1]), story("mid", days: 8...12, keys: [1, 2]),
                          story("new", days: 14...18, keys: [2]), story("future1", days: 40...41, keys: [1, 2]),
                          story("future2", days: 50...51, keys: [1]), story("other", days: 8...12, keys: [3])]
        try await apply(update, to: store, &p, "six stories")
        let all = try await store.storyRows(keys: [1, 2], overlapping: 0...100, limit: 10)
        p.expect(ids(all) == ["future2", "future1", "new", "mid", "old"], "all by keys 1 and 2, latest first: \(ids(all))")
        // Stories after the window must not crowd the window's stories out of the limit.
        let window = try await store.storyRows(keys: [1, 2], overlapping: 4...15, limit: 2)
        p.expect(ids(window) == ["new", "mid"], "keys 1, 2 within days 4...15, limit 2: \(ids(window))")
        let limited = try await store.storyRows(keys: [1, 2], overlapping: 4...15, limit: 3)
        p.expect(ids(limited) == ["new", "mid", "old"], "keys 1, 2 within days 4...15, limit 3: \(ids(limited))")
        let before = try await store.storyRows(keys: [1], overlapping: 6...7, limit: 10)
        p.expect(before.isEmpty, "key 1 within days 6...7: \(ids(before))")
        let unknown = try await store.storyRows(keys: [99], overlapping: 0...100, limit: 10)
        p.expect(unknown.isEmpty, "an unknown key found \(ids(unknown))")
        let none = try await store.storyRows(keys: [], overlapping: 0...100, limit: 10)
        p.expect(none.isEmpty, "no keys found \(ids(none))")
        let row = all.first { $0.story.id == "mid" }
        p.expect(row?.story == update.stories[1].story && row?.profile == update.stories[1].profile
                    && Set(row?.indexKeys ?? []) == [1, 2], "a story found by key does not round-trip: \(String(describing: row))")
        // Updated stories are found under their new keys and days only.
        var change = CorpusUpdate()
        change.stories = [story("old", days: 1...16, keys: [3])]
        try await apply(change, to: store, &p, "re-keying a story")
        let moved = try await store.storyRows(keys: [1], overlapping: 0...30, limit: 10)
        p.expect(ids(moved) == ["mid"], "key 1 after re-keying: \(ids(moved))")
        let rekeyed = try await store.storyRows(keys: [3], overlapping: 13...30, limit: 10)
        p.expect(ids(rekeyed) == ["old"], "key 3 within days 13...30 after re-keying: \(ids(rekeyed))")
    }

    static func topicRowsFromDay(_ store: Store, _ p: inout Problems) async throws {
        var update = CorpusUpdate()
        update.topics = [topic("t-old", days: 1...10, keys: [1, 2]), topic("t-new", size: 4, stories: 2, days: 5...20, keys: [3])]
        try await apply(update, to: store, &p, "two topics")
        let from10 = try await store.topicRows(lastDayFrom: 10)
        p.expect(Set(from10.map(\.topic.id)) == ["t-old", "t-new"], "topics from day 10: \(from10.map(\.topic.id))")
        let from11 = try await store.topicRows(lastDayFrom: 11)
        p.expect(from11.map(\.topic) == [update.topics[1].topic] && from11.first?.profile == update.topics[1].profile
                    && from11.first?.indexKeys == [3], "topics from day 11: \(from11)")
        let old = from10.first { $0.topic.id == "t-old" }
        p.expect(Set(old?.indexKeys ?? []) == [1, 2], "topic keys: \(String(describing: old?.indexKeys))")
        let none = try await store.topicRows(lastDayFrom: 21)
        p.expect(none.isEmpty, "topics from day 21: \(none.map(\.topic.id))")
        var change = CorpusUpdate()
        change.topics = [topic("t-old", size: 7, stories: 3, days: 1...30, keys: [4])]
        try await apply(change, to: store, &p, "changing a topic")
        let changed = try await store.topicRows(lastDayFrom: 21)
        p.expect(changed == change.topics, "a changed topic: \(changed)")
    }

    static func copyCandidateLookup(_ store: Store, _ p: inout Problems) async throws {
        let d = try await addAnnotated(4, "band", to: store)
        var update = CorpusUpdate()
        update.documents = [placement(d[0], "s", day: 1, bands: [10, 20, 30]),
                            placement(d[1], "s", day: 2, group: d[0].id, bands: [10, 20, 31, 31]),
                            placement(d[2], "s", day: 3, bands: [40]), placement(d[3], "s", day: 4, bands: [])]
        update.stories = [story("s", size: 4, days: 1...4)]
        try await apply(update, to: store, &p, "placing four")
        let shared = try await store.copyCandidates(bands: [10, 20, 40, 10])
        p.expect(shared.count == 3 && Set(shared.map(\.document)) == [d[0].id, d[1].id, d[2].id],
                 "candidates of bands 10, 20, 40 (each once): \(shared.map(\.document))")
        for candidate in shared {
            let document = d.first { $0.id == candidate.document }!
            let group = candidate.document == d[2].id ? d[2].id : d[0].id
            p.expect(candidate.signature == signature(document) && candidate.copyGroup == group,
                     "candidate \(candidate.document): group \(candidate.copyGroup), signature \(candidate.signature)")
        }
        let one = try await store.copyCandidates(bands: [31])
        p.expect(one.map(\.document) == [d[1].id], "candidates of band 31: \(one.map(\.document))")
        let none = try await store.copyCandidates(bands: [99])
        let empty = try await store.copyCandidates(bands: [])
        p.expect(none.isEmpty && empty.isEmpty, "unknown or no bands found \(none + empty)")
        // Many bands at once, as a document's 21 and more.
        let many = try await store.copyCandidates(bands: (0..<2_000).map { Int64($0) * 10 })
        p.expect(Set(many.map(\.document)) == [d[0].id, d[1].id, d[2].id], "2,000 bands found \(many.map(\.document))")
    }

    // MARK: Comparison results

    static func staleStoryVersions(_ store: Store, _ p: inout Problems) async throws {
        var update = CorpusUpdate()
        update.stories = [story("s", days: 1...2)]
        try await apply(update, to: store, &p, "a story")
        let claimed = try await store.claimStaleStories(limit: 10, seconds: 60)
        p.expect(claimed.map(\.id) == ["s"], "a new story is not stale: claimed \(claimed.map(\.id))")
        guard let first = claimed.first else { return }
        p.expect(first.title == "Story s" && first.firstDay == 1 && first.lastDay == 2, "the claimed story: \(first)")
        let twice = try await store.claimStaleStories(limit: 10, seconds: 60)
        p.expect(twice.isEmpty, "a claimed story was claimed again: \(twice.map(\.id))")
        let stale = try await store.corpusCounts().staleStories
        p.expect(stale == 1, "stale stories before results: \(stale)")
        let saved = try await store.saveStoryResults(story: "s", version: first.version, results: [1, 2, 3])
        p.expect(saved, "results for the current version were refused")
        let fresh = try await store.corpusCounts().staleStories
        p.expect(fresh == 0, "stale stories after results: \(fresh)")
        let results = try await store.storyResults(stories: ["s"])
        p.expect(results == ["s": [1, 2, 3]], "results: \(results)")
        let listed = try await store.stories(StoryQuery(ids: ["s"]))
        p.expect(listed.map(\.resultsVersion) == [first.version], "results version listed: \(listed.map(\.resultsVersion))")
        // The story changes: stale again, with a newer version; results for the old one are refused.
        var change = CorpusUpdate()
        change.stories = [story("s", size: 2, days: 1...3)]
        try await apply(change, to: store, &p, "changing the story")
        let again = try await store.claimStaleStories(limit: 10, seconds: 60)
        p.expect(again.map(\.id) == ["s"], "a changed story is not stale: \(again.map(\.id))")
        let newer = again.first?.version ?? first.version
        p.expect(newer > first.version, "the changed story's version \(newer) is not above \(first.version)")
        let behind = try await store.stories(StoryQuery(ids: ["s"])).first
        p.expect(behind.map { $0.resultsVersion < $0.version } == true, "a changed story's results version is not behind its version")
        let late = try await store.saveStoryResults(story: "s", version: first.version, results: [9])
        p.expect(!late, "results for an old version were accepted")
        // A refused save ends its claim: the story can be claimed again at once.
        let reclaimed = try await store.claimStaleStories(limit: 10, seconds: 60)
        p.expect(reclaimed.map(\.id) == ["s"], "after a refused save, the story could not be claimed again: \(reclaimed.map(\.id))")
        let kept = try await store.storyResults(stories: ["s"])
        p.expect(kept == ["s": [1, 2, 3]], "refused results replaced the stored ones: \(kept)")
        let staleAfterLate = try await store.corpusCounts().staleStories
        p.expect(staleAfterLate == 1, "after refused results, stale stories: \(staleAfterLate)")
        let current = try await store.saveStoryResults(story: "s", version: newer, results: [4])
        let stored = try await store.storyResults(stories: ["s"])
        p.expect(current && stored == ["s": [4]], "results for the new version: \(current), \(stored)")
        let missing = try await store.saveStoryResults(story: "nowhere", version: 0, results: [1])
        p.expect(!missing, "results for a missing story were accepted")
        // A merge into the story makes it stale too.
        var other = CorpusUpdate()
        other.stories = [story("o", days: 2...2)]
        try await apply(other, to: store, &p, "another story")
        var merge = CorpusUpdate()
        merge.merges = [(from: "o", into: "s")]
        try await apply(merge, to: store, &p, "merging into the story")
        let merged = try await store.claimStaleStories(limit: 10, seconds: 60)
        p.expect(merged.map(\.id) == ["s"], "after a merge into it, stale: \(merged.map(\.id))")
    }

    static func staleStoryClaims(_ store: Store, _ p: inout Problems) async throws {
        var update = CorpusUpdate()
        update.stories = (0..<6).map { story("s\($0)", days: (10 + $0)...(10 + $0)) }
        try await apply(update, to: store, &p, "six stories")
        let claimedAt = Date()
        async let first = store.claimStaleStories(limit: 3, seconds: 2)
        async let second = store.claimStaleStories(limit: 3, seconds: 2)
        let (a, b) = try await (first.map(\.id), second.map(\.id))
        p.expect(a.count == 3 && b.count == 3 && Set(a).isDisjoint(with: b) && Set(a + b).count == 6,
                 "two stale-story claims at once: \(a) and \(b)")
        let none = try await store.claimStaleStories(limit: 10, seconds: 2)
        if Date().timeIntervalSince(claimedAt) < 1.9 {
            p.expect(none.isEmpty, "while claimed, a claim got \(none.map(\.id))")
        }
        _ = try await store.saveStoryResults(story: "s0", version: 0, results: [0])
        try await Task.sleep(for: .milliseconds(2_200))
        let lapsed = try await store.claimStaleStories(limit: 10, seconds: 60)
        p.expect(Set(lapsed.map(\.id)) == ["s1", "s2", "s3", "s4", "s5"], "after the claims lapsed: \(lapsed.map(\.id))")
    }

    static func storyDocuments(_ store: Store, _ p: inout Problems) async throws {
        let d = try await addAnnotated(5, "storydocs", to: store)
        var update = CorpusUpdate()
        update.documents = [placement(d[0], "s", day: 30), placement(d[1], "s", day: 10), placement(d[2], "other", day: 5),
                            placement(d[3], "s", day: 20), placement(d[4], "s", day: 10)]
        update.stories = [story("s", size: 4, days: 10...30), story("other", days: 5...5)]
        try await apply(update, to: store, &p, "placing five")
        let sameDay = [d[1].id, d[4].id].sorted()
        let all = try await store.storyDocumentIDs("s", limit: 10)
        p.expect(all == sameDay + [d[3].id, d[0].id], "the documents of s, oldest first: \(all)")
        let two = try await store.storyDocumentIDs("s", limit: 2)
        p.expect(two == sameDay, "the first two documents of s: \(two)")
        let none = try await store.storyDocumentIDs("nowhere", limit: 10)
        p.expect(none.isEmpty, "a missing story's documents: \(none)")
    }

    static func storyResultsLookup(_ store: Store, _ p: inout Problems) async throws {
        var update = CorpusUpdate()
        update.stories = [story("a", days: 1...1), story("b", days: 1...1), story("c", days: 1...1)]
        try await apply(update, to: store, &p, "three stories")
        let bytes = (0...255).map { UInt8($0) }
        _ = try await store.saveStoryResults(story: "a", version: 0, results: bytes)
        _ = try await store.saveStoryResults(story: "c", version: 0, results: [])
        let results = try await store.storyResults(stories: ["a", "b", "c", "nowhere"])
        p.expect(results == ["a": bytes, "c": []], "results of a, b, c: \(results.mapValues(\.count))")
        let none = try await store.storyResults(stories: [])
        p.expect(none.isEmpty, "results of no stories: \(none)")
    }

    // MARK: Listings

    static func storyQueries(_ store: Store, _ p: inout Problems) async throws {
        let d = try await addAnnotated(3, "query", to: store)
        var update = CorpusUpdate()
        update.documents = [placement(d[0], "big", day: 10), placement(d[1], "small", day: 40), placement(d[2], "big", day: 12)]
        update.stories = [story("big", topic: "t1", size: 5, days: 10...20), story("mid", topic: "t2", size: 3, days: 15...30),
                          story("small", topic: "t1", size: 1, days: 40...41), story("tie", topic: "t2", size: 3, days: 50...60)]
        try await apply(update, to: store, &p, "four stories")
        let queries: [(StoryQuery, [String], String)] = [
            (StoryQuery(), ["big", "mid", "tie", "small"], "all"),
            (StoryQuery(limit: 2), ["big", "mid"], "limit 2"),
            (StoryQuery(limit: 2, offset: 2), ["tie", "small"], "limit 2 offset 2"),
            (StoryQuery(offset: 10), [], "offset past the end"),
            (StoryQuery(ids: ["small", "big", "nowhere"]), ["big", "small"], "ids"),
            (StoryQuery(ids: []), [], "no ids"),
            (StoryQuery(topic: "t2"), ["mid", "tie"], "topic t2"),
            (StoryQuery(topic: "t9"), [], "an unknown topic"),
            (StoryQuery(days: 20...40), ["big", "mid", "small"], "days 20...40"),
            (StoryQuery(days: 31...39), [], "days 31...39"),
            (StoryQuery(documents: [d[1].id]), ["small"], "a document"),
            (StoryQuery(documents: [d[0].id, d[2].id, d[1].id]), ["big", "small"], "documents"),
            (StoryQuery(documents: []), [], "no documents"),
            (StoryQuery(topic: "t1", days: 0...30), ["big"], "topic and days"),
            (StoryQuery(ids: ["big", "mid", "small"], topic: "t1", limit: 1), ["big"], "ids, topic and limit"),
        ]
        for (query, expected, what) in queries {
            let stories = try await store.stories(query)
            p.expect(stories.map(\.id) == expected, "stories by \(what): \(stories.map(\.id)), expected \(expected)")
        }
        let big = try await store.stories(StoryQuery(ids: ["big"])).first
        var expected = update.stories[0].story
        expected.version = big?.version ?? 0
        p.expect(big == expected, "a listed story does not round-trip: \(String(describing: big))")
    }

    static func topicQueries(_ store: Store, _ p: inout Problems) async throws {
        var update = CorpusUpdate()
        update.topics = [topic("a", size: 2, days: 1...2), topic("b", size: 9, stories: 3, days: 1...9),
                         topic("c", size: 5, days: 3...4), topic("d", size: 5, days: 5...6)]
        try await apply(update, to: store, &p, "four topics")
        let largest = try await store.topics(ids: nil, limit: 3)
        p.expect(largest.map(\.id) == ["b", "c", "d"], "the three largest topics: \(largest.map(\.id))")
        p.expect(largest.first == update.topics[1].topic, "a listed topic does not round-trip: \(String(describing: largest.first))")
        let byID = try await store.topics(ids: ["a", "d", "nowhere"], limit: 10)
        p.expect(byID.map(\.id) == ["d", "a"], "topics a, d by id: \(byID.map(\.id))")
        let none = try await store.topics(ids: [], limit: 10)
        p.expect(none.isEmpty, "topics of no ids: \(none.map(\.id))")
    }

    static func storiesOfDocuments(_ store: Store, _ p: inout Problems) async throws {
        let d = try await addAnnotated(3, "of", to: store)
        var update = CorpusUpdate()
        update.documents = [placement(d[0], "a", day: 1), placement(d[1], "b", day: 1)]
        update.stories = [story("a", days: 1...1), story("b", days: 1...1)]
        try await apply(update, to: store, &p, "two placed")
        let of = try await store.storiesOf(documents: d.map(\.id) + ["ffffffffffff"])
        p.expect(of == [d[0].id: "a", d[1].id: "b"], "stories of documents: \(of)")
        let none = try await store.storiesOf(documents: [])
        p.expect(none.isEmpty, "stories of no documents: \(none)")
    }

    static func copyGroupsOfDocuments(_ store: Store, _ p: inout Problems) async throws {
        let d = try await addAnnotated(6, "groups", to: store)
        var update = CorpusUpdate()
        update.documents = [placement(d[0], "s", day: 5), placement(d[1], "s", day: 3, group: d[0].id),
                            placement(d[2], "t", day: 4, group: d[0].id), placement(d[3], "s", day: 1),
                            placement(d[4], "s", day: 2, group: d[3].id), placement(d[5], "s", day: 1)]
        update.stories = [story("s", size: 5, days: 1...5), story("t", days: 4...4)]
        try await apply(update, to: store, &p, "two copy groups")
        let first = try await store.copyGroups(of: [d[2].id])
        p.expect(first == [[d[1].id, d[2].id, d[0].id]], "the copy group of \(d[2].id), oldest first: \(first)")
        let both = try await store.copyGroups(of: [d[0].id, d[4].id, d[1].id, d[5].id])
        p.expect(Set(both) == [[d[1].id, d[2].id, d[0].id], [d[3].id, d[4].id]] && both.count == 2,
                 "the copy groups of four documents: \(both)")
        let alone = try await store.copyGroups(of: [d[5].id, "ffffffffffff"])
        p.expect(alone.isEmpty, "a document alone and an unknown one: \(alone)")
        let none = try await store.copyGroups(of: [])
        p.expect(none.isEmpty, "copy groups of no documents: \(none)")
    }

    static func counts(_ store: Store, _ p: inout Problems) async throws {
        let empty = try await store.corpusCounts()
        p.expect(empty == CorpusCounts(documents: 0, annotated: 0, placed: 0, stories: 0, topics: 0, staleStories: 0),
                 "an empty library's counts: \(empty)")
        let d = try await addAnnotated(3, "count", to: store)
        _ = try await store.add(article("count-plain"))
        var update = CorpusUpdate()
        update.documents = [placement(d[0], "a", day: 1), placement(d[1], "b", day: 1)]
        update.stories = [story("a", days: 1...1), story("b", days: 1...1)]
        update.topics = [topic("t", days: 1...1)]
        try await apply(update, to: store, &p, "two placed")
        _ = try await store.saveStoryResults(story: "a", version: 0, results: [1])
        let counts = try await store.corpusCounts()
        p.expect(counts == CorpusCounts(documents: 4, annotated: 3, placed: 2, stories: 2, topics: 1, staleStories: 1),
                 "counts: \(counts)")
    }
}

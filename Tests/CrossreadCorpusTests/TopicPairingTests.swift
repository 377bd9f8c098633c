@testable import CrossreadCorpus
import Testing

/// Kinds of event from WordNet, and topics paired by them.
@Suite struct TopicPairingTests {
    @Test func wordsOfOneKindShareKinds() throws {
        let kinds = EventKinds.standard
        #expect(kinds.count > 50_000)
        func of(_ word: String) throws -> Set<UInt32> { Set(try #require(kinds.kinds(ofLowercased: Array(word.utf8)))) }
        #expect(!(try of("firebomb")).isDisjoint(with: try of("bombs")))        // plural ending removed
        #expect(!(try of("slayings")).isDisjoint(with: try of("homicides")))
        #expect(!(try of("fled")).isDisjoint(with: try of("escaped")))          // irregular form from WordNet's list
        #expect((try of("firebomb")).isDisjoint(with: try of("election")))
        #expect(kinds.kinds(ofLowercased: Array("zqxwv".utf8)) == nil)
    }

    @Test func mutualClosestTopicsPairAndOthersStay() {
        // Kind sums of four one-document stories: 0 and 1 alike, 2 closest to 1 but 1 prefers 0, 3 unrelated.
        let none = [[UInt64: Double]](repeating: [:], count: 4)
        let sums: [[UInt64: Double]] = [
            [1: 0.8, 2: 0.6],
            [1: 0.7, 2: 0.5, 3: 0.5],
            [3: 0.6, 4: 0.8],
            [9: 1.0],
        ]
        let paired = TopicPairing(floor: 0.05, subjectFloor: 2).pair(groups: [[0], [1], [2], [3]], storySums: sums, subjectSums: none,
                                                                    storySizes: [1, 1, 1, 1])
        #expect(Set(paired) == [[0, 1], [2], [3]])
        // Above the floor only.
        let strict = TopicPairing(floor: 0.99, subjectFloor: 2).pair(groups: [[0], [1], [2], [3]], storySums: sums, subjectSums: none,
                                                                    storySizes: [1, 1, 1, 1])
        #expect(strict.count == 4)
        // Below the kind floor, a shared subject still pairs the two closest in kind, and only them.
        let subjects: [[UInt64: Double]] = [[7: 0.5], [7: 0.5], [7: 0.5], [7: 0.5]]
        let bySubject = TopicPairing(floor: 0.99, subjectFloor: 0.2).pair(groups: [[0], [1], [2], [3]], storySums: sums,
                                                                          subjectSums: subjects, storySizes: [1, 1, 1, 1])
        #expect(Set(bySubject) == [[0, 1], [2], [3]])
    }
}

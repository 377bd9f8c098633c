import CrossreadCore
import CrossreadLanguage
import Testing

@Suite struct LibraryEntityMatcherTests {
    let donald = Entity(id: "person:donald-trump", name: "Donald Trump", type: .person, aliases: ["Trump"])
    let melania = Entity(id: "person:melania-trump", name: "Melania Trump", type: .person)
    let trump = Entity(id: "person:trump", name: "Trump", type: .person, roles: ["President"])

    /// Places `entities` against a library whose merged entities are filed under `filed`, recording the
    /// keys each look-up asked for.
    func place(_ entities: [Entity], filed: [String: [LibraryEntityCandidate]]) -> (placements: [LibraryEntityPlacement], asked: [[String]]) {
        var asked: [[String]] = []
        let placements = LibraryEntityMatcher.shared.place(entities, candidates: { keys in
            asked.append(keys)
            var found: [LibraryEntityCandidate] = []
            for key in keys {
                for candidate in filed[key] ?? [] where !found.contains(where: { $0.entity.id == candidate.entity.id }) {
                    found.append(candidate)
                }
            }
            return found
        }, isTaken: { id in filed.values.contains { $0.contains { $0.entity.id == id } } })
        return (placements, asked)
    }

    @Test func aNameSeenFirstJoinsThroughTheCorpusMerge() {
        let keys = LibraryEntityMatcher.shared.keys(trump)
        let filed = Dictionary(uniqueKeysWithValues: keys.dropFirst().map { ($0, [LibraryEntityCandidate(entity: donald, documents: 12)]) })
        let (placements, asked) = place([trump], filed: filed)
        #expect(asked.count == 2 && asked.last == keys, "looked up \(asked)")
        #expect(placements.first?.merged.id == donald.id && placements.first?.isNew == false)
        #expect(placements.first?.keys.contains("id:person:trump") == true, "the stored id is not filed: \(placements)")
    }

    @Test func aNamePlacedBeforeJoinsWhatItJoinedThen() {
        // "Trump" was placed into Donald Trump before (filed under its id key); a heavier namesake under
        // the surname key is not read again, and the merge is not run again.
        let filed = [
            "id:person:trump": [LibraryEntityCandidate(entity: donald, documents: 12)],
            "person~trump": [LibraryEntityCandidate(entity: melania, documents: 40), LibraryEntityCandidate(entity: donald, documents: 12)],
        ]
        let (placements, asked) = place([trump], filed: filed)
        #expect(asked == [["id:person:trump"]], "looked up \(asked)")
        #expect(placements.count == 1 && placements[0].merged.id == donald.id && !placements[0].isNew)
        #expect(placements[0].merged.roles.contains("President"), "the newcomer's role was not kept: \(placements[0].merged)")
    }

    @Test func anEntityOfAnotherTypeUnderTheIdKeyIsNotTaken() {
        let company = Entity(id: "organization:trump", name: "Trump", type: .organization)
        let (placements, asked) = place([trump], filed: ["id:person:trump": [LibraryEntityCandidate(entity: company, documents: 3)]])
        #expect(asked.count == 2, "looked up \(asked)")
        #expect(placements.first?.isNew == true && placements.first?.merged.id == trump.id)
    }
}

import CrossreadCore
import Testing
import CrossreadTestSupport
@testable import CrossreadLanguage

/// Mentions at the given words of `text` (each word's first occurrence after the previous one).
func mentions(_ text: String, _ items: [(String, EntityType, String?)]) -> [EntityMention] {
    let bytes = Array(text.utf8)
    var from = 0
    return items.map { word, type, role in
        let needle = Array(word.utf8)
        var start = from
        while start + needle.count <= bytes.count, Array(bytes[start..<(start + needle.count)]) != needle { start += 1 }
        precondition(start + needle.count <= bytes.count, "\(word) not found")
        from = start + needle.count
        return EntityMention(range: start..<(start + needle.count), type: type, entity: "", role: role)
    }
}

@Suite struct EntityResolverTests {
    let resolver = EntityResolver()

    @Test func surnamesNicknamesAndTitlesJoinTheFullName() {
        let text = "Netanyahu spoke. Benjamin Netanyahu said so, and Bibi Netanyahu agreed. President Trump called Donald Trump's aide."
        let (resolved, entities) = resolver.resolve(mentions(text, [
            ("Netanyahu", .person, nil), ("Benjamin Netanyahu", .person, nil), ("Bibi Netanyahu", .person, nil),
            ("Trump", .person, "President"), ("Donald Trump", .person, nil),
        ]), text: text)
        #expect(entities.count == 2)
        #expect(Set(resolved.prefix(3).map(\.entity)) == ["person:benjamin-netanyahu"])
        #expect(Set(resolved.suffix(2).map(\.entity)) == ["person:donald-trump"])
        let netanyahu = entities.first { $0.id == "person:benjamin-netanyahu" }
        #expect(netanyahu?.name == "Benjamin Netanyahu")
        #expect(Set(netanyahu?.aliases ?? []) == ["Netanyahu", "Bibi Netanyahu"])
        #expect(entities.first { $0.id == "person:donald-trump" }?.roles == ["President"])
        #expect(SpanVerifier.problems(text: text, spans: resolved.map { ($0.range, nil) }).isEmpty)
    }

    @Test func transliterationVariantsMerge() {
        let text = "General Qassem Soleimani died. Qasem Soleimani had led the force."
        let (_, entities) = resolver.resolve(mentions(text, [("Qassem Soleimani", .person, "General"), ("Qasem Soleimani", .person, nil)]), text: text)
        #expect(entities.map(\.id) == ["person:qassem-soleimani"])
        #expect(entities.first?.aliases == ["Qasem Soleimani"])
    }

    @Test func peopleSharingASurnameStayApart() {
        let text = "Joe Biden met Hunter Biden. Later Biden left."
        let (resolved, entities) = resolver.resolve(mentions(text, [("Joe Biden", .person, nil), ("Hunter Biden", .person, nil), ("Biden", .person, nil)]), text: text)
        #expect(entities.count == 3)
        #expect(resolved[2].entity == "person:biden")
    }

    @Test func bareSurnameGoesToTheMostRecentAndMostFrequentFullName() {
        let text = "Joe Biden spoke. Hunter Biden listened. Joe Biden spoke again. Then Biden left."
        let (resolved, entities) = resolver.resolve(mentions(text, [
            ("Joe Biden", .person, nil), ("Hunter Biden", .person, nil), ("Joe Biden", .person, nil), ("Biden", .person, nil),
        ]), text: text)
        #expect(entities.count == 2)
        #expect(resolved[3].entity == "person:joe-biden")
    }

    @Test func placeAliasesAndOrganizationAcronyms() {
        let text = "The U.S. and the United States. The Islamic Revolutionary Guard Corps, or IRGC, and Israeli and Israelis."
        let (resolved, entities) = resolver.resolve(mentions(text, [
            ("U.S.", .place, nil), ("United States", .place, nil), ("Islamic Revolutionary Guard Corps", .organization, nil),
            ("IRGC", .organization, nil), ("Israeli", .group, nil), ("Israelis", .group, nil),
        ]), text: text)
        #expect(entities.map(\.id) == ["place:united-states", "organization:islamic-revolutionary-guard-corps", "group:israeli"])
        #expect(resolved.map(\.entity) == ["place:united-states", "place:united-states", "organization:islamic-revolutionary-guard-corps",
                                           "organization:islamic-revolutionary-guard-corps", "group:israeli", "group:israeli"])
    }

    @Test func corpusMergesAcrossDocuments() {
        let first = [Entity(id: "person:qassem-soleimani", name: "Qassem Soleimani", type: .person, roles: ["General"]),
                     Entity(id: "person:donald-trump", name: "Donald Trump", type: .person, aliases: ["Trump"])]
        let second = [Entity(id: "person:qasem-soleimani", name: "Qasem Soleimani", type: .person),
                      Entity(id: "person:trump", name: "Trump", type: .person, roles: ["President"])]
        let third = [Entity(id: "person:hunter-biden", name: "Hunter Biden", type: .person),
                     Entity(id: "person:joe-biden", name: "Joe Biden", type: .person),
                     Entity(id: "person:biden", name: "Biden", type: .person)]
        let (entities, mapping) = CorpusEntityResolver().merge([first, second, third])
        #expect(mapping["person:qasem-soleimani"] == "person:qassem-soleimani")
        #expect(mapping["person:trump"] == "person:donald-trump")
        #expect(mapping["person:biden"] == "person:biden")
        #expect(entities.first { $0.id == "person:donald-trump" }?.roles == ["President"])
        #expect(entities.count == 5)
    }

    @Test func aNameTypedDifferentlyAcrossDocumentsTakesTheTypeMostGiveIt() {
        let town = Entity(id: "place:marrowby", name: "Marrowby", type: .place)
        let misread = Entity(id: "person:marrowby", name: "Marrowby", type: .person)
        let (entities, mapping) = CorpusEntityResolver().merge([[town], [town], [misread], [town]])
        #expect(mapping["person:marrowby"] == "place:marrowby")
        #expect(entities.map(\.type) == [.place])
        // Without a clear majority both readings stay.
        let (split, _) = CorpusEntityResolver().merge([[town], [misread], [town], [misread]])
        #expect(Set(split.map(\.type)) == [.place, .person])
    }
}

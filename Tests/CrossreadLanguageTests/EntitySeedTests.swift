import CrossreadCore
import Foundation
import Testing
import CrossreadTestSupport
@testable import CrossreadLanguage

/// The five seed articles (../shared/seeds, skipped when absent): every person, place and
/// organization comes out with the right type and merged names; known traps stay out.
@Suite struct EntitySeedTests {
    /// The seed's lines as clean text: one paragraph per non-empty line.
    static func cleanText(_ file: String) -> String? {
        guard let url = SharedCorpus.path("seeds/\(file)"), let raw = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return raw.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    static func analyze(_ text: String) -> (mentions: [EntityMention], entities: [Entity]) {
        EntityResolver().resolve(EntityRecognizer().recognize(text), text: text)
    }

    static let expected: [(file: String, ids: [String])] = [
        ("000_4192abb1ceca8cd2.txt", [
            "person:benjamin-netanyahu", "person:donald-trump", "person:joe-biden", "person:ron-dermer", "person:qassem-soleimani",
            "person:mahmoud-abbas", "place:united-states", "place:iran", "place:israel", "place:mar-a-lago", "place:tehran",
            "place:gaza", "place:lebanon", "place:europe", "place:amsterdam", "organization:axios",
            "organization:islamic-revolutionary-guards-corps", "organization:palestinian-authority", "group:israeli",
            "group:iranian", "group:palestinian", "group:dutch",
        ]),
        ("001_74d3232a0b1618fd.txt", [
            "person:benjamin-netanyahu", "person:donald-trump", "person:qasem-soleimani", "person:joe-biden", "person:ron-dermer",
            "person:michael-herzog", "person:gretchen-whitmer", "person:ritchie-torres", "place:iran", "place:united-states",
            "place:israel", "place:mar-a-lago", "place:gaza", "place:lebanon", "place:washington", "place:moscow", "place:russia",
            "place:michigan", "place:new-york", "place:north-america", "place:nationals-park", "place:washington-d-c",
            "organization:hezbollah", "organization:jewish-federations-of-north-america", "group:israeli", "group:american",
        ]),
        ("002_01fb60e3c234d5c9.txt", [
            "person:benjamin-netanyahu", "person:donald-trump", "person:hailee-steinfeld", "place:united-states",
            "place:middle-east", "place:gaza", "place:syria", "place:israel", "place:russia", "place:iran", "place:lebanon",
            "place:jerusalem", "place:los-angeles", "place:europe", "organization:united-nations", "organization:hezbollah",
            "organization:european-union", "group:israeli", "group:syrian",
        ]),
        ("003_1e607927c302d938.txt", [
            "person:victor-glass", "person:trump", "person:benjamin-netanyahu", "person:katz", "organization:x",
            "organization:columbia-university", "organization:tel-aviv-university", "place:iran", "place:israel", "place:gaza",
            "place:middle-east", "group:israeli",
        ]),
        ("004_81d711d5d92ee8d1.txt", [
            "person:donald-trump", "person:benjamin-netanyahu", "person:kevin-dietsch", "person:rachel-fishman-feddersen",
            "place:united-states", "place:iran", "place:israel", "place:gaza", "place:oval-office", "place:white-house",
            "organization:truth-social", "organization:axios", "organization:x", "organization:jta", "organization:getty-images",
            "organization:forward", "percent:17",
        ]),
    ]

    @Test(arguments: expected.map(\.file))
    func everyNameComesOutRight(file: String) throws {
        guard let text = EntitySeedTests.cleanText(file) else { return }
        let (mentions, entities) = EntitySeedTests.analyze(text)
        let ids = Set(entities.map(\.id))
        for id in EntitySeedTests.expected.first(where: { $0.file == file })!.ids {
            #expect(ids.contains(id), "\(file): \(id) missing")
        }
        // The traps the issue names, and their kin.
        for wrong in ["organization:trump", "organization:donald-trump", "place:truth-social", "place:israeli", "place:iranian",
                      "organization:netanyahu", "place:herzog", "person:abraham-accords"] {
            #expect(!ids.contains(wrong), "\(file): \(wrong)")
        }
        #expect(!ids.contains { $0.contains("warm") || $0.contains("call") }, "\(file): a headline phrase became an entity")
        #expect(mentions.allSatisfy { m in entities.contains { $0.id == m.entity } })
        let bytes = Array(text.utf8)
        #expect(SpanVerifier.problems(text: text, spans: mentions.map { ($0.range, nil) }).isEmpty)
        for m in mentions {
            let written = String(decoding: bytes[m.range], as: UTF8.self)
            #expect(!written.hasSuffix("’s") && !written.hasSuffix("'s") && !written.hasPrefix(" ") && !written.hasSuffix(" "), "\(written)")
        }
    }

    @Test func rolesAndAliases() throws {
        guard let first = EntitySeedTests.cleanText("000_4192abb1ceca8cd2.txt"),
              let last = EntitySeedTests.cleanText("004_81d711d5d92ee8d1.txt") else { return }
        let a = EntitySeedTests.analyze(first).entities
        #expect(a.first { $0.id == "person:ron-dermer" }?.roles.contains("Minister of Strategic Affairs") == true)
        #expect(a.first { $0.id == "person:donald-trump" }?.roles.contains("President-elect") == true)
        #expect(a.first { $0.id == "person:benjamin-netanyahu" }?.roles.contains("Prime Minister") == true)
        let e = EntitySeedTests.analyze(last).entities
        #expect(e.first { $0.id == "person:benjamin-netanyahu" }?.aliases.contains("Bibi Netanyahu") == true)
    }

    @Test func corpusMergesSpellingsAndBareSurnames() throws {
        var documents: [[Entity]] = []
        for (file, _) in EntitySeedTests.expected {
            guard let text = EntitySeedTests.cleanText(file) else { return }
            documents.append(EntitySeedTests.analyze(text).entities)
        }
        let (entities, mapping) = CorpusEntityResolver().merge(documents)
        #expect(mapping["person:qasem-soleimani"] == "person:qassem-soleimani")
        #expect(mapping["person:trump"] == "person:donald-trump")
        #expect(entities.filter { $0.type == .person && $0.name.hasSuffix("Netanyahu") }.count == 1)
    }
}

import CrossreadClean
import CrossreadCore
import CrossreadLanguage
import CrossreadTestSupport
import Foundation
import Testing
@testable import CrossreadCorpus

/// Cross-source comparison on the five seed articles (../shared/seeds), cleaned and annotated by
/// the real stages: 000 and 001 report the same calls; 003 disputes the post that 004 quotes.
@Suite struct ComparisonSeedTests {
    /// The seeds, cleaned and annotated; ids are the seed numbers padded to 12 characters.
    static let seeds: [Document]? = {
        guard let folder = SharedCorpus.path("seeds"),
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".txt") }).sorted()
        else { return nil }
        let annotator = LanguageAnnotator()
        return files.compactMap { name in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { return nil }
            let bytes = Array(data)
            let cleaned = TextCleaner().clean(text: String(decoding: bytes, as: UTF8.self))
            let id = String(name.prefix(3)).padding(toLength: 64, withPad: "0", startingAt: 0)
            var document = Document(contentHash: id, source: name, format: .text, original: bytes, text: cleaned.text,
                                    paragraphs: cleaned.paragraphs, metadata: cleaned.metadata, removed: cleaned.removed)
            document.annotations = annotator.annotate(document)
            return document
        }
    }()

    static func id(_ number: Int) -> String { String(format: "%03d", number).padding(toLength: 12, withPad: "0", startingAt: 0) }

    static let calls = CrossreadCore.Story(id: "calls", title: "", documents: [id(0), id(1)], first: nil, last: nil, topic: "t")
    static let post = CrossreadCore.Story(id: "post", title: "", documents: [id(3), id(4)], first: nil, last: nil, topic: "t")

    static func comparison(_ story: CrossreadCore.Story) -> SourceComparison? {
        guard let seeds else { return nil }
        let result = SourceComparer().compare(story: story, documents: seeds, duplicates: [])
        if ProcessInfo.processInfo.environment["CROSSREAD_DEBUG_COMPARISON"] != nil { dump(result, seeds) }
        return result
    }

    static func dump(_ result: SourceComparison, _ documents: [Document]) {
        func text(_ ref: TextReference) -> String {
            let doc = documents.first { $0.id == ref.document }!
            return String(decoding: Array(doc.text.utf8)[ref.range], as: UTF8.self)
        }
        for claim in result.claims {
            print("CLAIM [\(claim.documents.map { $0.prefix(3) }.joined(separator: ","))] corr=\(claim.corroboratedBy.map { $0.prefix(3) }) disp=\(claim.disputedBy.map { $0.prefix(3) }) speaker=\(claim.speaker ?? "-")\n   \(claim.text)")
            for e in claim.evidence { print("     ev \(e.document.prefix(3)): \(text(e).prefix(160))") }
            for d in claim.disputes { print("     DISPUTE \(d.document.prefix(3)): \(text(d))") }
        }
        for conflict in result.conflicts {
            print("CONFLICT \(conflict.about): " + conflict.values.map { "\($0.value) (\($0.document.prefix(3)))" }.joined(separator: " vs "))
        }
        for group in result.quoteGroups {
            print("QUOTES \(group.speakerName ?? "-"): " + group.variants.map { "\($0.document.prefix(3)): \(text($0).prefix(80))" }.joined(separator: " | "))
        }
    }

    @Test func theSameSideClaimIsDisputedBy003() throws {
        guard let result = Self.comparison(Self.post) else { return }
        // The quoted claim itself (the shortest claim holding the words), not a sentence reporting the post.
        let claim = try #require(result.claims.filter { $0.text.lowercased().contains("same side of every issue") }
            .min { $0.text.count < $1.text.count })
        #expect(claim.disputedBy == [Self.id(3)])
        #expect(claim.documents.contains(Self.id(4)))
        #expect(claim.disputes.allSatisfy { $0.document == Self.id(3) })
        #expect(!claim.corroboratedBy.contains(Self.id(3)))
    }

    @Test func theVenueOfThePostConflicts() throws {
        guard let result = Self.comparison(Self.post) else { return }
        let conflict = try #require(result.conflicts.first { $0.about.hasPrefix("venue") })
        let values: [String: String] = Dictionary(conflict.values.map { ($0.document, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(values[Self.id(3)] == "X")
        #expect(values[Self.id(4)] == "Truth Social")
    }

    @Test func factsBothReportAreCorroboratedAndTheRallyIsSingleSource() throws {
        guard let result = Self.comparison(Self.calls) else { return }
        func claim(_ words: [String]) -> CorpusClaim? {
            result.claims.first { claim in
                let evidence = claim.evidence.map { ref in
                    let doc = Self.seeds!.first { $0.id == ref.document }!
                    return String(decoding: Array(doc.text.utf8)[ref.range], as: UTF8.self).lowercased()
                }.joined(separator: " ")
                return words.allSatisfy { evidence.contains($0) }
            }
        }
        let corroborated = result.claims.filter { !$0.isSingleSource }
        #expect(corroborated.allSatisfy { Set($0.documents) == [Self.id(0), Self.id(1)] })
        for words in [["three times", "multiple times"], ["shared stance"], ["dermer"]] {
            let found = claim(words)
            #expect(found != nil && found?.isSingleSource == false, "\(words)")
        }
        let rally = try #require(claim(["rally", "nationals park"]) ?? claim(["rally"]))
        #expect(rally.isSingleSource)
        #expect(rally.documents == [Self.id(1)])
    }
}

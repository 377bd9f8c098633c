import CrossreadCore
import CrossreadTestSupport
import Foundation
import Testing
@testable import CrossreadCorpus

/// Quality floors on ../shared/corpora/ecbplus-dev (462 articles, 40 events in 20 topic folders).
/// Measured: event B-cubed F1 0.942, topic 0.906 (scripts/eval-stories.sh); the scikit-learn baseline
/// reaches 0.897 and 0.870. Raise the floors with the scores; never lower them silently.
@Suite struct StoryQualityGateTests {
    static let eventFloor = 0.93
    static let topicFloor = 0.89

    @Test func bCubedFloorsOnECBPlusDev() throws {
        guard let folder = SharedCorpus.path("corpora/ecbplus-dev") else { return }
        let labels = try JSONDecoder().decode([String: String].self,
                                              from: Data(contentsOf: folder.appendingPathComponent("labels.json")))
        let names = labels.keys.sorted()
        let documents = try names.map { name in
            ECBText.document(bytes: Array(try Data(contentsOf: folder.appendingPathComponent(name))))
        }
        let clustering = StoryClusterer().cluster(documents, ids: names)
        var story: [String: String] = [:], topic: [String: String] = [:]
        for s in clustering.stories { for d in s.documents { story[d] = s.id; topic[d] = s.topic } }
        let event = BCubed(predicted: names.map { story[$0]! }, gold: names.map { labels[$0]! })
        let folderTopic = BCubed(predicted: names.map { topic[$0]! },
                                 gold: names.map { String(labels[$0]!.split(separator: "-")[0]) })
        #expect(event.f1 >= StoryQualityGateTests.eventFloor, "event level \(event)")
        #expect(folderTopic.f1 >= StoryQualityGateTests.topicFloor, "topic level \(folderTopic)")
    }

    /// The same articles streamed in publication-date order, 50 at a time, through the window the
    /// library keeps (30 days open; older stories found again by their keys, as the library finds them):
    /// measured event 0.938, topic 0.875 (`corpus-eval stories --stream 50`). The event floor fails when a
    /// story reloaded for an article leaves the window again while that article still waits (0.865).
    @Test func streamedInDateOrderHoldsItsFloors() throws {
        guard let folder = SharedCorpus.path("corpora/ecbplus-dev") else { return }
        let labels = try JSONDecoder().decode([String: String].self,
                                              from: Data(contentsOf: folder.appendingPathComponent("labels.json")))
        let names = labels.keys.sorted()
        let documents = try names.map { name in
            StreamDocument(document: ECBText.document(bytes: Array(try Data(contentsOf: folder.appendingPathComponent(name)))),
                           id: name, arrivalDay: 0)
        }
        let order = documents.indices.sorted { (documents[$0].day ?? Int.max, $0) < (documents[$1].day ?? Int.max, $1) }
        var window = StoryWindow()
        var storyOf: [String: String] = [:]
        var stories: [String: StreamStory] = [:]
        var archive: [UInt64: [String]] = [:]
        var merged = 0
        for start in stride(from: 0, to: order.count, by: 50) {
            let batch = order[start..<min(order.count, start + 50)]
            for position in batch {
                for key in window.lookupKeys(documents[position]) where !window.isIndexed(key) {
                    for id in (archive[key] ?? []).suffix(64) where window.stories[id] == nil { window.load(stories[id]!) }
                }
            }
            for position in batch { window.add(documents[position]) }
            let changes = window.finishBatch(final: start + 50 >= order.count)
            for merge in changes.storyMerges {
                merged += 1
                for (document, story) in storyOf where story == merge.from { storyOf[document] = merge.into }
                stories[merge.from] = nil
            }
            for assignment in changes.assignments { storyOf[assignment.document] = assignment.story }
            for merge in changes.topicMerges {
                for (id, story) in stories where story.topic == merge.from { stories[id]!.topic = merge.into }
            }
            for story in changes.stories { stories[story.id] = story }
            for story in window.evict() {
                for key in story.indexKeys where archive[key]?.last != story.id { archive[key, default: []].append(story.id) }
            }
        }
        let event = BCubed(predicted: names.map { storyOf[$0]! }, gold: names.map { labels[$0]! })
        let folderTopic = BCubed(predicted: names.map { stories[storyOf[$0]!]!.topic },
                                 gold: names.map { String(labels[$0]!.split(separator: "-")[0]) })
        #expect(event.f1 >= 0.90, "streamed event level \(event)")
        // Later articles showed settled stories to be one; every article is in a story that still exists.
        #expect(merged > 0)
        #expect(names.allSatisfy { stories[storyOf[$0]!] != nil })
        #expect(folderTopic.f1 >= 0.87, "streamed topic level \(folderTopic)")
    }

    @Test func bCubedOfKnownGroupings() {
        #expect(BCubed(predicted: ["a", "a", "b"], gold: ["x", "x", "y"]).f1 == 1)
        let merged = BCubed(predicted: ["a", "a", "a", "a"], gold: ["x", "x", "y", "y"])
        #expect(merged.recall == 1 && merged.precision == 0.5)
    }
}

/// B-cubed precision, recall and F1 of a grouping against a gold grouping.
struct BCubed: CustomStringConvertible {
    var precision = 0.0, recall = 0.0

    var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    var description: String { String(format: "P %.3f R %.3f F1 %.3f", precision, recall, f1) }

    init(predicted: [String], gold: [String]) {
        var p: [String: Int] = [:], g: [String: Int] = [:], both: [String: Int] = [:]
        for (a, b) in zip(predicted, gold) { p[a, default: 0] += 1; g[b, default: 0] += 1; both[a + "|" + b, default: 0] += 1 }
        for (a, b) in zip(predicted, gold) {
            precision += Double(both[a + "|" + b]!) / Double(p[a]!)
            recall += Double(both[a + "|" + b]!) / Double(g[b]!)
        }
        precision /= Double(max(predicted.count, 1))
        recall /= Double(max(predicted.count, 1))
    }
}

/// An ECB+ text as a plain-text cleaner would give it: `Source:` line as URL, a short unpunctuated
/// first line as headline, a dateline among the first short lines as publication date.
enum ECBText {
    static func document(bytes: [UInt8]) -> Document {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var metadata = DocumentMetadata()
        if let first = lines.first, first.hasPrefix("Source:") {
            metadata.url = String(first.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            lines.removeFirst()
        }
        if let first = lines.first, first.split(separator: " ").count <= 20, let last = first.last,
           !".!?\"”".contains(last), PublicationDate.parse(first) == nil {
            metadata.title = first
            lines.removeFirst()
        }
        let text = lines.joined(separator: "\n")
        metadata.published = DocumentDating.datelineDate(in: text)
        return Document(contentHash: SHA256.hex(bytes), source: "", format: .text, original: bytes, text: text,
                        paragraphs: [], metadata: metadata, removed: [])
    }
}

import CrossreadCore
import Testing
@testable import CrossreadCorpus

/// What story clustering reads from an annotated document.
@Suite struct DocumentFeaturesTests {
    @Test func namesTheTaggerMissedCountAndOnlyNamedYearsDate() {
        let text = "Harbour pilots in Velsmouth struck on Monday during the Tallow Regatta, first held in 1998."
        var document = Document(contentHash: String(repeating: "a", count: 64), source: "a", format: .text, original: Array(text.utf8),
                                text: text, paragraphs: [], metadata: DocumentMetadata(), removed: [])
        let town = text.utf8.count - text.drop(while: { $0 != "V" }).utf8.count
        document.annotations.mentions = [EntityMention(range: town..<(town + 9), type: .place, entity: "place:velsmouth")]
        document.annotations.entities = [Entity(id: "place:velsmouth", name: "Velsmouth", type: .place)]
        // "Monday" resolved to a day in another month and year than the one the text names.
        document.annotations.times = [TimeExpression(range: 38..<44, value: "2021-03-15")]
        let features = DocumentFeatures(document: document)
        func has(_ channel: FeatureChannel, _ words: [String]) -> Bool {
            features.counts[channel.key(DocumentFeatures.nameHash(words.map { Array($0.utf8) }))] != nil
        }
        #expect(has(.names, ["velsmouth"]))                  // the annotator's entity
        #expect(has(.names, ["tallow", "regatta"]))          // a capitalized name it did not tag
        let timeKeys = features.surfaces.filter { FeatureChannel.of($0.key) == .time }.map(\.value)
        #expect(Set(timeKeys) == ["year:1998"])
        // The lead's common words bring their kinds of event ("struck" is a strike).
        #expect(features.counts.keys.contains { FeatureChannel.of($0) == .kinds })
    }
}

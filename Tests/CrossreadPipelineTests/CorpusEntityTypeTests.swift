import CrossreadCore
import Testing
@testable import CrossreadPipeline

/// `CorpusAnalyzer.mergeEntities`: a name typed differently across documents takes the type most
/// documents give it, and every mention of it follows.
@Suite struct CorpusEntityTypeTests {
    static func document(_ id: String, _ text: String, typedAs type: EntityType) -> Document {
        var document = Document(contentHash: id.padding(toLength: 64, withPad: "-", startingAt: 0), source: id, format: .text,
                                original: Array(text.utf8), text: text, paragraphs: [], metadata: DocumentMetadata(), removed: [])
        let start = text.utf8.count - "Marrowby.".utf8.count
        let id = "\(type.rawValue):marrowby"
        document.annotations.mentions = [EntityMention(range: start..<(start + 8), type: type, entity: id)]
        document.annotations.entities = [Entity(id: id, name: "Marrowby", type: type)]
        return document
    }

    @Test func mentionsFollowTheTypeMostDocumentsGive() {
        var documents = [
            Self.document("town-1", "The ferry left for Marrowby.", typedAs: .place),
            Self.document("town-2", "Roads were closed around Marrowby.", typedAs: .place),
            Self.document("town-3", "Buses will run to Marrowby.", typedAs: .place),
            Self.document("town-4", "Shops reopened in Marrowby.", typedAs: .person),
        ]
        let entities = CorpusAnalyzer().mergeEntities(&documents)
        #expect(entities.map(\.type) == [.place])
        for document in documents {
            #expect(document.annotations.mentions.map(\.type) == [.place])
            #expect(document.annotations.mentions.map(\.entity) == ["place:marrowby"])
        }
    }
}

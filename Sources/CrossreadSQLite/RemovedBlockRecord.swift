import CrossreadCore
internal import GRDB

/// One row of the `removed_block` table: a block cleaning took out of a document, at its position
/// among that document's removed blocks.
struct RemovedBlockRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "removed_block"

    var documentID: String
    var position: Int
    var kind: String
    var text: String

    enum CodingKeys: String, CodingKey {
        case position, kind, text
        case documentID = "document_id"
    }

    init(documentID: String, position: Int, block: RemovedBlock) {
        self.documentID = documentID
        self.position = position
        kind = block.kind.rawValue
        text = block.text
    }

    var block: RemovedBlock {
        get throws(CrossreadError) {
            guard let kind = BlockKind(rawValue: kind) else {
                throw CrossreadError(source: documentID, stage: .store,
                                     reason: "stored removed block \(position) has unknown kind \"\(kind)\"")
            }
            return RemovedBlock(kind: kind, text: text)
        }
    }
}

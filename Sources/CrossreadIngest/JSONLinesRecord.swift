import CrossreadCore
import Foundation

/// One JSON Lines record: the article body (`text` or `html`) and the optional metadata fields
/// `url` (or `link`), `title`, `published` (or `date`), `authors` (or `author`; a list or a string),
/// `publisher`, `language` and `description`. Fields of the wrong type are ignored.
struct JSONLinesRecord: Decodable {
    var text: String?
    var html: String?
    var metadata = DocumentMetadata()

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: Key.self)
        func string(_ names: String...) -> String? {
            for name in names {
                if let value = try? fields.decodeIfPresent(String.self, forKey: Key(name)) {
                    let trimmed = value.trimmingSpaces
                    if !trimmed.isEmpty { return trimmed }
                }
            }
            return nil
        }
        text = (try? fields.decodeIfPresent(String.self, forKey: Key("text"))).flatMap { $0 }
        html = (try? fields.decodeIfPresent(String.self, forKey: Key("html"))).flatMap { $0 }
        metadata.url = string("url", "link")
        metadata.title = string("title")
        metadata.published = string("published", "date").flatMap(PublicationDate.parse)
        metadata.publisher = string("publisher")
        metadata.language = string("language", "lang").map { $0.lowercased() }
        metadata.description = string("description")
        for name in ["authors", "author"] where metadata.authors.isEmpty {
            if let list = try? fields.decodeIfPresent([String].self, forKey: Key(name)) {
                metadata.authors = list.map(\.trimmingSpaces).filter { !$0.isEmpty }
            } else if let single = string(name) {
                metadata.authors = [single]
            }
        }
    }
}

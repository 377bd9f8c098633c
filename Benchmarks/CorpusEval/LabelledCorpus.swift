import CrossreadCore
import CrossreadCorpus
import Foundation

/// An ECB+-style folder: `labels.json` maps `<topic>/<file>.txt` to an event id `<topic>-<kind>`.
/// Each text becomes a `Document` the way a plain-text cleaner would see it: a leading `Source: URL`
/// line becomes the URL, a short first line without final punctuation the headline; the rest is the
/// text; a dateline among its first short lines (`DocumentDating.datelineDate`) is the publication date. Labels are read for scoring only.
struct LabelledCorpus {
    var names: [String] = []
    var documents: [Document] = []
    var events: [String] = []
    var topics: [String] = []

    init(folder: URL) throws {
        let labelData = try Data(contentsOf: folder.appendingPathComponent("labels.json"))
        let labels = try JSONDecoder().decode([String: String].self, from: labelData)
        for name in labels.keys.sorted() {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            names.append(name)
            documents.append(LabelledCorpus.document(bytes: Array(data), source: name))
            events.append(labels[name]!)
            topics.append(String(labels[name]!.split(separator: "-")[0]))
        }
    }

    static func document(bytes: [UInt8], source: String) -> Document {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var metadata = DocumentMetadata()
        if let first = lines.first, first.hasPrefix("Source:") {
            metadata.url = first.dropFirst("Source:".count).trimmingCharacters(in: .whitespaces)
            lines.removeFirst()
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        if let first = lines.first, first.split(separator: " ").count <= 20,
           let last = first.last, !".!?\"”".contains(last), PublicationDate.parse(first) == nil {
            metadata.title = first
            lines.removeFirst()
        }
        let text = lines.joined(separator: "\n")
        metadata.published = DocumentDating.datelineDate(in: text)
        return Document(contentHash: SHA256.hex(bytes), source: source, format: .text, original: bytes, text: text,
                        paragraphs: [], metadata: metadata, removed: [])
    }
}

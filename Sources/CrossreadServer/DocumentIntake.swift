import CrossreadCore
import CrossreadPipeline
import Foundation

/// Adds articles sent to the server through the same pipeline as `crossread ingest` (reading, format
/// detection, cleaning), then annotates the new ones as `crossread analyze` does and asks the views
/// to refresh.
struct DocumentIntake: Sendable {
    /// One input: a label (an uploaded file's name, or "pasted text") and its bytes.
    struct Input: Sendable {
        var source: String
        var bytes: [UInt8]
    }

    /// What adding did, per document.
    struct Outcome: Sendable, Codable {
        struct Item: Sendable, Codable { var id: String; var title: String?; var source: String }
        struct Failure: Sendable, Codable { var source: String; var reason: String }
        var added: [Item] = []
        var present: [Item] = []
        var failed: [Failure] = []
    }

    var store: any DocumentStore
    var views: LibraryViews

    /// A label for an uploaded file: its last path component, printable, at most 120 characters,
    /// under "upload/" (the extension still helps format detection).
    static func label(filename: String?, fallback: String) -> String {
        let name = (filename ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let printable = String(name.unicodeScalars.filter { !$0.properties.isWhitespace || $0 == " " }
            .filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)).prefix(120)
        return "upload/" + (printable.isEmpty ? fallback : String(printable))
    }

    func add(_ inputs: [Input]) async throws -> Outcome {
        var outcome = Outcome()
        var fresh: [Document] = []
        let pipeline = Pipeline()
        try await pipeline.run(inputs: inputs.map { ($0.source, $0.bytes) }) { batch in
            try await pipeline.store(batch, in: store, stored: { document, result in
                switch result {
                case .added(let id):
                    outcome.added.append(.init(id: id, title: document.metadata.title, source: document.source))
                    fresh.append(document)
                case .alreadyPresent(let id):
                    outcome.present.append(.init(id: id, title: document.metadata.title, source: document.source))
                }
            }, failed: { outcome.failed.append(.init(source: $0.source ?? "input", reason: $0.reason)) })
        }
        if !fresh.isEmpty {
            let input = fresh
            let annotated = await LibraryViews.offPool { CorpusAnalyzer().annotate(input) }
            for document in annotated {
                try await store.saveAnnotations(document.annotations, forDocument: document.id)
            }
            await views.refresh()
        }
        return outcome
    }
}

import CrossreadCore
import Foundation

/// Turns the lines of a JSON Lines input into articles, one per line; a line that is not a JSON
/// object with `text` or `html` becomes a failure naming the line, and reading goes on.
struct JSONLinesReader {
    let source: String
    let maxArticleBytes: Int
    private let decoder = JSONDecoder()

    init(source: String, maxArticleBytes: Int) {
        self.source = source
        self.maxArticleBytes = maxArticleBytes
    }

    func process(lineNumber: Int, line: LineSplitter.Line, _ handle: (IngestEvent) throws -> Void) rethrows {
        switch line {
        case .tooLarge(let size):
            try handle(.failure(IngestFailure.lineTooLarge(line: lineNumber, bytes: size, limit: maxArticleBytes)
                .error(source: source)))
        case .bytes(let bytes):
            if bytes.allSatisfy(FormatSniffer.isSpace) { return }
            let original = Array(bytes)
            let kept = StrayControlBytes.removed(from: original)
            switch article(from: kept.bytes, original: original, lineNumber: lineNumber) {
            case .success(let article): try handle(.article(article))
            case .failure(let failure): try handle(.failure(failure.error(source: source)))
            }
            if kept.dropped > 0 {
                try handle(.notice(IngestNotice(kind: .droppedControlBytes(kept.dropped), source: source,
                                                reason: IngestNotice.droppedControlBytesReason, detail: "line \(lineNumber)")))
            }
        }
    }

    /// `bytes` is the line without stray control bytes; `original` the line as read (its identity).
    private func article(from bytes: [UInt8], original: [UInt8], lineNumber: Int) -> Result<RawArticle, IngestFailure> {
        var data = Data(bytes)
        if String(validating: bytes, as: UTF8.self) == nil {
            // JSON must be UTF-8; repair stray legacy bytes rather than lose the line.
            data = Data(bytes.withUnsafeBufferPointer { LenientUTF8.decode($0) }.utf8)
        }
        let record: JSONLinesRecord
        do {
            record = try decoder.decode(JSONLinesRecord.self, from: data)
        } catch DecodingError.typeMismatch {
            return .failure(.badJSONLine(line: lineNumber, detail: "a JSON value that is not an object"))
        } catch {
            return .failure(.badJSONLine(line: lineNumber, detail: "invalid JSON"))
        }
        let body: (String, InputFormat)
        if let text = record.text, !text.allSatisfy(\.isWhitespace) {
            body = (text, .text)
        } else if let html = record.html, !html.allSatisfy(\.isWhitespace) {
            body = (html, .html)
        } else {
            return .failure(.jsonLineWithoutBody(line: lineNumber))
        }
        let itemSource = record.metadata.url ?? "\(source)#\(lineNumber)"
        return .success(RawArticle(source: itemSource, format: body.1, content: body.0, original: original,
                                   given: record.metadata))
    }
}

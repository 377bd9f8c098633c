import CrossreadCore

/// Every reason ingest gives for skipping an input or an item, worded in one place.
enum IngestFailure: Error, Sendable, Equatable {
    case emptyFile
    case binaryFile(String?)
    case truncatedGzip
    case corruptGzip(String)
    case system(String)
    case tooLarge(bytes: Int, atLeast: Bool, limit: Int, wholeFile: Bool)
    case jsonDocument
    case malformedFeed(String)
    case notAFeed(root: String)
    case badJSONLine(line: Int, detail: String)
    case jsonLineWithoutBody(line: Int)
    case lineTooLarge(line: Int, bytes: Int, limit: Int)
    case itemWithoutContent(item: Int)
    case itemTooLarge(item: Int, bytes: Int, limit: Int)
    /// A WARC record that could not be read; `record` names it (offset and target URI).
    case badRecord(record: String, problem: String)
    case malformedChunkedBody
    case corruptContentEncoding(encoding: String, detail: String)

    var reason: String {
        switch self {
        case .emptyFile:
            return "empty file"
        case .binaryFile(let kind):
            return "binary file\(kind.map { " (\($0))" } ?? ""), not text, HTML, a feed, JSON Lines or WARC"
        case .truncatedGzip:
            return "truncated gzip stream"
        case .corruptGzip(let detail):
            return "corrupt gzip stream (\(detail))"
        case .system(let message):
            return message
        case .tooLarge(let bytes, let atLeast, let limit, let wholeFile):
            let size = (atLeast ? "more than " : "") + ByteCountText.describe(bytes)
            if wholeFile {
                return "too large: \(size), the limit for a file read whole (a feed, a UTF-16 file) is \(ByteCountText.describe(limit))"
            }
            return "too large: \(size), the limit is \(ByteCountText.describe(limit)) (--max-size)"
        case .jsonDocument:
            return "a JSON document, not JSON Lines (one JSON object per line)"
        case .malformedFeed(let detail):
            return "malformed feed: \(detail)"
        case .notAFeed(let root):
            return "XML but not a feed: the root element is <\(root)>, not <rss>, <rdf:RDF> or <feed>"
        case .badJSONLine(let line, let detail):
            return "line \(line): not a JSON object (\(detail))"
        case .jsonLineWithoutBody(let line):
            return "line \(line): no \"text\" or \"html\" field"
        case .lineTooLarge(let line, let bytes, let limit):
            return "line \(line): too large: \(ByteCountText.describe(bytes)), the limit is \(ByteCountText.describe(limit)) (--max-size)"
        case .itemWithoutContent(let item):
            return "item \(item): no content, summary or description"
        case .itemTooLarge(let item, let bytes, let limit):
            return "item \(item): too large: \(ByteCountText.describe(bytes)), the limit is \(ByteCountText.describe(limit)) (--max-size)"
        case .badRecord(let record, let problem):
            return "\(record): \(problem)"
        case .malformedChunkedBody:
            return "malformed chunked body (Transfer-Encoding: chunked)"
        case .corruptContentEncoding(let encoding, let detail):
            return "corrupt body (Content-Encoding: \(encoding)): \(detail)"
        }
    }

    func error(source: String) -> CrossreadError {
        CrossreadError(source: source, stage: .ingest, reason: reason)
    }
}

/// What ingest tells a user besides documents and failures: a record of a container passed over on
/// purpose (a WARC request record, a 404 response, a truncated last record), or stray control bytes
/// dropped from an article that was read as text. Notices are counted by `reason`.
public struct IngestNotice: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A record that is not an article (or not a whole one) was skipped.
        case skippedRecord
        /// This many stray control bytes (NUL and the like) were dropped while decoding.
        case droppedControlBytes(Int)
    }

    public var kind: Kind
    /// The input file (or "stdin").
    public var source: String
    /// The record's offset: of its gzip member in a per-record `.warc.gz` (as CDX indexes give it),
    /// in the decompressed bytes otherwise. Nil when the notice is about a whole file.
    public var offset: Int?
    /// Why, in a few words shared by every notice of the same cause: "request record", "status 404".
    public var reason: String
    /// What differs from notice to notice: the record's target URI, a line number.
    public var detail: String?

    public init(kind: Kind, source: String, offset: Int? = nil, reason: String, detail: String? = nil) {
        self.kind = kind
        self.source = source
        self.offset = offset
        self.reason = reason
        self.detail = detail
    }

    /// Where: `crawl.warc.gz, record at offset 5120 (https://example.org/a)`.
    public var location: String {
        var place = source
        if let offset { place += ", record at offset \(offset)" }
        if let detail { place += " (\(detail))" }
        return place
    }

    /// `crawl.warc.gz, record at offset 5120 (https://example.org/a): status 404`.
    public var description: String {
        if case .droppedControlBytes(let count) = kind {
            return "\(location): \(reason): \(count == 1 ? "1 byte" : "\(count) bytes")"
        }
        return "\(location): \(reason)"
    }
}

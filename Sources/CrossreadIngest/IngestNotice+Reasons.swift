import CrossreadCore

/// The reasons ingest gives in notices, worded in one place (failures are in `IngestFailure`).
extension IngestNotice {
    static let droppedControlBytesReason = "stray control bytes dropped"

    /// A WARC record of another type than `response` ("request record", "warcinfo record").
    static func recordType(_ type: String) -> String { "\(type) record" }
    /// A `response` record whose block is not an HTTP response (`text/dns`, say).
    static func notHTTP(_ contentType: String) -> String { "not an HTTP response (\(contentType))" }
    /// An HTTP response with another status than 200.
    static func status(_ code: Int) -> String { "status \(code)" }
    /// An HTTP response that is neither HTML nor plain text (by its `Content-Type`, or its bytes).
    static func notAPage(_ mediaType: String) -> String { "not HTML or text (\(mediaType))" }
    /// A body compressed in a way Crossread does not read (`br`, `zstd`).
    static func unsupportedEncoding(_ encoding: String) -> String { "unsupported Content-Encoding \(encoding)" }
    /// A page whose body is empty or only white space.
    static let emptyPage = "empty page"
    /// A response the crawler kept only part of, with its `WARC-Truncated` cause (`length`, `time`).
    static func truncatedByCrawler(_ cause: String) -> String { "truncated by the crawler (WARC-Truncated: \(cause))" }
    /// A record the file ends inside (the last record of a cut download).
    static let truncatedRecord = "truncated record"
}

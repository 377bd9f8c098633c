/// Writes small WARC files for tests: `warcinfo`, `request`, `response` (an HTTP head and body as
/// given) and `metadata` records, uncompressed, or compressed by a caller-given gzip a record a
/// member (as Common Crawl writes `.warc.gz`) or as a whole.
public struct WARCWriter {
    /// Each record's bytes, uncompressed, in order (with the blank lines that end a record).
    public private(set) var records: [[UInt8]] = []
    /// `1.0` writes the target URI in angle brackets, as WARC 1.0 did.
    public var version: String
    private var serial = 0

    public init(version: String = "1.1") {
        self.version = version
    }

    /// An HTTP response: status line, headers, blank line, body (sent as given: chunk or compress it first).
    public static func httpResponse(status: Int = 200, reason: String = "OK", headers: [(String, String)],
                                    body: [UInt8]) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(reason)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        return Array((head + "\r\n").utf8) + body
    }

    /// `body` in chunked transfer coding, in chunks of `size` bytes (with a chunk extension on the first).
    public static func chunked(_ body: [UInt8], size: Int) -> [UInt8] {
        var output: [UInt8] = []
        var start = 0
        while start < body.count {
            let end = min(start + size, body.count)
            output += Array((String(end - start, radix: 16) + (start == 0 ? ";note=first" : "") + "\r\n").utf8)
            output += body[start..<end]
            output += Array("\r\n".utf8)
            start = end
        }
        return output + Array("0\r\n\r\n".utf8)
    }

    public mutating func warcinfo() {
        append(type: "warcinfo", uri: nil, date: "2026-01-01T00:00:00Z", contentType: "application/warc-fields",
               block: Array("software: crossread-tests\r\nformat: WARC File Format \(version)\r\n".utf8))
    }

    public mutating func request(uri: String, date: String) {
        append(type: "request", uri: uri, date: date, contentType: "application/http; msgtype=request",
               block: Array("GET / HTTP/1.1\r\nHost: example.org\r\nUser-Agent: crossread-tests\r\n\r\n".utf8))
    }

    /// A `response` record holding `http` (see `httpResponse`); `warcHeaders` are added to its header
    /// (`WARC-Truncated: length`, say).
    public mutating func response(uri: String, date: String, http: [UInt8], warcHeaders: [(String, String)] = []) {
        append(type: "response", uri: uri, date: date, contentType: "application/http; msgtype=response", block: http,
               warcHeaders: warcHeaders)
    }

    public mutating func metadata(uri: String, date: String) {
        append(type: "metadata", uri: uri, date: date, contentType: "application/warc-fields",
               block: Array("fetchTimeMs: 120\r\n".utf8))
    }

    /// Any record, as given.
    public mutating func append(type: String, uri: String?, date: String, contentType: String, block: [UInt8],
                                warcHeaders: [(String, String)] = []) {
        serial += 1
        var header = "WARC/\(version)\r\nWARC-Type: \(type)\r\n"
        header += "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-\(Self.twelveDigits(serial))>\r\n"
        header += "WARC-Date: \(date)\r\n"
        if let uri { header += "WARC-Target-URI: \(version == "1.0" ? "<\(uri)>" : uri)\r\n" }
        for (name, value) in warcHeaders { header += "\(name): \(value)\r\n" }
        header += "Content-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
        records.append(Array(header.utf8) + block + Array("\r\n\r\n".utf8))
    }

    /// The file uncompressed.
    public var uncompressed: [UInt8] { records.flatMap { $0 } }

    /// The file with each record its own gzip member, and where each member starts.
    public func perRecord(gzip: ([UInt8]) -> [UInt8]) -> (bytes: [UInt8], offsets: [Int]) {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        for record in records {
            offsets.append(bytes.count)
            bytes += gzip(record)
        }
        return (bytes, offsets)
    }

    private static func twelveDigits(_ serial: Int) -> String {
        let digits = String(serial)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// Where each record starts in the uncompressed file.
    public var uncompressedOffsets: [Int] {
        var offsets: [Int] = []
        var offset = 0
        for record in records {
            offsets.append(offset)
            offset += record.count
        }
        return offsets
    }
}

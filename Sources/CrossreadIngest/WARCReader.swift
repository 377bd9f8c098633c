import CrossreadCore

/// Reads a WARC file (ISO 28500, versions 1.0 and 1.1; uncompressed, gzip as a whole, or a gzip member
/// a record as Common Crawl writes `.warc.gz`) record by record:
/// 1. a `response` record whose HTTP status is 200 and whose body is HTML or plain text becomes an
///    article: the HTTP body with its chunked and gzip/deflate codings undone is its bytes (and so its
///    identity: a page seen in two crawls is one document), `WARC-Target-URI` its source and URL,
///    `WARC-Date` its fetch time, the `Content-Type` charset its encoding;
/// 2. every other record (request, metadata, warcinfo; other statuses, images, pages the crawler cut
///    short with `WARC-Truncated`, a last record the file ends inside) is skipped
///    with a notice naming its offset and why; a record that cannot be decoded is a failure;
/// 3. reading goes on with the next record, and stops only where the file cannot be followed (a
///    malformed record header, corrupt compression, the end of a cut file).
/// Memory stays within one kept record's body (at most the article limit) and one read chunk.
struct WARCReader {
    let source: String
    let maxArticleBytes: Int
    var input: BufferedByteStream

    /// Longer WARC or HTTP headers are refused as malformed.
    static let maxHeaderBytes = 64 * 1024

    /// A WARC record header: its fields, and where the record starts.
    private struct RecordHeader {
        let offset: Int
        let fields: HeaderFields
        let contentLength: Int
        var type: String { fields["warc-type"]?.lowercased() ?? "untyped" }
        var targetURI: String? { fields["warc-target-uri"].map(Self.unbracketed) }

        /// WARC 1.0 wrote the URI in angle brackets; 1.1 does not.
        private static func unbracketed(_ uri: String) -> String {
            uri.hasPrefix("<") && uri.hasSuffix(">") ? String(uri.dropFirst().dropLast()) : uri
        }
    }

    private enum HeaderRead {
        case header(RecordHeader)
        case end
        case truncated(offset: Int)
        case malformed(offset: Int, problem: String)
    }

    mutating func read(_ handle: (IngestEvent) throws -> Void) rethrows {
        var lastOffset = 0
        reading: while true {
            switch readHeader() {
            case .end:
                break reading
            case .truncated(let offset):
                try endedInside(offset: offset, uri: nil, handle)
                return
            case .malformed(let offset, let problem):
                try fail(.badRecord(record: Self.place(offset, nil), problem: problem), handle)
                return
            case .header(let header):
                lastOffset = header.offset
                guard try readBlock(of: header, handle) else { return }
            }
        }
        if case .failed(let failure) = input.status {
            try fail(.badRecord(record: "after " + Self.place(lastOffset, nil), problem: failure.reason), handle)
        }
    }

    /// Reads the next record's header, after the blank lines that end the record before.
    private mutating func readHeader() -> HeaderRead {
        while let byte = input.peek(), byte == 13 || byte == 10 { _ = input.skip(1) }
        guard input.peek() != nil else { return .end }
        let offset = input.gzipMemberOffset() ?? input.offset
        guard let (versionLine, _) = input.readLine(limit: 256) else {
            return input.status != .more ? .truncated(offset: offset)
                : .malformed(offset: offset, problem: "not a WARC record (no WARC/1.x line)")
        }
        guard versionLine.starts(with: Array("WARC/".utf8)) else {
            return .malformed(offset: offset, problem: "not a WARC record (no WARC/1.x line)")
        }
        var lines: [[UInt8]] = []
        var size = 0
        while true {
            guard let (line, consumed) = input.readLine(limit: Self.maxHeaderBytes) else {
                return input.status == .more ? .malformed(offset: offset, problem: "record header longer than 64 KB")
                    : .truncated(offset: offset)
            }
            if line.isEmpty { break }
            size += consumed
            guard size <= Self.maxHeaderBytes else {
                return .malformed(offset: offset, problem: "record header longer than 64 KB")
            }
            lines.append(line)
        }
        let fields = HeaderFields(lines: lines)
        guard let length = fields["content-length"].flatMap({ Int($0) }), length >= 0 else {
            return .malformed(offset: offset, problem: "no valid Content-Length in the record header")
        }
        return .header(RecordHeader(offset: offset, fields: fields, contentLength: length))
    }

    /// Reads (or skips) one record's block. Returns false when the file cannot be read further.
    private mutating func readBlock(of header: RecordHeader, _ handle: (IngestEvent) throws -> Void) rethrows -> Bool {
        let uri = header.targetURI
        func skip(_ remaining: Int, reason: String, _ handle: (IngestEvent) throws -> Void) throws -> Bool {
            guard input.skip(remaining) == remaining else {
                try endedInside(offset: header.offset, uri: uri, handle)
                return false
            }
            try skipped(offset: header.offset, reason: reason, uri: uri, handle)
            return true
        }
        guard header.type == "response" else {
            return try skip(header.contentLength, reason: IngestNotice.recordType(header.type), handle)
        }
        if let cause = header.fields["warc-truncated"] {
            // The crawler kept only part of the page (`length`, `time`...): not a whole article.
            return try skip(header.contentLength, reason: IngestNotice.truncatedByCrawler(cause.lowercased()), handle)
        }
        let blockType = header.fields["content-type"] ?? "no Content-Type"
        guard blockType.lowercased().hasPrefix("application/http") else {
            return try skip(header.contentLength, reason: IngestNotice.notHTTP(blockType), handle)
        }

        // The HTTP status line and headers.
        var remaining = header.contentLength
        var headLines: [[UInt8]] = []
        while true {
            guard remaining > 0, let (line, consumed) = input.readLine(limit: min(remaining, Self.maxHeaderBytes) + 1),
                  consumed <= remaining else {
                if input.status != .more && input.available < remaining {
                    try endedInside(offset: header.offset, uri: uri, handle)
                    return false
                }
                try fail(.badRecord(record: Self.place(header.offset, uri), problem: "malformed HTTP response head"), handle)
                return input.skip(remaining) == remaining
            }
            remaining -= consumed
            if line.isEmpty { break }
            headLines.append(line)
        }
        guard let statusLine = headLines.first,
              let response = HTTPResponseHead(statusLine: statusLine, headerLines: Array(headLines.dropFirst())) else {
            try fail(.badRecord(record: Self.place(header.offset, uri), problem: "malformed HTTP status line"), handle)
            return input.skip(remaining) == remaining
        }
        guard response.status == 200 else {
            return try skip(remaining, reason: IngestNotice.status(response.status), handle)
        }
        var format: InputFormat? = nil
        switch response.mediaType {
        case "text/html"?, "application/xhtml+xml"?: format = .html
        case "text/plain"?: format = .text
        case nil: format = nil
        case let other?: return try skip(remaining, reason: IngestNotice.notAPage(other), handle)
        }
        if let unsupported = response.contentEncodings.first(where: { !["gzip", "x-gzip", "deflate"].contains($0) }) {
            return try skip(remaining, reason: IngestNotice.unsupportedEncoding(unsupported), handle)
        }
        guard remaining <= maxArticleBytes else {
            try fail(.badRecord(record: Self.place(header.offset, uri), problem: IngestFailure.tooLarge(
                bytes: remaining, atLeast: false, limit: maxArticleBytes, wholeFile: false).reason), handle)
            return input.skip(remaining) == remaining
        }

        // The body, read whole (it is at most the article limit).
        var body = input.read(remaining)
        guard body.count == remaining else {
            try endedInside(offset: header.offset, uri: uri, handle)
            return false
        }
        switch decodedBody(body, response: response) {
        case .success(let decoded): body = decoded
        case .failure(let problem):
            try fail(.badRecord(record: Self.place(header.offset, uri), problem: problem.reason), handle)
            return true
        }
        let pageFormat: InputFormat
        if let format {
            pageFormat = format
        } else {
            switch FormatSniffer.detect(body, complete: true, name: uri ?? "") {
            case .html: pageFormat = .html
            case .text: pageFormat = .text
            default: return try skip(0, reason: IngestNotice.notAPage("no Content-Type"), handle)
            }
        }
        let decoded = TextDecoding.decodeDroppingStrays(body, declaredIn: pageFormat == .html ? .html : nil,
                                                        transportCharset: response.charset)
        if decoded.text.utf8.allSatisfy(FormatSniffer.isSpace) {
            return try skip(0, reason: IngestNotice.emptyPage, handle)
        }
        let given = DocumentMetadata(url: uri, fetched: header.fields["warc-date"].flatMap(PublicationDate.parse))
        try handle(.article(RawArticle(source: uri ?? Self.place(header.offset, nil, in: source), format: pageFormat,
                                       content: decoded.text, original: body, given: given)))
        if decoded.dropped > 0 {
            try handle(.notice(IngestNotice(kind: .droppedControlBytes(decoded.dropped), source: source,
                                            offset: header.offset, reason: IngestNotice.droppedControlBytesReason,
                                            detail: uri)))
        }
        return true
    }

    /// The HTTP body with its transfer and content codings undone (encodings were checked before).
    private func decodedBody(_ body: [UInt8], response: HTTPResponseHead) -> Result<[UInt8], IngestFailure> {
        var bytes = body
        if response.isChunked {
            switch HTTPBodyDecoder.dechunk(bytes) {
            case .success(let data): bytes = data
            case .failure: return .failure(.malformedChunkedBody)
            }
        }
        switch HTTPBodyDecoder.decompress(bytes, encodings: response.contentEncodings, limit: maxArticleBytes) {
        case .success(let data)?:
            return .success(data)
        case .failure(.tooLarge(let size))?:
            return .failure(.tooLarge(bytes: size, atLeast: true, limit: maxArticleBytes, wholeFile: false))
        case .failure(.corruptContent(let encoding, let detail))?:
            return .failure(.corruptContentEncoding(encoding: encoding, detail: detail))
        case .failure(.malformedChunks)?:
            return .failure(.malformedChunkedBody)
        case nil:
            return .success(bytes)
        }
    }

    private func skipped(offset: Int, reason: String, uri: String?, _ handle: (IngestEvent) throws -> Void) rethrows {
        try handle(.notice(IngestNotice(kind: .skippedRecord, source: source, offset: offset, reason: reason, detail: uri)))
    }

    /// The file ended inside the record at `offset` (a cut download: a notice), or its compression
    /// broke there (a failure).
    private func endedInside(offset: Int, uri: String?, _ handle: (IngestEvent) throws -> Void) rethrows {
        if case .failed(let failure) = input.status, failure != .truncatedGzip {
            try fail(.badRecord(record: Self.place(offset, uri), problem: failure.reason), handle)
        } else {
            try skipped(offset: offset, reason: IngestNotice.truncatedRecord, uri: uri, handle)
        }
    }

    private func fail(_ failure: IngestFailure, _ handle: (IngestEvent) throws -> Void) rethrows {
        try handle(.failure(failure.error(source: source)))
    }

    /// `record at offset 5120 (https://example.org/a)`, or with the file first when `file` is given.
    private static func place(_ offset: Int, _ uri: String?, in file: String? = nil) -> String {
        (file.map { $0 + ", " } ?? "") + "record at offset \(offset)" + (uri.map { " (\($0))" } ?? "")
    }
}

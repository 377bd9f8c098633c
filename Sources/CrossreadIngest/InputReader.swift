import CrossreadCore

/// Reads one input (an open file, standard input or bytes in memory) into events:
/// 1. peek at the first bytes: gzip magic means inflate on the fly;
/// 2. detect the format from the first 64 KB (and the name's extension where content is plain);
/// 3. JSON Lines and WARC files are streamed (line by line, record by record); text, HTML and feeds
///    are read whole within their limit; UTF-16/32 files are decoded whole, then detected again.
/// Stray control bytes (a few NULs in a page) are dropped while decoding and reported as a notice.
struct InputReader {
    let options: IngestOptions
    /// The input's path (or "stdin"), used for failures and item sources.
    let source: String
    /// Size on disk for a regular file, which lets a too-large file be refused without reading it.
    let knownSize: Int?

    private static let chunkSize = 1 << 20

    func read(_ raw: RawByteSource, _ handle: (IngestEvent) throws -> Void) rethrows {
        // A regular file that may be one article is read at once; anything else starts with a sample.
        var firstRead = FormatSniffer.sampleSize
        if let knownSize, knownSize <= options.maxArticleBytes { firstRead = max(knownSize + 1, 2) }
        var stream = ByteStream(raw: raw, firstRead: firstRead)
        var head: [UInt8] = []
        var status = stream.append(to: &head, upTo: stream.isGzip ? FormatSniffer.sampleSize : firstRead)
        let format = FormatSniffer.detect(head, complete: status != .more, name: source)

        // Streamed formats keep what came before a failure (the lines, the records) and report it after.
        if case .failed(let failure) = status, format != .jsonLines, format != .warc {
            return try fail(failure, handle)
        }
        switch format {
        case .empty:
            try fail(.emptyFile, handle)
        case .binary(let kind):
            try fail(.binaryFile(kind), handle)
        case .jsonDocument:
            try fail(.jsonDocument, handle)
        case .jsonLines:
            try streamLines(head: head, status: &status, stream: &stream, handle)
        case .warc:
            var reader = WARCReader(source: source, maxArticleBytes: options.maxArticleBytes,
                                    input: BufferedByteStream(stream: stream, head: head, status: status))
            try reader.read(handle)
        case .text, .html:
            switch readWhole(head: head, status: status, stream: &stream, limit: options.maxArticleBytes) {
            case .success(let bytes): try deliverArticle(bytes, format: format, handle)
            case .failure(let failure): try fail(failure, handle)
            }
        case .feed:
            switch readWhole(head: head, status: status, stream: &stream, limit: options.maxFileBytes) {
            case .success(let bytes):
                let decoded = TextDecoding.decodeDroppingStrays(bytes, declaredIn: .xml)
                try FeedReader(source: source, maxArticleBytes: options.maxArticleBytes).read(Array(decoded.text.utf8), handle)
                try noteDropped(decoded.dropped, handle)
            case .failure(let failure): try fail(failure, handle)
            }
        case .unicodeWithBOM(let form):
            switch readWhole(head: head, status: status, stream: &stream, limit: options.maxFileBytes) {
            case .success(let bytes): try deliverWide(bytes, form: form, handle)
            case .failure(let failure): try fail(failure, handle)
            }
        }
    }

    private func fail(_ failure: IngestFailure, _ handle: (IngestEvent) throws -> Void) rethrows {
        try handle(.failure(failure.error(source: source)))
    }

    /// Tells how many stray control bytes decoding this input dropped, when it dropped any.
    private func noteDropped(_ count: Int, _ handle: (IngestEvent) throws -> Void) rethrows {
        guard count > 0 else { return }
        try handle(.notice(IngestNotice(kind: .droppedControlBytes(count), source: source,
                                        reason: IngestNotice.droppedControlBytesReason)))
    }

    /// The whole input, or `tooLarge` once it passes `limit` (the rest is only counted).
    private func readWhole(head: [UInt8], status: StreamStatus, stream: inout ByteStream,
                           limit: Int) -> Result<[UInt8], IngestFailure> {
        if !stream.isGzip, let knownSize, knownSize > limit {
            return .failure(.tooLarge(bytes: knownSize, atLeast: false, limit: limit, wholeFile: limit != options.maxArticleBytes))
        }
        var bytes = head
        var status = status
        while status == .more, bytes.count <= limit {
            status = stream.append(to: &bytes, upTo: limit + 1 - bytes.count)
        }
        if case .failed(let failure) = status { return .failure(failure) }
        if bytes.count > limit {
            // Count the rest so the message says how large it is; stop counting at 64 times the limit.
            let rest = stream.drainCount(cap: limit.multipliedReportingOverflow(by: 64).partialValue)
            if case .failed(let failure) = rest.status { return .failure(failure) }
            return .failure(.tooLarge(bytes: bytes.count + rest.bytes, atLeast: rest.capped, limit: limit,
                                      wholeFile: limit != options.maxArticleBytes))
        }
        return .success(bytes)
    }

    private func deliverArticle(_ bytes: [UInt8], format: DetectedFormat,
                                _ handle: (IngestEvent) throws -> Void) rethrows {
        let decoded = TextDecoding.decodeDroppingStrays(bytes, declaredIn: format == .html ? .html : nil)
        if decoded.text.utf8.allSatisfy(FormatSniffer.isSpace) { return try fail(.emptyFile, handle) }
        try handle(.article(RawArticle(source: source, format: format == .html ? .html : .text,
                                       content: decoded.text, original: bytes)))
        try noteDropped(decoded.dropped, handle)
    }

    /// A UTF-16 or UTF-32 file: decoded whole, then read as whatever the decoded text is.
    private func deliverWide(_ bytes: [UInt8], form: DetectedFormat.UnicodeForm,
                             _ handle: (IngestEvent) throws -> Void) rethrows {
        var decoded = TextDecoding.decodeWide(bytes, form: form)
        if decoded.unicodeScalars.first == "\u{FEFF}" { decoded = String(decoded.unicodeScalars.dropFirst()) }
        let kept = StrayControlBytes.removed(from: Array(decoded.utf8))
        let utf8 = kept.bytes
        if kept.dropped > 0 { decoded = String(decoding: utf8, as: UTF8.self) }
        try noteDropped(kept.dropped, handle)
        switch FormatSniffer.detect(utf8, complete: true, name: source) {
        case .empty:
            try fail(.emptyFile, handle)
        case .binary(let kind):
            try fail(.binaryFile(kind), handle)
        case .unicodeWithBOM, .warc:
            try fail(.binaryFile(nil), handle)
        case .jsonDocument:
            try fail(.jsonDocument, handle)
        case .feed:
            try FeedReader(source: source, maxArticleBytes: options.maxArticleBytes).read(utf8, handle)
        case .jsonLines:
            var splitter = LineSplitter(maxLineBytes: options.maxArticleBytes)
            let reader = JSONLinesReader(source: source, maxArticleBytes: options.maxArticleBytes)
            try splitter.feed(utf8) { try reader.process(lineNumber: $0, line: $1, handle) }
            try splitter.finish { try reader.process(lineNumber: $0, line: $1, handle) }
        case .text, .html:
            if utf8.count > options.maxArticleBytes {
                return try fail(.tooLarge(bytes: utf8.count, atLeast: false, limit: options.maxArticleBytes, wholeFile: false), handle)
            }
            let format: InputFormat = FormatSniffer.detect(utf8, complete: true, name: source) == .html ? .html : .text
            try handle(.article(RawArticle(source: source, format: format, content: decoded, original: bytes)))
        }
    }

    private func streamLines(head: [UInt8], status: inout StreamStatus, stream: inout ByteStream,
                             _ handle: (IngestEvent) throws -> Void) rethrows {
        var splitter = LineSplitter(maxLineBytes: options.maxArticleBytes)
        let reader = JSONLinesReader(source: source, maxArticleBytes: options.maxArticleBytes)
        try splitter.feed(head) { try reader.process(lineNumber: $0, line: $1, handle) }
        var chunk: [UInt8] = []
        while status == .more {
            chunk.removeAll(keepingCapacity: true)
            status = stream.append(to: &chunk, upTo: Self.chunkSize)
            try splitter.feed(chunk) { try reader.process(lineNumber: $0, line: $1, handle) }
        }
        if case .failed(let failure) = status {
            // The unfinished last line of a broken stream is not an item.
            return try fail(failure, handle)
        }
        try splitter.finish { try reader.process(lineNumber: $0, line: $1, handle) }
    }
}

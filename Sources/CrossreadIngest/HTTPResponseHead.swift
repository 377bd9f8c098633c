/// The status line and headers of an HTTP response as a WARC `response` record keeps them: what
/// decides whether the body is a page (status, media type) and how to read it (charset, encodings).
struct HTTPResponseHead {
    let status: Int
    /// The `Content-Type` media type in lower case (`text/html`), nil when none is given.
    let mediaType: String?
    /// The `charset` parameter of `Content-Type`, when given.
    let charset: String?
    /// The `Content-Encoding` codings in the order they were applied, lower case, `identity` left out.
    let contentEncodings: [String]
    /// True when `Transfer-Encoding` ends with `chunked`.
    let isChunked: Bool

    /// Nil when the first line is not an HTTP status line (`HTTP/1.1 200 OK`).
    init?(statusLine: [UInt8], headerLines: [[UInt8]]) {
        let parts = String(decoding: statusLine, as: UTF8.self).split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]), (100...999).contains(status) else {
            return nil
        }
        self.status = status
        let fields = HeaderFields(lines: headerLines)
        var mediaType: String? = nil
        var charset: String? = nil
        if let contentType = fields["content-type"] {
            let parameters = contentType.split(separator: ";")
            let type = parameters.first.map { $0.trimmingSpaces.lowercased() } ?? ""
            mediaType = type.isEmpty ? nil : type
            for parameter in parameters.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmingSpaces.lowercased() == "charset" {
                    let label = pair[1].trimmingSpaces.trimmingCharacters(in: "\"'")
                    if !label.isEmpty { charset = label }
                }
            }
        }
        self.mediaType = mediaType
        self.charset = charset
        contentEncodings = (fields["content-encoding"] ?? "").split(separator: ",")
            .map { $0.trimmingSpaces.lowercased() }
            .filter { !$0.isEmpty && $0 != "identity" }
        isChunked = (fields["transfer-encoding"] ?? "").split(separator: ",").last?.trimmingSpaces.lowercased() == "chunked"
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

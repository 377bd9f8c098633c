/// Undoes what HTTP did to a page's bytes on the wire: chunked transfer coding, then gzip or
/// deflate content coding, so the body is the page as the server meant it.
enum HTTPBodyDecoder {
    /// Why a body could not be decoded.
    enum Problem: Error, Equatable {
        case malformedChunks
        case corruptContent(encoding: String, detail: String)
        case tooLarge(bytes: Int)
    }

    /// The data of a chunked body (trailers ignored); `malformedChunks` when a chunk size line is not
    /// hexadecimal or the body ends before its last (zero) chunk.
    static func dechunk(_ body: [UInt8]) -> Result<[UInt8], Problem> {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = 0
        while true {
            var size = 0, digits = 0
            while index < body.count, let value = hexValue(body[index]) {
                guard digits < 15 else { return .failure(.malformedChunks) }
                size = size * 16 + value
                digits += 1
                index += 1
            }
            guard digits > 0, let lineEnd = body[index...].firstIndex(of: 10) else { return .failure(.malformedChunks) }
            index = lineEnd + 1
            if size == 0 { return .success(output) }
            guard size <= body.count - index else { return .failure(.malformedChunks) }
            output.append(contentsOf: body[index..<(index + size)])
            index += size
            if index < body.count, body[index] == 13 { index += 1 }
            guard index < body.count, body[index] == 10 else { return .failure(.malformedChunks) }
            index += 1
        }
    }

    /// `body` with its content codings (`gzip`, `x-gzip`, `deflate`) undone, last applied first;
    /// at most `limit` bytes. A body labelled gzip that does not start with the gzip magic is taken
    /// as it is (servers mislabel). Returns nil for a coding Crossread does not read.
    static func decompress(_ body: [UInt8], encodings: [String], limit: Int) -> Result<[UInt8], Problem>? {
        var bytes = body
        for encoding in encodings.reversed() {
            let rawDeflate: Bool
            switch encoding {
            case "gzip", "x-gzip":
                guard GzipInflater.hasMagic(bytes) else { continue }
                rawDeflate = false
            case "deflate":
                // zlib framing (RFC 1950) as the standard says, or bare deflate as some servers send.
                rawDeflate = !(bytes.count >= 2 && bytes[0] & 0x0F == 8 && (Int(bytes[0]) << 8 | Int(bytes[1])) % 31 == 0)
            default:
                return nil
            }
            switch inflate(bytes, rawDeflate: rawDeflate, limit: limit) {
            case .success(let inflated): bytes = inflated
            case .failure(.corruptContent(_, let detail)): return .failure(.corruptContent(encoding: encoding, detail: detail))
            case .failure(let other): return .failure(other)
            }
        }
        return .success(bytes)
    }

    private static func inflate(_ bytes: [UInt8], rawDeflate: Bool, limit: Int) -> Result<[UInt8], Problem> {
        var source = RawByteSource.memory([])
        let inflater = GzipInflater(pending: bytes, rawDeflate: rawDeflate)
        var output: [UInt8] = []
        switch inflater.append(to: &output, upTo: limit + 1, from: &source) {
        case .end:
            return .success(output)
        case .more:
            // `limit + 1` bytes came out and more would follow.
            return .failure(.tooLarge(bytes: output.count))
        case .failed(let failure):
            return .failure(.corruptContent(encoding: "", detail: failure.reason))
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: return Int(byte - 0x30)
        case 0x41...0x46: return Int(byte - 0x41 + 10)
        case 0x61...0x66: return Int(byte - 0x61 + 10)
        default: return nil
        }
    }
}

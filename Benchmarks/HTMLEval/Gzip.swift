import CZlib

/// Gunzips a whole buffer through zlib (window bits 15 + 32 read gzip and zlib headers), straight
/// into storage of the size the gzip trailer gives (doubled and retried when that is short: a file
/// of several members).
enum Gzip {
    static func decompress(_ input: [UInt8]) -> [UInt8]? {
        var capacity = expectedSize(input)
        while true {
            var finished: Bool?
            let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                (finished, count) = inflateAll(input, into: buffer)
            }
            guard let finished else { return nil }
            if finished { return output }
            capacity *= 2
        }
    }

    /// The same, decoded as UTF-8 (invalid bytes repaired) without a second copy.
    static func decompressString(_ input: [UInt8]) -> String? {
        var capacity = expectedSize(input)
        while true {
            var finished: Bool?
            let output = String(unsafeUninitializedCapacity: capacity) { buffer in
                let (done, count) = inflateAll(input, into: buffer)
                finished = done
                return count
            }
            guard let finished else { return nil }
            if finished { return output }
            capacity *= 2
        }
    }

    /// ISIZE, the last four bytes of a gzip file (the uncompressed size modulo 2^32), or a guess.
    private static func expectedSize(_ input: [UInt8]) -> Int {
        guard input.count >= 18, input[0] == 0x1f, input[1] == 0x8b else { return max(input.count * 4, 1 << 16) }
        let tail = input.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        return max(tail, 1)
    }

    /// Inflates all of `input` into `buffer`: true and the bytes written at the stream's end, false
    /// when the buffer filled first, nil on a zlib error.
    private static func inflateAll(_ input: [UInt8], into buffer: UnsafeMutableBufferPointer<UInt8>) -> (Bool?, Int) {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return (nil, 0) }
        defer { inflateEnd(&stream) }
        return input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            stream.next_out = buffer.baseAddress
            stream.avail_out = UInt32(buffer.count)
            let code = inflate(&stream, Z_FINISH)
            let produced = buffer.count - Int(stream.avail_out)
            if code == Z_STREAM_END { return (true, produced) }
            if code == Z_BUF_ERROR || code == Z_OK { return (stream.avail_out == 0 ? false : nil, produced) }
            return (nil, produced)
        }
    }
}

import CZlib

/// Gunzips a whole buffer through zlib (window bits 15 + 32 read gzip and zlib headers).
enum Gzip {
    static func decompress(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: max(input.count * 4, 1 << 16))
        var produced = 0
        var source = input
        let status: Int32 = source.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            while true {
                if produced == output.count { output += [UInt8](repeating: 0, count: output.count) }
                let result: Int32 = output.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress! + produced
                    stream.avail_out = UInt32(outBuffer.count - produced)
                    let code = inflate(&stream, Z_NO_FLUSH)
                    produced = outBuffer.count - Int(stream.avail_out)
                    return code
                }
                if result == Z_STREAM_END { return Z_OK }
                if result != Z_OK && result != Z_BUF_ERROR { return result }
                if result == Z_BUF_ERROR && stream.avail_in == 0 { return result }
            }
        }
        guard status == Z_OK else { return nil }
        return Array(output.prefix(produced))
    }
}

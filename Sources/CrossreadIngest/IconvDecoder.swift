#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes a legacy encoding (windows-1251, koi8-r, shift_jis, ...) to UTF-8 through the C
/// library's `iconv`. Bytes the encoding cannot read become U+FFFD.
enum IconvDecoder {
    /// Nil when `iconv` does not know the encoding.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: String) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }

        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var written = 0
        var inputOffset = 0
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        while inputOffset < bytes.count {
            if output.count - written < 16 { output.append(contentsOf: repeatElement(0, count: output.count)) }
            var inputLeft = bytes.count - inputOffset
            var outputLeft = output.count - written
            let result: Int = output.withUnsafeMutableBufferPointer { out in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: bytes.baseAddress! + inputOffset)
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress! + written)
                    .assumingMemoryBound(to: CChar.self)
                return iconv(converter, &inPointer, &inputLeft, &outPointer, &outputLeft)
            }
            let error = errno
            inputOffset = bytes.count - inputLeft
            written = output.count - outputLeft
            if result != -1 { break }
            if output.count - written < 3 { output.append(contentsOf: repeatElement(0, count: 16)) }
            switch error {
            case E2BIG:
                output.append(contentsOf: repeatElement(0, count: output.count))
            case EILSEQ:
                output.replaceSubrange(written..<(written + 3), with: replacement)
                written += 3
                inputOffset += 1
            default:
                // EINVAL: an incomplete sequence at the end.
                output.replaceSubrange(written..<(written + 3), with: replacement)
                written += 3
                inputOffset = bytes.count
            }
        }
        return String(decoding: output[0..<written], as: UTF8.self)
    }
}

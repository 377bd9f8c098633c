/// The Windows-1252 code page: bytes 0x80 to 0x9F are typographic marks (`“ ” – € …`), the rest
/// equal their Latin-1 code points. Undefined bytes map to the C1 controls, as browsers do.
enum Windows1252 {
    static let highControls: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func scalar(_ byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? UInt32(highControls[Int(byte) - 0x80]) : UInt32(byte)
    }

    /// Appends the UTF-8 encoding of `byte` read as Windows-1252.
    static func appendUTF8(of byte: UInt8, to output: inout [UInt8]) {
        let value = scalar(byte)
        if value < 0x80 {
            output.append(UInt8(value))
        } else if value < 0x800 {
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 { output.append(byte) } else { appendUTF8(of: byte, to: &output) }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Splits text into words on its UTF-8 bytes and hashes each lowercased word to 64 bits, without
/// building a `String` per word. Words are runs of ASCII letters and digits and of non-ASCII
/// letters; punctuation (ASCII, Latin-1 and General Punctuation: curly quotes, dashes) separates.
public enum WordHasher {
    /// The 64-bit hash of every word of `text`, in order.
    public static func wordHashes(of text: String) -> [UInt64] {
        var text = text
        return text.withUTF8 { wordHashes(ofUTF8: $0) }
    }

    /// The 64-bit hash of every word of a UTF-8 buffer, in order.
    public static func wordHashes(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(bytes.count / 5)
        var hash: UInt64 = fnvOffset
        var inWord = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            var width = 1
            var isWordByte: Bool
            if byte < 0x80 {
                isWordByte = asciiWordTable[Int(byte)]
            } else {
                width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                isWordByte = !isPunctuationSequence(bytes, at: index, lead: byte)
            }
            if isWordByte {
                let end = min(index + width, count)
                while index < end {
                    var b = bytes[index]
                    if b &- 0x41 < 26 { b |= 0x20 }
                    hash = (hash ^ UInt64(b)) &* fnvPrime
                    index += 1
                }
                inWord = true
            } else {
                if inWord {
                    hashes.append(finalize(hash))
                    hash = fnvOffset
                    inWord = false
                }
                index += width
            }
        }
        if inWord { hashes.append(finalize(hash)) }
        return hashes
    }

    /// Latin-1 punctuation and spaces (U+00A0...U+00BF, U+00D7, U+00F7), General Punctuation
    /// (U+2000...U+206F) and ideographic spaces and marks (U+3000...U+303F) separate words.
    @inline(__always)
    static func isPunctuationSequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lead: UInt8) -> Bool {
        guard index + 1 < bytes.count else { return true }
        let second = bytes[index + 1]
        switch lead {
        case 0xC2: return second >= 0xA0 && second <= 0xBF
        case 0xC3: return second == 0x97 || second == 0xB7
        case 0xE2: return second == 0x80 || second == 0x81
        case 0xE3: return second == 0x80
        case 0xEF: return second == 0xBB || second == 0xBC  // BOM and fullwidth punctuation
        default: return lead < 0xC0  // stray continuation byte
        }
    }

    /// splitmix64's finalizer: spreads FNV-1a's weak low bits over all 64.
    @inline(__always)
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    static let fnvOffset: UInt64 = 0xCBF29CE484222325
    static let fnvPrime: UInt64 = 0x100000001B3

    private static let asciiWordTable: [Bool] = (0..<128).map { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

/// 64-bit FNV-1a hashes of byte ranges, optionally ASCII-lowercased and with curly apostrophes
/// read as straight ones, so word lists are looked up without building a `String`.
public enum ByteHash {
    public static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// Hash of `bytes[range]`; `lowercased` folds ASCII case and maps "’" to "'".
    @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lowercased: Bool = true,
                            seed: UInt64 = ByteHash.seed) -> UInt64 {
        var h = seed
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            var b = bytes[i]
            if lowercased {
                if b.isASCIIUpper { b |= 0x20 }
                // U+2019 (E2 80 99) reads as "'".
                else if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { b = 0x27; i += 2 }
            }
            h = (h ^ UInt64(b)) &* prime
            i += 1
        }
        return h
    }

    /// Hash of a word in title case: first ASCII letter upper case, the rest lower case ("florida",
    /// "FLORIDA" -> the hash of "Florida").
    @inline(__always)
    public static func titleCaseHash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h = seed
        var i = range.lowerBound
        while i < range.upperBound {
            var b = bytes[i]
            if i == range.lowerBound { if b.isASCIILower { b &= 0xDF } } else if b.isASCIIUpper { b |= 0x20 }
            h = (h ^ UInt64(b)) &* prime
            i += 1
        }
        return h
    }

    /// Hash of a string, the same as `hash(_:_:lowercased:)` over its UTF-8 bytes.
    public static func hash(_ text: String, lowercased: Bool = true) -> UInt64 {
        var text = text
        return text.withUTF8 { hash($0, 0..<$0.count, lowercased: lowercased) }
    }

    /// Continues a phrase hash with a separator and the next word, so "new york" hashes the same
    /// whatever whitespace separates the words in the text.
    @inline(__always)
    public static func extend(_ h: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lowercased: Bool = true) -> UInt64 {
        hash(bytes, range, lowercased: lowercased, seed: (h ^ 0x20) &* prime)
    }

    /// Mixes two hashes (feature template and value).
    @inline(__always)
    public static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var x = a &+ 0x9E37_79B9_7F4A_7C15 &+ (b << 6) &+ (b >> 2) ^ b
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }
}

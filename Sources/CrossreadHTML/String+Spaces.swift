extension String {
    /// Whether the UTF-8 bytes hold `needle`, compared byte for byte (no Foundation, no locale).
    func containsASCII(_ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        let pattern = needle.utf8Start
        var copy = self
        return copy.withUTF8 { bytes in
            guard bytes.count >= count, count > 0 else { return count == 0 }
            var start = 0
            while start + count <= bytes.count {
                if bytes[start] == pattern[0] {
                    var index = 1
                    while index < count && bytes[start + index] == pattern[index] { index += 1 }
                    if index == count { return true }
                }
                start += 1
            }
            return false
        }
    }

    /// The UTF-8 offset of the first occurrence of any of `needles`, compared byte for byte with
    /// ASCII letters in any case (no Foundation, no locale); nil when none occurs.
    func firstOffsetOfASCII(anyOf needles: [StaticString], caseInsensitive: Bool = false) -> Int? {
        var copy = self
        return copy.withUTF8 { bytes -> Int? in
            @inline(__always) func fold(_ byte: UInt8) -> UInt8 {
                caseInsensitive && byte >= 65 && byte <= 90 ? byte | 0x20 : byte
            }
            for start in 0..<bytes.count {
                let first = fold(bytes[start])
                for needle in needles {
                    let count = needle.utf8CodeUnitCount
                    let pattern = needle.utf8Start
                    guard count > 0, first == pattern[0], start + count <= bytes.count else { continue }
                    var index = 1
                    while index < count && fold(bytes[start + index]) == pattern[index] { index += 1 }
                    if index == count { return start }
                }
            }
            return nil
        }
    }

    /// The text before the first occurrence of any of `needles` (the whole text when none occurs).
    func prefixBeforeASCII(anyOf needles: [StaticString]) -> String {
        guard let offset = firstOffsetOfASCII(anyOf: needles) else { return self }
        return String(decoding: utf8.prefix(offset), as: UTF8.self)
    }

    /// Without leading and trailing white space (ASCII and no-break spaces).
    var trimmingSpaces: String {
        var copy = self
        return copy.withUTF8 { bytes -> String in
            var start = 0, end = bytes.count
            while start < end, let length = Self.whiteSpaceLength(bytes, at: start) { start += length }
            guard start < end else { return "" }
            while let length = Self.whiteSpaceLength(endingAt: end, in: bytes, from: start) { end -= length }
            if start == 0 && end == bytes.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// Runs of white space as one space, trimmed.
    var collapsingSpaces: String {
        var copy = self
        return copy.withUTF8 { bytes -> String in
            // Most values need no change: check before copying.
            var clean = true
            var index = 0
            var previousWasSpace = true
            while index < bytes.count {
                if let length = Self.whiteSpaceLength(bytes, at: index) {
                    if previousWasSpace || length > 1 || bytes[index] != 32 { clean = false; break }
                    previousWasSpace = true
                    index += length
                } else {
                    previousWasSpace = false
                    index += 1
                }
            }
            if clean && !previousWasSpace { return self }
            if clean && bytes.isEmpty { return self }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            index = 0
            while index < bytes.count {
                if let length = Self.whiteSpaceLength(bytes, at: index) {
                    pendingSpace = !out.isEmpty
                    index += length
                } else {
                    if pendingSpace { out.append(32) }
                    pendingSpace = false
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The byte length of the Unicode white space character (`Unicode.Scalar.isSpace`) starting at
    /// `index`, or nil: ASCII space and controls, U+0085, U+00A0, U+1680, U+2000 to U+200A,
    /// U+2028, U+2029, U+202F, U+205F, U+3000.
    @inline(__always)
    static func whiteSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 32 || (byte >= 9 && byte <= 13) ? 1 : nil }
        guard byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 else { return nil }
        let second = index + 1 < bytes.count ? bytes[index + 1] : 0
        if byte == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : nil }
        let third = index + 2 < bytes.count ? bytes[index + 2] : 0
        switch (byte, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : nil
        case (0xE2, 0x80): return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : nil
        case (0xE2, 0x81): return third == 0x9F ? 3 : nil
        case (0xE3, 0x80): return third == 0x80 ? 3 : nil
        default: return nil
        }
    }

    /// The same for a white space character ending just before `end` (and not before `start`).
    @inline(__always)
    static func whiteSpaceLength(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard end > start else { return nil }
        if bytes[end - 1] < 0x80 { return whiteSpaceLength(bytes, at: end - 1) }
        for length in 2...3 where end - length >= start {
            if whiteSpaceLength(bytes, at: end - length) == length { return length }
        }
        return nil
    }
}

extension Unicode.Scalar {
    /// White space, checked without a property lookup for ASCII.
    @inline(__always) var isSpace: Bool {
        if value < 128 { return value == 32 || (value >= 9 && value <= 13) }
        return value == 0xA0 || properties.isWhitespace
    }

    /// A letter or digit, checked without a property lookup for ASCII.
    @inline(__always) var isLetterOrDigit: Bool {
        if value < 128 { return (value >= 48 && value <= 57) || ((value | 0x20) >= 97 && (value | 0x20) <= 122) }
        return properties.isAlphabetic || properties.numericType != nil
    }
}

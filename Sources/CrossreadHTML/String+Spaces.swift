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

    /// Without leading and trailing white space (ASCII and no-break spaces).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpace }),
              let last = scalars.lastIndex(where: { !$0.isSpace }) else { return "" }
        return String(scalars[first...last])
    }

    /// Runs of white space as one space, trimmed.
    var collapsingSpaces: String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
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

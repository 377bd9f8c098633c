import CrossreadCore

/// Hashes words the way `LineScanner` does (FNV-1a over lowercased UTF-8 bytes), for building
/// lexicons from strings.
enum WordHasher {
    static func hashes(of string: String) -> [UInt64] {
        var string = string
        return string.withUTF8 { bytes -> [UInt64] in
            var out: [UInt64] = []
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var length = 0
            var i = 0
            func flush() {
                if length > 0 { out.append(hash) }
                hash = 0xcbf2_9ce4_8422_2325
                length = 0
            }
            func add(_ byte: UInt8) {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                length += 1
            }
            while i < bytes.count {
                let c = bytes[i]
                if c < 0x80 {
                    let lower = c | 0x20
                    if (lower >= 0x61 && lower <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                        add((c >= 0x41 && c <= 0x5A) ? lower : c)
                    } else {
                        flush()
                    }
                    i += 1
                    continue
                }
                var size = 1
                if c >= 0xF0 { size = 4 } else if c >= 0xE0 { size = 3 } else if c >= 0xC0 { size = 2 }
                guard i + size <= bytes.count, c >= 0xC0 else { i += 1; continue }
                if LanguageGuess.isSeparatorCharacter(bytes, at: i, size: size) {
                    flush()
                    i += size
                    continue
                }
                if LanguageGuess.isIdeograph(bytes, at: i, size: size) {
                    // A Chinese or Japanese character is a word of its own.
                    flush()
                    for k in 0..<size { add(bytes[i + k]) }
                    flush()
                    i += size
                    continue
                }
                var first = c
                var second = bytes[i + 1]
                if size == 2 { LanguageGuess.lowercaseLatin(&first, &second) }
                add(first)
                add(second)
                if size > 2 { for k in 2..<size { add(bytes[i + k]) } }
                i += size
            }
            flush()
            return out
        }
    }
}

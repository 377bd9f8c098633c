/// One word of a class or id value: lowercased ASCII letters, at most 24.
struct ClassWord {
    var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var length = 0
    /// The word starts a class name (nothing but separators before it since the last space).
    var isFirstOfClassName = false
    /// The word ends a class name (only digits and separators follow before a space).
    var isLastOfClassName = false
    /// The word follows "--" in its class name (a BEM modifier).
    var isModifier = false
    /// The first eight letters packed, the lookup key of short words.
    var key: UInt64 { bytes.0 }
    var text: String {
        var copy = bytes
        return withUnsafeBytes(of: &copy) { raw in
            String(decoding: raw.prefix(length), as: UTF8.self)
        }
    }
}

/// Splits a class or id value into lowercase words at separators, digits and camelCase humps
/// ("articleBody" gives "article", "body"); "sr-only" style pairs are joined by the caller's stems.
struct ClassWordScanner {
    private let value: UnsafePointer<UInt8>
    private var index = 0
    private let limit = 400
    private var inModifier = false

    init(_ value: UnsafePointer<UInt8>) { self.value = value }

    static func key(_ word: String) -> UInt64 {
        var key: UInt64 = 0
        for (index, byte) in word.utf8.prefix(8).enumerated() { key |= UInt64(byte) << (8 * UInt64(index)) }
        return key
    }

    mutating func next() -> ClassWord? {
        // Skip to the next letter.
        var sawSpace = index == 0
        while index < limit, value[index] != 0, !isLetter(value[index]) {
            if value[index] <= 32 {
                sawSpace = true
                inModifier = false
            } else if value[index] == 45 && index > 0 && value[index - 1] == 45 {
                inModifier = true
            }
            index += 1
        }
        guard index < limit, value[index] != 0 else { return nil }
        var word = ClassWord()
        word.isFirstOfClassName = sawSpace
        word.isModifier = inModifier
        var previousLower = false
        while index < limit, value[index] != 0 {
            let byte = value[index]
            guard isLetter(byte) else { break }
            let upper = byte >= 65 && byte <= 90
            if upper && previousLower { break }  // camelCase hump starts a new word
            let lower = upper ? byte + 32 : byte
            if word.length < 24 {
                let slot = word.length / 8
                let shift = UInt64(word.length % 8) * 8
                switch slot {
                case 0: word.bytes.0 |= UInt64(lower) << shift
                case 1: word.bytes.1 |= UInt64(lower) << shift
                default: word.bytes.2 |= UInt64(lower) << shift
                }
                word.length += 1
            }
            previousLower = !upper
            index += 1
        }
        var look = index
        while look < limit, value[look] != 0, value[look] > 32, !isLetter(value[look]) { look += 1 }
        word.isLastOfClassName = look >= limit || value[look] <= 32
        return word
    }

    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
}

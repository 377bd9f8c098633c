/// A fixed open-addressing table from a class word's key (its first eight letters packed, never 0)
/// to a byte of flags: one multiply to hash instead of `Hasher`'s SipHash, in the loop that reads
/// every class and id value of a page.
struct WordKeyTable {
    /// The low bits: a `ContentHint` raw value, valid when `hasHint` is set.
    static let hintMask: UInt8 = 0x0F
    static let hasHint: UInt8 = 0x10
    static let layoutSwitch: UInt8 = 0x20
    static let taxonomy: UInt8 = 0x40

    private static let bits = 9
    private var keys = [UInt64](repeating: 0, count: 1 << bits)
    private var values = [UInt8](repeating: 0, count: 1 << bits)

    @inline(__always) private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// Adds `flags` to the key's entry (the table holds at most half its slots).
    mutating func add(_ key: UInt64, _ flags: UInt8) {
        precondition(key != 0)
        var index = Self.slot(key)
        while keys[index] != 0 && keys[index] != key { index = (index + 1) & ((1 << Self.bits) - 1) }
        keys[index] = key
        values[index] |= flags
    }

    /// The key's flags, 0 when absent.
    @inline(__always) func flags(of key: UInt64) -> UInt8 {
        var index = Self.slot(key)
        while true {
            let found = keys[index]
            if found == key { return values[index] }
            if found == 0 { return 0 }
            index = (index + 1) & ((1 << Self.bits) - 1)
        }
    }
}

/// Stems by their first letter, so a word is checked only against stems that can start at each of
/// its letters.
struct StemIndex {
    let stems: [[UInt8]]
    /// For each lowercase letter, the indexes of the stems starting with it, in list order.
    let byFirstLetter: [[Int]]

    init(_ stems: [[UInt8]]) {
        self.stems = stems
        var buckets = [[Int]](repeating: [], count: 26)
        for (index, stem) in stems.enumerated() where stem[0] >= 97 && stem[0] <= 122 {
            buckets[Int(stem[0] - 97)].append(index)
        }
        byFirstLetter = buckets
    }
}

extension ClassWord {
    /// The index of the first stem in the list the word holds anywhere, or nil.
    func firstStem(of index: StemIndex) -> Int? {
        var copy = bytes
        let length = length
        return withUnsafeBytes(of: &copy) { raw in
            var best = Int.max
            for start in 0..<length {
                let letter = raw[start]
                guard letter >= 97 && letter <= 122 else { continue }
                for candidate in index.byFirstLetter[Int(letter - 97)] where candidate < best {
                    let stem = index.stems[candidate]
                    guard start + stem.count <= length else { continue }
                    var offset = 1
                    while offset < stem.count && raw[start + offset] == stem[offset] { offset += 1 }
                    if offset == stem.count { best = candidate }
                }
            }
            return best == Int.max ? nil : best
        }
    }
}

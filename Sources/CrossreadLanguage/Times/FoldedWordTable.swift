/// A table of words keyed by their ASCII-lowercased UTF-8 bytes: looks a token up without
/// allocating. Open addressing over FNV-1a hashes; words longer than the longest key are
/// rejected before hashing.
struct FoldedWordTable<Value: Sendable>: Sendable {
    private var keys: [[UInt8]] = []
    private var values: [Value] = []
    private var hashes: [UInt64] = []
    /// Slot -> entry index, -1 when empty; the count is a power of two.
    private var slots: [Int32] = []
    private var mask = 0
    private var longest = 0

    init(_ entries: [(String, Value)]) {
        var seen: [[UInt8]: Int] = [:]
        for (word, value) in entries {
            let key = Array(word.lowercased().utf8)
            if let index = seen[key] {
                values[index] = value
                continue
            }
            seen[key] = keys.count
            keys.append(key)
            values.append(value)
            hashes.append(FoldedWordTable.hash(key, 0..<key.count))
            longest = max(longest, key.count)
        }
        var capacity = 8
        while capacity < keys.count * 4 { capacity *= 2 }
        mask = capacity - 1
        slots = [Int32](repeating: -1, count: capacity)
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    init(_ words: [String], value: Value) {
        self.init(words.map { ($0, value) })
    }

    /// The value stored for the bytes in `range`, compared without ASCII case.
    @inline(__always)
    func value(_ bytes: [UInt8], _ range: Range<Int>) -> Value? {
        guard range.count > 0, range.count <= longest else { return nil }
        let hash = FoldedWordTable.hash(bytes, range)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if hashes[index] == hash, equal(keys[index], bytes, range) { return values[index] }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func equal(_ key: [UInt8], _ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard key.count == range.count else { return false }
        var k = 0
        for i in range {
            if FoldedWordTable.fold(bytes[i]) != key[k] { return false }
            k += 1
        }
        return true
    }

    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// FNV-1a over the ASCII-lowercased bytes.
    @inline(__always)
    static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range {
            h ^= UInt64(fold(bytes[i]))
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}

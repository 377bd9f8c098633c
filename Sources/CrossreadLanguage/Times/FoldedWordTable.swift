/// A table of words keyed by their ASCII-lowercased UTF-8 bytes: looks a token up without allocating.
struct FoldedWordTable<Value: Sendable>: Sendable {
    private var slots: [UInt64: [(key: [UInt8], value: Value)]] = [:]

    init(_ entries: [(String, Value)]) {
        for (word, value) in entries {
            let key = Array(word.lowercased().utf8)
            let hash = FoldedWordTable.hash(key, 0..<key.count)
            slots[hash, default: []].append((key, value))
        }
    }

    init(_ words: [String], value: Value) {
        self.init(words.map { ($0, value) })
    }

    /// The value stored for the bytes in `range`, compared without ASCII case.
    @inline(__always)
    func value(_ bytes: [UInt8], _ range: Range<Int>) -> Value? {
        guard range.count > 0, range.count <= 24 else { return nil }
        guard let bucket = slots[FoldedWordTable.hash(bytes, range)] else { return nil }
        for entry in bucket where entry.key.count == range.count {
            var equal = true
            var k = 0
            for i in range {
                if FoldedWordTable.fold(bytes[i]) != entry.key[k] { equal = false; break }
                k += 1
            }
            if equal { return entry.value }
        }
        return nil
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

/// The hints of a page's class and id values, by the value's 64-bit hash: an open-addressing table
/// that grows by doubling, so a lookup is one multiply and a probe, not `Hasher`'s SipHash (a page
/// repeats its class names on many elements).
struct ClassHintCache {
    typealias Entry = (hint: ContentHint, word: UInt64)

    private var keys: [UInt64]
    private var entries: [Entry]
    private var count = 0
    private var mask: Int

    init(capacity: Int = 256) {
        keys = [UInt64](repeating: 0, count: capacity)
        entries = [Entry](repeating: (.none, 0), count: capacity)
        mask = capacity - 1
    }

    /// 0 is the empty slot's key: a value hashing to 0 is stored under 1.
    @inline(__always) private static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The entry for a hash, computing and keeping it on first sight.
    mutating func entry(for hash: UInt64, compute: () -> Entry) -> Entry {
        let key = Self.key(hash)
        var index = slot(key)
        while keys[index] != 0 {
            if keys[index] == key { return entries[index] }
            index = (index + 1) & mask
        }
        let entry = compute()
        keys[index] = key
        entries[index] = entry
        count += 1
        if count * 2 > keys.count { grow() }
        return entry
    }

    private mutating func grow() {
        let oldKeys = keys, oldEntries = entries
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        entries = [Entry](repeating: (.none, 0), count: oldKeys.count * 2)
        mask = keys.count - 1
        for (index, key) in oldKeys.enumerated() where key != 0 {
            var slot = slot(key)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            entries[slot] = oldEntries[index]
        }
    }
}

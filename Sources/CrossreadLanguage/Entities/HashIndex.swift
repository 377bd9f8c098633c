/// An open-addressing table from 64-bit hashes to 32-bit values: the byte-keyed lookups of the
/// gazetteer and word lists, without `Hasher` or `String` on the hot path.
struct HashIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The value stored for `key`, or nil. Key 0 is reserved and never found.
    @inline(__always)
    func value(for key: UInt64) -> Int32? {
        guard key != 0 else { return nil }
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { value(for: key) != nil }

    /// Stores `value` for `key`, replacing any value there.
    mutating func set(_ key: UInt64, _ value: Int32) {
        guard key != 0 else { return }
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    /// Calls `body` with every stored key and value.
    func forEach(_ body: (UInt64, Int32) -> Void) {
        for (k, v) in zip(keys, values) where k != 0 { body(k, v) }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 { set(k, v) }
    }
}

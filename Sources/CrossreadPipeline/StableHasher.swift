/// A 128-bit FNV-1a hash that stays the same across runs (Swift's `Hasher` is seeded per process).
struct StableHasher {
    private var low: UInt64 = 0xcbf2_9ce4_8422_2325
    private var high: UInt64 = 0x6c62_272e_07bb_0142

    mutating func combine(_ text: String) {
        for byte in text.utf8 {
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
        }
        low = (low ^ 0xFF) &* 0x0000_0100_0000_01B3
    }

    var hex: String {
        String(low, radix: 16) + "-" + String(high, radix: 16)
    }
}

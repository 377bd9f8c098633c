/// Control bytes that no text holds on purpose: NUL, the C0 controls other than tab, line feed,
/// vertical tab, form feed, carriage return and escape, and DEL. Format detection counts them;
/// decoding drops them (and counts them), so a page with a few stray NULs is read, not refused.
enum StrayControlBytes {
    /// Bit `n` is set when byte `n` (below 0x20) is stray: 0x00-0x08, 0x0E-0x1A, 0x1C-0x1F.
    private static let strayBelowSpace: UInt32 = 0xF7FF_C1FF

    @inline(__always)
    static func isStray(_ byte: UInt8) -> Bool {
        byte < 0x20 ? (strayBelowSpace >> UInt32(byte)) & 1 == 1 : byte == 0x7F
    }

    /// How many stray bytes `bytes` holds.
    static func count(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where isStray(byte) { count += 1 }
        return count
    }

    /// `bytes` without its stray control bytes, and how many were dropped (the same array, not a
    /// copy, when there are none).
    static func removed(from bytes: [UInt8]) -> (bytes: [UInt8], dropped: Int) {
        let dropped = bytes.withUnsafeBufferPointer { count(in: $0) }
        guard dropped > 0 else { return (bytes, 0) }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count - dropped)
        for byte in bytes where !isStray(byte) { kept.append(byte) }
        return (kept, dropped)
    }
}

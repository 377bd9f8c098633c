import CrossreadCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Document frequencies of story features over the whole library, in a fixed-size table of hashed
/// counters, so its memory and its stored size stay the same at a thousand documents or a billion
/// (two features sharing a counter both look a little more common; with 2^21 counters and the
/// vocabulary of news, that is rare). Stored in the library as one value (`encoded()`).
public struct TermStatistics: Sendable, Equatable {
    public static let defaultBits = 21
    public private(set) var documentCount: Int
    private(set) var counters: [UInt32]
    private let mask: UInt64

    public init(bits: Int = TermStatistics.defaultBits) {
        documentCount = 0
        counters = [UInt32](repeating: 0, count: 1 << bits)
        mask = UInt64((1 << bits) - 1)
    }

    private func slot(_ key: UInt64) -> Int { Int(WordHasher.finalize(key) & mask) }

    mutating func count(_ features: DocumentFeatures) {
        documentCount += 1
        for key in features.counts.keys {
            let index = slot(key)
            if counters[index] < UInt32.max { counters[index] += 1 }
        }
    }

    /// Counts one document's features (what `StoryWindow.add` does for each article it places).
    public mutating func count(_ document: StreamDocument) { count(document.features) }

    func documentFrequency(_ key: UInt64) -> Double { Double(counters[slot(key)]) }

    /// As `TermWeighting.idf`: a feature every document shares weighs almost nothing.
    func idf(_ key: UInt64) -> Double {
        log(Double(documentCount + 1) / (documentFrequency(key) + 0.5))
    }

    /// As `TermWeighting.smoothIDF`: what most documents share still counts.
    func smoothIDF(_ key: UInt64) -> Double {
        log(Double(documentCount + 1) / (documentFrequency(key) + 1)) + 1
    }

    /// Little-endian: a magic word, the table's size in bits, the document count, then the counters.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 + counters.count * 4)
        ByteWriter.append(UInt32(0x4352_5453), to: &out)  // "CRTS"
        ByteWriter.append(UInt32(counters.count.trailingZeroBitCount), to: &out)
        ByteWriter.append(UInt64(documentCount), to: &out)
        counters.withUnsafeBytes { out.append(contentsOf: $0) }
        return out
    }

    /// The statistics `encoded()` wrote; nil when the bytes are not such a value.
    public init?(encoded bytes: [UInt8]) {
        var reader = ByteReader(bytes)
        guard reader.uint32() == 0x4352_5453, let bits = reader.uint32(), (8...28).contains(bits),
              let count = reader.uint64(), reader.remaining == (1 << Int(bits)) * 4 else { return nil }
        documentCount = Int(count)
        mask = UInt64((1 << Int(bits)) - 1)
        counters = [UInt32](repeating: 0, count: 1 << Int(bits))
        let start = reader.offset
        counters.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<(start + target.count)]))
            }
        }
    }
}

/// Appends fixed-width little-endian integers and floats to a byte array.
enum ByteWriter {
    static func append(_ value: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    static func append(_ value: UInt64, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    static func append(_ value: Double, to out: inout [UInt8]) { append(value.bitPattern, to: &out) }
    static func append(_ value: Float, to out: inout [UInt8]) { append(value.bitPattern, to: &out) }
}

/// Reads what `ByteWriter` wrote; nil past the end.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func uint32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[offset + index]) << (8 * UInt32(index)) }
        offset += 4
        return value
    }

    mutating func uint64() -> UInt64? {
        guard remaining >= 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    mutating func double() -> Double? { uint64().map(Double.init(bitPattern:)) }
    mutating func float() -> Float? { uint32().map(Float.init(bitPattern:)) }
}

extension ByteReader {
    mutating func skip(_ count: Int) { offset = min(bytes.count, offset + count) }
}

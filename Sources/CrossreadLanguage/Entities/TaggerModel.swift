import CrossreadCore
import Foundation

/// The entity tagger's learned weights: a flat table of 16-bit weights, one row of eight slots per
/// hashed feature, and the list of words common in lower case. Stored compactly (non-zero rows only)
/// in `tagger.bin`, written by `train-tagger`.
public struct TaggerModel: Sendable {
    let rowBits: Int
    /// `(1 << rowBits) * EntityTag.stride` weights.
    let weights: [Int16]
    let commonLower: HashIndex
    let features: EntityFeatures

    static let magic: UInt32 = 0x4754_5243  // "CRTG"
    static let version: UInt32 = 1

    /// The model shipped with the module, or nil when its resource is missing or unreadable.
    public static let standard: TaggerModel? = {
        guard let url = Bundle.module.url(forResource: "tagger", withExtension: "bin"),
              let data = try? Data(contentsOf: url) else { return nil }
        return try? TaggerModel(data: data)
    }()

    init(rowBits: Int, weights: [Int16], commonLower: [UInt64]) {
        self.rowBits = rowBits
        self.weights = weights
        var index = HashIndex(capacity: commonLower.count)
        for word in commonLower { index.set(word, 1) }
        self.commonLower = index
        self.features = EntityFeatures(rowBits: rowBits)
    }

    /// Reads a model written by `serialized(rowBits:weights:commonLower:)`.
    public init(data: Data) throws(CrossreadError) {
        let parsed: (Int, [Int16], [UInt64])? = data.withUnsafeBytes { raw in
            var offset = 0
            func read<T: FixedWidthInteger>(_: T.Type) -> T? {
                guard offset + MemoryLayout<T>.size <= raw.count else { return nil }
                defer { offset += MemoryLayout<T>.size }
                return T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
            }
            guard read(UInt32.self) == TaggerModel.magic, read(UInt32.self) == TaggerModel.version,
                  let bits = read(UInt32.self), bits >= 8, bits <= 24, read(UInt32.self) == UInt32(EntityTag.count),
                  let wordCount = read(UInt32.self) else { return nil }
            var common: [UInt64] = []
            common.reserveCapacity(Int(wordCount))
            for _ in 0..<wordCount {
                guard let word = read(UInt64.self) else { return nil }
                common.append(word)
            }
            guard let rowCount = read(UInt32.self) else { return nil }
            let rows = 1 << Int(bits)
            var weights = [Int16](repeating: 0, count: rows * EntityTag.stride)
            for _ in 0..<rowCount {
                guard let row = read(UInt32.self), Int(row) < rows else { return nil }
                for tag in 0..<EntityTag.count {
                    guard let w = read(Int16.self) else { return nil }
                    weights[Int(row) * EntityTag.stride + tag] = w
                }
            }
            return (Int(bits), weights, common)
        }
        guard let (bits, weights, common) = parsed else { throw CrossreadError(source: "tagger.bin", stage: .analyze, reason: "entity tagger weights are truncated or of another version") }
        self.init(rowBits: bits, weights: weights, commonLower: common)
    }

    /// The file form of a model: header, common lower-case words, then the non-zero rows.
    static func serialized(rowBits: Int, weights: [Int16], commonLower: [UInt64]) -> Data {
        var data = Data()
        func write<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        write(magic)
        write(version)
        write(UInt32(rowBits))
        write(UInt32(EntityTag.count))
        write(UInt32(commonLower.count))
        for word in commonLower.sorted() { write(word) }
        let rows = 1 << rowBits
        var nonZero: [Int] = []
        for row in 0..<rows {
            let base = row * EntityTag.stride
            if (0..<EntityTag.count).contains(where: { weights[base + $0] != 0 }) { nonZero.append(row) }
        }
        write(UInt32(nonZero.count))
        for row in nonZero {
            write(UInt32(row))
            for tag in 0..<EntityTag.count { write(weights[row * EntityTag.stride + tag]) }
        }
        return data
    }
}

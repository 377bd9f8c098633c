import Foundation

/// Word classes from k-means over the input embeddings of all-MiniLM-L6-v2 (several partitions of
/// lower-case whole words): a second view of which words are used alike, next to the Brown clusters.
public struct EmbeddingClasses: Sendable {
    /// Most partitions a file may hold (one `SIMD4` lane each).
    static let maxPartitions = 4
    private let index: HashIndex
    private let classes: [SIMD4<UInt16>]

    /// The classes shipped with the module (empty when the resource is missing).
    public static let standard: EmbeddingClasses = {
        guard let url = Bundle.module.url(forResource: "embedding-classes", withExtension: "bin"),
              let data = try? Data(contentsOf: url) else { return EmbeddingClasses() }
        return EmbeddingClasses(data: data) ?? EmbeddingClasses()
    }()

    init() {
        index = HashIndex()
        classes = []
    }

    /// Reads the `embedding-classes.bin` format written by scripts/make_embedding_classes.py.
    public init?(data: Data) {
        let parsed: (HashIndex, [SIMD4<UInt16>])? = data.withUnsafeBytes { raw in
            func u32(_ offset: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
            func u16(_ offset: Int) -> UInt16 { UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) }
            guard raw.count >= 16, u32(0) == 0x4345_5243, u32(4) == 2 else { return nil }
            let partitions = Int(u32(8)), count = Int(u32(12))
            let record = 4 + 2 * partitions
            guard partitions >= 1, partitions <= EmbeddingClasses.maxPartitions, raw.count >= 16 + count * record else { return nil }
            var index = HashIndex(capacity: count)
            var classes = [SIMD4<UInt16>](repeating: SIMD4(repeating: 0), count: count)
            for i in 0..<count {
                let offset = 16 + i * record
                index.set(UInt64(u32(offset)) | 1 << 32, Int32(i))
                for p in 0..<partitions { classes[i][p] = u16(offset + 4 + 2 * p) }
            }
            return (index, classes)
        }
        guard let parsed else { return nil }
        (index, classes) = parsed
    }

    /// The word's class in each partition (from 1; 0 when the word or the partition is unknown).
    @inline(__always)
    func classes(lowerHash: UInt64) -> SIMD4<UInt16> {
        guard let row = index.value(for: lowerHash & 0xFFFF_FFFF | 1 << 32) else { return SIMD4(repeating: 0) }
        return classes[Int(row)]
    }
}

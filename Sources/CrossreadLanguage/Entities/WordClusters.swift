import Foundation

/// Brown word clusters (from spacy-lookups-data, MIT): words used alike share a bit-path prefix,
/// so the tagger generalizes from names it was trained on to names it never saw.
public struct WordClusters: Sendable {
    private let index: HashIndex
    private let stats: HashIndex

    /// The clusters shipped with the module (empty when the resource is missing).
    public static let standard: WordClusters = {
        guard let url = Bundle.module.url(forResource: "clusters", withExtension: "bin"),
              let data = try? Data(contentsOf: url) else { return WordClusters() }
        return WordClusters(data: data) ?? WordClusters()
    }()

    init() {
        index = HashIndex()
        stats = HashIndex()
    }

    /// Reads the `clusters.bin` format written by scripts/make_clusters.py.
    public init?(data: Data) {
        let parsed: (HashIndex, HashIndex)? = data.withUnsafeBytes { raw in
            func u32(_ offset: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
            guard raw.count >= 12, u32(0) == 0x4C43_5243, u32(4) == 2 else { return nil }
            let count = Int(u32(8))
            guard raw.count >= 16 + count * 8 else { return nil }
            var index = HashIndex(capacity: count)
            for i in 0..<count {
                index.set(UInt64(u32(12 + i * 8)) | 1 << 32, Int32(bitPattern: u32(16 + i * 8)))
            }
            let base = 12 + count * 8
            let statCount = Int(u32(base))
            guard raw.count >= base + 4 + statCount * 5 else { return nil }
            var stats = HashIndex(capacity: statCount)
            for i in 0..<statCount {
                let offset = base + 4 + i * 5
                stats.set(UInt64(u32(offset)) | 1 << 32, Int32(raw[offset + 4]))
            }
            return (index, stats)
        }
        guard let parsed else { return nil }
        (index, stats) = parsed
    }

    /// Frequency bucket (low four bits, 1 = most frequent) and capitalization bucket (high four
    /// bits, 8 = neutral, higher = mostly capitalized) of a lower-cased word; 0 when unknown.
    @inline(__always)
    func casingStats(lowerHash: UInt64) -> UInt8 {
        stats.value(for: lowerHash & 0xFFFF_FFFF | 1 << 32).map { UInt8(truncatingIfNeeded: $0) } ?? 0
    }

    /// The cluster of a word as written, else of its lower-case form; 0 when unknown.
    @inline(__always)
    func cluster(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lowerHash: UInt64) -> UInt32 {
        let exact = ByteHash.hash(bytes, range, lowercased: false)
        if let value = index.value(for: exact & 0xFFFF_FFFF | 1 << 32) { return UInt32(bitPattern: value) }
        if let value = index.value(for: lowerHash & 0xFFFF_FFFF | 1 << 32) { return UInt32(bitPattern: value) }
        return 0
    }

    /// The cluster of the word's title-case form ("florida" -> that of "Florida"); 0 when unknown.
    @inline(__always)
    func titleCaseCluster(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt32 {
        let key = ByteHash.titleCaseHash(bytes, range)
        return index.value(for: key & 0xFFFF_FFFF | 1 << 32).map { UInt32(bitPattern: $0) } ?? 0
    }
}

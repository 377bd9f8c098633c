import CrossreadCore

/// What the library keeps to find a document's copies without holding every signature in memory:
/// its MinHash signature (as bytes) and its LSH band keys, plus the hash of its normalized words as one
/// more key (exact copies share it). Two documents are copies when their signatures agree on at least
/// `DuplicateOptions.threshold` of their positions.
public struct CopyKeys: Sendable, Equatable {
    public var signature: [UInt8]
    public var bands: [Int64]

    public init(text: String, options: DuplicateOptions = DuplicateOptions()) {
        let fingerprint = DuplicateFingerprint(text: text, options: options)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fingerprint.signature.count * 4)
        for value in fingerprint.signature { ByteWriter.append(value, to: &bytes) }
        signature = bytes
        let banding = LSHBanding(signatureSize: options.signatureSize, threshold: options.threshold)
        bands = fingerprint.wordCount == 0 ? [] : banding.keys(of: fingerprint.signature).map { Int64(bitPattern: $0) }
        bands.append(Int64(bitPattern: fingerprint.normalizedTextHash))
    }

    /// The share of signature positions two signatures agree on (an estimate of Jaccard similarity).
    public static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        guard a.count == b.count, a.count >= 4 else { return 0 }
        var equal = 0
        var index = 0
        while index + 4 <= a.count {
            if a[index] == b[index] && a[index + 1] == b[index + 1] && a[index + 2] == b[index + 2] && a[index + 3] == b[index + 3] {
                equal += 1
            }
            index += 4
        }
        return Double(equal) / Double(a.count / 4)
    }
}

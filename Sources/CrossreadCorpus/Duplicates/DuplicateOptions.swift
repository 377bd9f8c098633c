/// Settings of near-duplicate detection, Codable so a configuration file can carry them.
/// Defaults: word 3-gram shingles, 128 MinHash values, Jaccard threshold 0.8 (on generated syndication
/// variants 3-grams found 0.89 of copy pairs, 5-grams 0.76, at the same 0.998 precision).
public struct DuplicateOptions: Sendable, Equatable, Codable {
    /// Two documents whose shingle sets have at least this Jaccard similarity are near-duplicates.
    public var threshold: Double
    /// Words per shingle.
    public var shingleSize: Int
    /// MinHash values per document (one-permutation hashing bins).
    public var signatureSize: Int
    /// Keep each document's shingle set so candidates are verified by exact Jaccard instead of the
    /// signature's estimate (more memory: about 8 bytes per distinct shingle).
    public var exactVerification: Bool

    public init(threshold: Double = 0.8, shingleSize: Int = 3, signatureSize: Int = 128,
                exactVerification: Bool = false) {
        self.threshold = min(max(threshold, 0.05), 1.0)
        self.shingleSize = max(1, shingleSize)
        self.signatureSize = max(8, signatureSize)
        self.exactVerification = exactVerification
    }

    private enum CodingKeys: String, CodingKey { case threshold, shingleSize, signatureSize, exactVerification }

    public init(from decoder: any Decoder) throws {
        let defaults = DuplicateOptions()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(threshold: try c.decodeIfPresent(Double.self, forKey: .threshold) ?? defaults.threshold,
                  shingleSize: try c.decodeIfPresent(Int.self, forKey: .shingleSize) ?? defaults.shingleSize,
                  signatureSize: try c.decodeIfPresent(Int.self, forKey: .signatureSize) ?? defaults.signatureSize,
                  exactVerification: try c.decodeIfPresent(Bool.self, forKey: .exactVerification)
                      ?? defaults.exactVerification)
    }
}

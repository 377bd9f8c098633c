/// What near-duplicate detection keeps of a document: a hash of its normalized words (equal for
/// exact copies), a MinHash signature of its word shingles and, optionally, the shingle set itself.
/// Computing it is pure, so callers may fingerprint documents in parallel.
public struct DuplicateFingerprint: Sendable, Equatable {
    /// Hash of the lowercased word sequence: equal for copies that differ only in case,
    /// punctuation and spacing.
    public var normalizedTextHash: UInt64
    /// One-permutation MinHash with densification: `signatureSize` minimum values.
    public var signature: [UInt32]
    /// Sorted distinct shingle hashes, kept only with `exactVerification`.
    public var shingles: [UInt64]?
    /// Number of words in the document.
    public var wordCount: Int

    public init(text: String, options: DuplicateOptions = DuplicateOptions()) {
        let words = WordHasher.wordHashes(of: text)
        self.init(wordHashes: words, options: options)
    }

    public init(wordHashes words: [UInt64], options: DuplicateOptions) {
        wordCount = words.count
        var textHash: UInt64 = 0x84222325CBF29CE4
        for word in words { textHash = WordHasher.finalize(textHash ^ word) &+ 0x9E3779B97F4A7C15 }
        normalizedTextHash = textHash
        let shingleHashes = ShingleHasher.shingles(of: words, size: options.shingleSize)
        signature = MinHasher.signature(of: shingleHashes, size: options.signatureSize)
        if options.exactVerification {
            var sorted = shingleHashes.sorted()
            sorted.removeDuplicates()
            shingles = sorted
        }
    }

    /// The share of signature positions that agree: an unbiased estimate of the Jaccard similarity.
    public func estimatedJaccard(_ other: DuplicateFingerprint) -> Double {
        guard signature.count == other.signature.count, !signature.isEmpty else { return 0 }
        if wordCount == 0 || other.wordCount == 0 { return wordCount == other.wordCount ? 1 : 0 }
        var equal = 0
        for index in signature.indices where signature[index] == other.signature[index] { equal += 1 }
        return Double(equal) / Double(signature.count)
    }

    /// Exact Jaccard similarity of the shingle sets when both are kept, else the estimate.
    public func jaccard(_ other: DuplicateFingerprint) -> Double {
        guard let a = shingles, let b = other.shingles else { return estimatedJaccard(other) }
        return DuplicateFingerprint.jaccard(a, b)
    }

    /// Jaccard similarity of two sorted, distinct hash sets.
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty ? 1 : 0 }
        var i = 0, j = 0, common = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return Double(common) / Double(a.count + b.count - common)
    }
}

extension Array where Element == UInt64 {
    /// Removes adjacent repeats of a sorted array in place.
    mutating func removeDuplicates() {
        guard count > 1 else { return }
        var write = 1
        for read in 1..<count where self[read] != self[write - 1] {
            self[write] = self[read]
            write += 1
        }
        removeLast(count - write)
    }
}

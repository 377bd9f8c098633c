/// Splits a MinHash signature into `bands` bands of `rows` values: two documents become candidates
/// when any band agrees entirely, which happens with probability 1 - (1 - J^rows)^bands.
struct LSHBanding: Sendable, Equatable {
    var bands: Int
    var rows: Int

    /// The most selective banding (most rows per band) that still makes a pair at the threshold a
    /// candidate with probability `recall`, so verification, not banding, decides.
    init(signatureSize: Int, threshold: Double, recall: Double = 0.995) {
        var chosen = (bands: signatureSize, rows: 1)
        for rows in 1...signatureSize {
            let bands = signatureSize / rows
            guard bands >= 1 else { break }
            if LSHBanding.candidateProbability(jaccard: threshold, bands: bands, rows: rows) >= recall {
                chosen = (bands, rows)
            }
        }
        bands = chosen.bands
        rows = chosen.rows
    }

    static func candidateProbability(jaccard: Double, bands: Int, rows: Int) -> Double {
        1 - pow1(1 - pow1(jaccard, rows), bands)
    }

    /// One key per band: the band's values hashed together with the band number.
    func keys(of signature: [UInt32]) -> [UInt64] {
        var keys = [UInt64]()
        keys.reserveCapacity(bands)
        for band in 0..<bands {
            var hash = UInt64(band) &* 0x9E3779B97F4A7C15 &+ 0x632BE59BD9B4E019
            for row in 0..<rows {
                hash = WordHasher.finalize(hash ^ UInt64(signature[band * rows + row]))
            }
            keys.append(hash)
        }
        return keys
    }

    private static func pow1(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= base }
        return result
    }
}

/// One-permutation MinHash (Li, Owen and Zhang 2012) with optimal densification (Shrivastava 2017):
/// each shingle hash falls into one of `size` bins and each bin keeps its minimum; an empty bin
/// copies the bin a fixed pseudo-random probe sequence finds first, the same for every document.
enum MinHasher {
    static func signature(of shingles: [UInt64], size: Int) -> [UInt32] {
        var bins = [UInt32](repeating: .max, count: size)
        guard !shingles.isEmpty else { return bins }
        var filled = [Bool](repeating: false, count: size)
        let binCount = UInt64(size)
        for hash in shingles {
            // High bits choose the bin (multiply-high maps uniformly onto 0..<size), low bits are the value.
            let bin = Int(hash.multipliedFullWidth(by: binCount).high)
            let value = UInt32(truncatingIfNeeded: hash)
            if value <= bins[bin] {
                bins[bin] = value
                filled[bin] = true
            }
        }
        var densified = bins
        for bin in 0..<size where !filled[bin] {
            var attempt: UInt64 = 1
            while true {
                let probe = WordHasher.finalize(UInt64(bin) &* 0x100000001B3 &+ attempt)
                let source = Int(probe.multipliedFullWidth(by: binCount).high)
                if filled[source] {
                    densified[bin] = bins[source]
                    break
                }
                attempt += 1
            }
        }
        return densified
    }
}

/// Features of a line's neighbourhood in the first stage's scores: how body-like the lines
/// around it are, and where it sits relative to the page's best-scoring stretch.
enum ContextFeatures {
    static let names: [String] = [
        "bias", "own", "previous", "next", "mean3", "mean10", "positiveShare5", "max3", "min3",
        "inBestStretch", "distanceToBestStretch", "massBefore", "massAfter", "ownPositive",
    ]

    static var count: Int { names.count }

    /// Feature vectors of every line, row after row (for training).
    static func matrix(_ page: PageAnalysis, _ logits: [Double]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(logits.count * count)
        forEachRow(page, logits) { _, row in out.append(contentsOf: row) }
        return out
    }

    /// Calls `body` with each line's index and feature vector, in order, reusing one buffer.
    static func forEachRow(_ page: PageAnalysis, _ logits: [Double], _ body: (Int, UnsafeBufferPointer<Double>) -> Void) {
        let n = logits.count
        let dim = count
        guard n > 0 else { return }
        let clipped = logits.map { max(-6, min(6, $0)) / 6 }
        var prefix = [Double](repeating: 0, count: n + 1)
        var positivePrefix = [Int](repeating: 0, count: n + 1)
        var mass = [Double](repeating: 0, count: n + 1)
        for i in 0..<n {
            prefix[i + 1] = prefix[i] + clipped[i]
            positivePrefix[i + 1] = positivePrefix[i] + (logits[i] > 0 ? 1 : 0)
            mass[i + 1] = mass[i] + (logits[i] > 0 ? Double(page.stats[i].chars) : 0)
        }
        let totalMass = max(mass[n], 1)
        let (bestStart, bestEnd) = BlockClassifier.bestStretch(logits)
        func mean(_ i: Int, _ radius: Int) -> Double {
            let lo = max(0, i - radius), hi = min(n, i + radius + 1)
            let others = hi - lo - 1
            return others > 0 ? (prefix[hi] - prefix[lo] - clipped[i]) / Double(others) : 0
        }
        var out = [Double](repeating: 0, count: dim)
        for i in 0..<n {
            out[0] = 1
            out[1] = clipped[i]
            out[2] = i > 0 ? clipped[i - 1] : -1
            out[3] = i + 1 < n ? clipped[i + 1] : -1
            out[4] = mean(i, 3)
            out[5] = mean(i, 10)
            let lo = max(0, i - 5), hi = min(n, i + 6)
            out[6] = Double(positivePrefix[hi] - positivePrefix[lo]) / Double(hi - lo)
            var highest = -1.0, lowest = 1.0
            for k in max(0, i - 3)..<min(n, i + 4) where k != i {
                highest = max(highest, clipped[k])
                lowest = min(lowest, clipped[k])
            }
            out[7] = highest
            out[8] = lowest
            let inside = i >= bestStart && i < bestEnd
            out[9] = inside ? 1 : 0
            let distance = inside ? 0 : (i < bestStart ? bestStart - i : i - bestEnd + 1)
            out[10] = Double(min(distance, 20)) / 20
            out[11] = mass[i] / totalMass
            out[12] = (mass[n] - mass[i + 1]) / totalMass
            out[13] = max(clipped[i], 0)
            out.withUnsafeBufferPointer { body(i, $0) }
        }
    }
}

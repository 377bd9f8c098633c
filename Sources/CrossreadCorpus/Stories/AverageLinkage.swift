/// Agglomerative clustering with average linkage over clusters given by the sums of their members'
/// vectors (the average similarity of two clusters is the dot product of their sums over the product
/// of their sizes), with an optional cohesion test: two clusters of two or more members merge only
/// when their cross similarity reaches `cohesionRatio` times the geometric mean of their internal
/// similarities. Each step merges the most similar admissible pair; merging stops below `floor`.
struct AverageLinkage {
    var floor: Double
    var cohesionRatio: Double

    /// Groups of input cluster indices, each sorted, in order of their first index.
    func merge(sums: [[UInt64: Double]], sizes: [Int], selfSums: [Double]) -> [[Int]] {
        let n = sums.count
        guard n > 1 else { return (0..<n).map { [$0] } }
        var pair = [Double](repeating: 0, count: n * n)
        var postings: [UInt64: [(Int, Double)]] = [:]
        for (cluster, sum) in sums.enumerated() {
            for (key, value) in sum where value != 0 { postings[key, default: []].append((cluster, value)) }
        }
        for list in postings.values where list.count > 1 {
            for i in 0..<(list.count - 1) {
                let (a, va) = list[i]
                for j in (i + 1)..<list.count {
                    let (b, vb) = list[j]
                    pair[a * n + b] += va * vb
                    pair[b * n + a] += va * vb
                }
            }
        }
        var size = sizes.map(Double.init)
        // Sum of similarities over unordered pairs of members: (|sum|² - Σ|v|²) / 2.
        var internalSum = (0..<n).map { cluster in
            (sums[cluster].values.reduce(0) { $0 + $1 * $1 } - selfSums[cluster]) / 2
        }
        var alive = [Bool](repeating: true, count: n)
        var blocked = [Bool](repeating: false, count: n * n)
        var members = (0..<n).map { [$0] }
        var rowBest = [(value: Double, column: Int)](repeating: (-.infinity, -1), count: n)

        func average(_ a: Int, _ b: Int) -> Double { pair[a * n + b] / (size[a] * size[b]) }
        func cohesion(_ a: Int) -> Double? {
            size[a] > 1 ? internalSum[a] / (size[a] * (size[a] - 1) / 2) : nil
        }
        func refresh(_ a: Int) {
            var best: (value: Double, column: Int) = (-.infinity, -1)
            for b in 0..<n where b != a && alive[b] && !blocked[a * n + b] {
                let value = average(a, b)
                if value > best.value { best = (value, b) }
            }
            rowBest[a] = best
        }
        for a in 0..<n { refresh(a) }

        while true {
            var a = -1
            var bestValue = -Double.infinity
            for row in 0..<n where alive[row] && rowBest[row].value > bestValue {
                bestValue = rowBest[row].value
                a = row
            }
            guard a >= 0, bestValue >= floor else { break }
            let b = rowBest[a].column
            if cohesionRatio > 0, let ca = cohesion(a), let cb = cohesion(b),
               bestValue < cohesionRatio * (max(ca, 0) * max(cb, 0)).squareRoot() {
                blocked[a * n + b] = true
                blocked[b * n + a] = true
                refresh(a)
                refresh(b)
                continue
            }
            // Merge b into a.
            internalSum[a] += internalSum[b] + pair[a * n + b]
            for c in 0..<n where c != a && c != b {
                pair[a * n + c] += pair[b * n + c]
                pair[c * n + a] = pair[a * n + c]
                blocked[a * n + c] = false
                blocked[c * n + a] = false
            }
            size[a] += size[b]
            alive[b] = false
            members[a] += members[b]
            members[b] = []
            refresh(a)
            for c in 0..<n where alive[c] && c != a {
                if rowBest[c].column == a || rowBest[c].column == b {
                    refresh(c)
                } else if !blocked[c * n + a], average(c, a) > rowBest[c].value {
                    rowBest[c] = (average(c, a), a)
                }
            }
        }
        return members.filter { !$0.isEmpty }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}

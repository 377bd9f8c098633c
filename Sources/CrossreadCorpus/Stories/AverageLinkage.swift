/// Agglomerative clustering with average linkage over clusters given by the sums of their members'
/// vectors (the average similarity of two clusters is the dot product of their sums over the product
/// of their sizes), with an optional cohesion test: two clusters of two or more members merge only
/// when their cross similarity reaches `cohesionRatio` times the geometric mean of their internal
/// similarities. Each step merges the most similar admissible pair; merging stops below `floor`.
///
/// Sparse: only pairs of clusters that both count a key among their `candidateKeys` strongest are compared
/// (others count as unrelated; keys strong in very many clusters do not count), so memory and time
/// grow with related pairs, not with the square of clusters.
struct AverageLinkage {
    var floor: Double
    var cohesionRatio: Double
    var candidateKeys = 64
    /// When set, each cluster is compared exactly only with this many others, those closest on their
    /// shared strong keys (bounded work for streaming batches); nil compares every candidate.
    var candidatesPerCluster: Int?

    /// Groups of input cluster indices, each sorted, in order of their first index. The first `fixed`
    /// clusters never merge with one another (settled stories; what joins one of them is settled too),
    /// unless `bridged`: then a fixed cluster that took in a new one may merge with another fixed
    /// cluster (new articles showing that two settled stories are one), two untouched ones never.
    func merge(sums: [[UInt64: Double]], sizes: [Int], selfSums: [Double], fixed fixedCount: Int = 0,
               bridged: Bool = false) -> [[Int]] {
        // Each sum as a sparse vector (keys in order): a dot product is then one walk over both.
        merge(vectors: sums.map { sum in
            let keys = sum.keys.sorted()
            return SparseVector(keys: keys, values: keys.map { sum[$0]! })
        }, sizes: sizes, selfSums: selfSums, fixed: fixedCount, bridged: bridged)
    }

    /// The same over sums held as sparse vectors.
    func merge(vectors: [SparseVector], sizes: [Int], selfSums: [Double], fixed fixedCount: Int = 0,
               bridged: Bool = false) -> [[Int]] {
        let n = vectors.count
        guard n > 1 else { return (0..<n).map { [$0] } }
        // Candidate pairs: clusters sharing a strong key; their exact dot products.
        var postings: [UInt64: [(cluster: Int, value: Double)]] = [:]
        var strongest: [[(key: UInt64, value: Double)]] = []
        for (cluster, vector) in vectors.enumerated() {
            let keys = vector.keys.indices.filter { FeatureChannel.of(vector.keys[$0]) != .time }
                .sorted { abs(vector.values[$0]) > abs(vector.values[$1]) || (abs(vector.values[$0]) == abs(vector.values[$1]) && vector.keys[$0] < vector.keys[$1]) }
                .prefix(candidateKeys).map { (key: vector.keys[$0], value: vector.values[$0]) }
            strongest.append(keys)
            for (key, value) in keys { postings[key, default: []].append((cluster, value)) }
        }
        // A key strong in very many clusters says little about any pair of them; skipping it bounds
        // the candidates per cluster.
        let maximumPosting = max(64, Int(Double(n).squareRoot() * 4))
        var pair = [[Int: Double]](repeating: [:], count: n)
        func needed(_ a: Int, _ b: Int) -> Bool { bridged || !(a < fixedCount && b < fixedCount) }
        /// The exact dot product of a candidate pair, kept when positive.
        func compare(_ a: Int, _ b: Int) {
            let dot = vectors[a].dot(vectors[b])
            if dot > 0 {
                pair[a][b] = dot
                pair[b][a] = dot
            }
        }
        if let limit = candidatesPerCluster {
            // Each cluster's closest on their shared strong keys (estimated average similarity); the
            // exact dot products for those pairs only.
            var chosen = Set<Int>()
            var estimate: [Int: Double] = [:]
            for a in 0..<n {
                estimate.removeAll(keepingCapacity: true)
                for (key, value) in strongest[a] {
                    guard let list = postings[key], list.count <= maximumPosting else { continue }
                    for (b, other) in list where b != a && needed(a, b) { estimate[b, default: 0] += value * other }
                }
                // Per article of the other cluster: the estimate of their average similarity.
                var scored: [(cluster: Int, score: Double)] = []
                for (b, value) in estimate where value > 0 { scored.append((b, value / Double(max(sizes[b], 1)))) }
                scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.cluster < $1.cluster) }
                for (b, _) in scored.prefix(limit) { chosen.insert(min(a, b) * n + max(a, b)) }
            }
            for code in chosen { compare(code / n, code % n) }
        } else {
            for a in 0..<n {
                var candidates = Set<Int>()
                for (key, _) in strongest[a] {
                    guard let list = postings[key], list.count <= maximumPosting else { continue }
                    for (b, _) in list where b > a && needed(a, b) { candidates.insert(b) }
                }
                for b in candidates { compare(a, b) }
            }
        }
        var size = sizes.map(Double.init)
        // Sum of similarities over unordered pairs of members: (|sum|² - Σ|v|²) / 2.
        var internalSum = (0..<n).map { cluster in
            (vectors[cluster].normSquared - selfSums[cluster]) / 2
        }
        var alive = [Bool](repeating: true, count: n)
        var fixed = (0..<n).map { $0 < fixedCount }
        var touched = [Bool](repeating: false, count: n)
        func admissible(_ a: Int, _ b: Int) -> Bool {
            !(fixed[a] && fixed[b]) || bridged && (touched[a] || touched[b])
        }
        var blocked = [Set<Int>](repeating: [], count: n)
        var members = (0..<n).map { [$0] }
        var rowBest = [(value: Double, column: Int)](repeating: (-.infinity, -1), count: n)

        func average(_ a: Int, _ b: Int) -> Double { (pair[a][b] ?? 0) / (size[a] * size[b]) }
        func cohesion(_ a: Int) -> Double? {
            size[a] > 1 ? internalSum[a] / (size[a] * (size[a] - 1) / 2) : nil
        }
        // Rows whose best pair reaches the floor, best first (ties: lower row first); an entry is
        // stale once its row's best changed (`stamp`) or the row merged away.
        var heap = RowHeap()
        var stamp = [Int](repeating: 0, count: n)
        func setBest(_ a: Int, _ best: (value: Double, column: Int)) {
            rowBest[a] = best
            stamp[a] += 1
            if best.value >= floor { heap.push(RowHeap.Entry(value: best.value, row: a, stamp: stamp[a])) }
        }
        func refresh(_ a: Int) {
            var best: (value: Double, column: Int) = (-.infinity, -1)
            for (b, dot) in pair[a] where alive[b] && !blocked[a].contains(b) && admissible(a, b) {
                let value = dot / (size[a] * size[b])
                if value > best.value || (value == best.value && b < best.column) { best = (value, b) }
            }
            setBest(a, best)
        }
        for a in 0..<n { refresh(a) }

        while let top = heap.pop() {
            let a = top.row
            guard alive[a], top.stamp == stamp[a] else { continue }
            let bestValue = top.value
            let b = rowBest[a].column
            if !admissible(a, b) || cohesionRatio > 0 && {
                guard let ca = cohesion(a), let cb = cohesion(b) else { return false }
                return bestValue < cohesionRatio * (max(ca, 0) * max(cb, 0)).squareRoot()
            }() {
                blocked[a].insert(b)
                blocked[b].insert(a)
                refresh(a)
                refresh(b)
                continue
            }
            // Merge b into a.
            internalSum[a] += internalSum[b] + (pair[a][b] ?? 0)
            let mergedIsFixed = fixed[a] || fixed[b]
            let neighbours = Set(pair[a].keys).union(pair[b].keys).subtracting([a, b])
            for c in neighbours {
                pair[c][b] = nil
                blocked[c].remove(b)
                if mergedIsFixed && fixed[c] && !bridged {
                    // Two fixed clusters never merge: the pair is dropped.
                    pair[a][c] = nil
                    pair[c][a] = nil
                    blocked[c].remove(a)
                    continue
                }
                let dot = (pair[a][c] ?? 0) + (pair[b][c] ?? 0)
                pair[a][c] = dot
                pair[c][a] = dot
                blocked[c].remove(a)
            }
            pair[a][b] = nil
            pair[b] = [:]
            blocked[a] = []
            blocked[b] = []
            size[a] += size[b]
            // A fixed cluster that took in a new one (or a fixed one that did) is touched.
            touched[a] = touched[a] || touched[b] || (fixed[a] != fixed[b])
            fixed[a] = mergedIsFixed
            alive[b] = false
            members[a] += members[b]
            members[b] = []
            refresh(a)
            for c in neighbours where alive[c] {
                if rowBest[c].column == a || rowBest[c].column == b {
                    refresh(c)
                } else if pair[c][a] != nil, admissible(c, a), average(c, a) > rowBest[c].value {
                    setBest(c, (average(c, a), a))
                }
            }
            // Rows whose best was b but that are not neighbours cannot exist: b's partners are neighbours.
        }
        return members.filter { !$0.isEmpty }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}

/// A max-heap of rows by their best pair's value (ties: the lower row first), for average linkage's
/// choice of the next pair without scanning every row.
struct RowHeap {
    struct Entry {
        var value: Double
        var row: Int
        var stamp: Int

        func precedes(_ other: Entry) -> Bool {
            value > other.value || (value == other.value && row < other.row)
        }
    }

    private var entries: [Entry] = []

    mutating func push(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].precedes(entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Entry? {
        guard let first = entries.first else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var chosen = parent
                if left < entries.count, entries[left].precedes(entries[chosen]) { chosen = left }
                if right < entries.count, entries[right].precedes(entries[chosen]) { chosen = right }
                guard chosen != parent else { break }
                entries.swapAt(parent, chosen)
                parent = chosen
            }
        }
        return first
    }
}

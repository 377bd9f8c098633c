/// A sparse vector of feature keys and weights, keys ascending.
struct SparseVector: Sendable {
    var keys: [UInt64] = []
    var values: [Double] = []

    var normSquared: Double { values.reduce(0) { $0 + $1 * $1 } }

    func dot(_ sum: [UInt64: Double]) -> Double {
        var total = 0.0
        for (index, key) in keys.enumerated() {
            if let other = sum[key] { total += values[index] * other }
        }
        return total
    }

    func dot(_ other: SparseVector) -> Double {
        var i = 0, j = 0, total = 0.0
        while i < keys.count, j < other.keys.count {
            if keys[i] == other.keys[j] {
                total += values[i] * other.values[j]
                i += 1
                j += 1
            } else if keys[i] < other.keys[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return total
    }

    func add(to sum: inout [UInt64: Double], scale: Double = 1) {
        for (index, key) in keys.enumerated() { sum[key, default: 0] += values[index] * scale }
    }
}

/// Dot product of two sparse sums keyed by feature, walking the smaller one.
func sparseDot(_ a: [UInt64: Double], _ b: [UInt64: Double]) -> Double {
    let (small, large) = a.count <= b.count ? (a, b) : (b, a)
    var dot = 0.0
    for (key, value) in small { if let other = large[key] { dot += value * other } }
    return dot
}

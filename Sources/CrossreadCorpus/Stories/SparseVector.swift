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

    /// Adds `other` (a merge walk of the two sorted key lists).
    mutating func add(_ other: SparseVector) {
        var mergedKeys: [UInt64] = []
        var mergedValues: [Double] = []
        mergedKeys.reserveCapacity(keys.count + other.keys.count)
        mergedValues.reserveCapacity(keys.count + other.keys.count)
        var i = 0, j = 0
        while i < keys.count || j < other.keys.count {
            if j == other.keys.count || (i < keys.count && keys[i] < other.keys[j]) {
                mergedKeys.append(keys[i]); mergedValues.append(values[i]); i += 1
            } else if i == keys.count || other.keys[j] < keys[i] {
                mergedKeys.append(other.keys[j]); mergedValues.append(other.values[j]); j += 1
            } else {
                mergedKeys.append(keys[i]); mergedValues.append(values[i] + other.values[j]); i += 1; j += 1
            }
        }
        keys = mergedKeys
        values = mergedValues
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

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
        (keys, values) = mergedSum(keys, values, other.keys, other.values, scale: 1, dropsZeros: false)
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

/// The sum of two sparse vectors given as ascending keys and their values, `b` times `scale`, by one
/// merge walk; a key whose sum is zero is left out when `dropsZeros`.
func mergedSum<Value: BinaryFloatingPoint>(_ aKeys: [UInt64], _ aValues: [Value], _ bKeys: [UInt64], _ bValues: [Value],
                                           scale: Value, dropsZeros: Bool) -> (keys: [UInt64], values: [Value]) {
    var keys: [UInt64] = []
    var values: [Value] = []
    keys.reserveCapacity(aKeys.count + bKeys.count)
    values.reserveCapacity(aKeys.count + bKeys.count)
    var i = 0, j = 0
    while i < aKeys.count || j < bKeys.count {
        if j == bKeys.count || (i < aKeys.count && aKeys[i] < bKeys[j]) {
            keys.append(aKeys[i]); values.append(aValues[i]); i += 1
        } else if i == aKeys.count || bKeys[j] < aKeys[i] {
            keys.append(bKeys[j]); values.append(bValues[j] * scale); j += 1
        } else {
            let value = aValues[i] + bValues[j] * scale
            if value != 0 || !dropsZeros { keys.append(aKeys[i]); values.append(value) }
            i += 1; j += 1
        }
    }
    return (keys, values)
}

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

    /// The dot product: a merge walk of the two key lists, or, when one is far shorter, a galloping
    /// search for each of its keys in the other. Products are summed in ascending key order either way.
    func dot(_ other: SparseVector) -> Double {
        keys.withUnsafeBufferPointer { aKeys in
            values.withUnsafeBufferPointer { aValues in
                other.keys.withUnsafeBufferPointer { bKeys in
                    other.values.withUnsafeBufferPointer { bValues in
                        aKeys.count <= bKeys.count
                            ? SparseVector.dot(aKeys, aValues, bKeys, bValues)
                            : SparseVector.dot(bKeys, bValues, aKeys, aValues)
                    }
                }
            }
        }
    }

    /// The dot product of a shorter sorted vector `a` with a longer `b`.
    private static func dot(_ aKeys: UnsafeBufferPointer<UInt64>, _ aValues: UnsafeBufferPointer<Double>,
                            _ bKeys: UnsafeBufferPointer<UInt64>, _ bValues: UnsafeBufferPointer<Double>) -> Double {
        var total = 0.0
        var i = 0, j = 0
        let n = aKeys.count, m = bKeys.count
        if n * 8 < m {
            while i < n, j < m {
                let key = aKeys[i]
                // Gallop: the first position at or after j whose key is not below `key`.
                var step = 1, low = j, high = j
                while high < m, bKeys[high] < key { low = high + 1; high += step; step <<= 1 }
                high = min(high, m)
                while low < high {
                    let middle = (low + high) >> 1
                    if bKeys[middle] < key { low = middle + 1 } else { high = middle }
                }
                j = low
                if j < m, bKeys[j] == key { total += aValues[i] * bValues[j]; j += 1 }
                i += 1
            }
            return total
        }
        while i < n, j < m {
            let a = aKeys[i], b = bKeys[j]
            if a == b {
                total += aValues[i] * bValues[j]
                i += 1
                j += 1
            } else if a < b {
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

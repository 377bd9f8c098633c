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

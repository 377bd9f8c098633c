/// The sum of some documents' feature vectors, keys ascending, kept to a bounded number of keys (the
/// strongest), so a story of thousands of articles costs what one of a few hundred does.
public struct StoryProfile: Sendable, Equatable {
    public internal(set) var keys: [UInt64] = []
    public internal(set) var values: [Float] = []

    public init() {}

    init(_ vector: SparseVector) {
        keys = vector.keys
        values = vector.values.map(Float.init)
    }

    var isEmpty: Bool { keys.isEmpty }
    var normSquared: Double { values.reduce(0) { $0 + Double($1) * Double($1) } }

    func dot(_ vector: SparseVector) -> Double {
        var i = 0, j = 0, total = 0.0
        while i < keys.count, j < vector.keys.count {
            if keys[i] == vector.keys[j] {
                total += Double(values[i]) * vector.values[j]
                i += 1
                j += 1
            } else if keys[i] < vector.keys[j] { i += 1 } else { j += 1 }
        }
        return total
    }

    func dot(_ other: StoryProfile) -> Double {
        var i = 0, j = 0, total = 0.0
        while i < keys.count, j < other.keys.count {
            if keys[i] == other.keys[j] {
                total += Double(values[i]) * Double(other.values[j])
                i += 1
                j += 1
            } else if keys[i] < other.keys[j] { i += 1 } else { j += 1 }
        }
        return total
    }

    /// Adds `other` times `scale` (a merge walk of the two sorted key lists).
    mutating func add(_ otherKeys: [UInt64], _ otherValues: [Float], scale: Float = 1) {
        (keys, values) = mergedSum(keys, values, otherKeys, otherValues, scale: scale, dropsZeros: true)
    }

    mutating func add(_ vector: SparseVector) { add(vector.keys, vector.values.map(Float.init)) }
    mutating func add(_ other: StoryProfile, scale: Float = 1) { add(other.keys, other.values, scale: scale) }

    /// Keeps the `limit` strongest keys once the profile holds twice as many (amortized: pruning is rare).
    mutating func prune(to limit: Int) {
        guard keys.count > 2 * limit else { return }
        let kept = keys.indices.sorted { abs(values[$0]) > abs(values[$1]) || (abs(values[$0]) == abs(values[$1]) && keys[$0] < keys[$1]) }
            .prefix(limit).sorted()
        keys = kept.map { keys[$0] }
        values = kept.map { values[$0] }
    }

    /// The `count` strongest keys of the given channels, strongest first.
    func strongest(_ count: Int, channels: Set<FeatureChannel>) -> [UInt64] {
        keys.indices.filter { channels.contains(FeatureChannel.of(keys[$0])) }
            .sorted { abs(values[$0]) > abs(values[$1]) || (abs(values[$0]) == abs(values[$1]) && keys[$0] < keys[$1]) }
            .prefix(count).map { keys[$0] }
    }

    func value(of key: UInt64) -> Float? {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? values[low] : nil
    }

    func encode(into out: inout [UInt8]) {
        ByteWriter.append(UInt32(keys.count), to: &out)
        for key in keys { ByteWriter.append(key, to: &out) }
        for value in values { ByteWriter.append(value, to: &out) }
    }

    init?(reading reader: inout ByteReader) {
        guard let count = reader.uint32(), reader.remaining >= Int(count) * 12 else { return nil }
        keys.reserveCapacity(Int(count))
        values.reserveCapacity(Int(count))
        for _ in 0..<count { keys.append(reader.uint64()!) }
        for _ in 0..<count { values.append(reader.float()!) }
    }
}

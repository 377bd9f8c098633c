import CrossreadCore
@testable import CrossreadCorpus
import Testing

@Suite struct SparseVectorTests {
    /// A random sparse vector of `count` distinct keys below `range`.
    func vector(_ count: Int, below range: UInt64, _ random: inout SplitMix64) -> SparseVector {
        var keys = Set<UInt64>()
        while keys.count < count { keys.insert(UInt64.random(in: 0..<range, using: &random)) }
        let sorted = keys.sorted()
        return SparseVector(keys: sorted, values: sorted.map { _ in Double.random(in: -1...1, using: &random) })
    }

    @Test func dotProductsAgreeWithADictionaryWalkAtEveryLengthRatio() {
        var random = SplitMix64(seed: 5)
        for (short, long) in [(0, 40), (1, 1), (3, 500), (20, 30), (12, 2_000), (200, 210), (7, 7)] {
            let a = vector(short, below: 4_000, &random), b = vector(long, below: 4_000, &random)
            var sum: [UInt64: Double] = [:]
            b.add(to: &sum)
            let expected = a.dot(sum)
            #expect(abs(a.dot(b) - expected) < 1e-9, "\(short) against \(long)")
            #expect(a.dot(b) == b.dot(a), "\(short) against \(long): not symmetric")
        }
        // Keys at the ends of the longer list, and the shorter list running past it.
        let long = SparseVector(keys: Array(10...200), values: Array(repeating: 1, count: 191))
        let short = SparseVector(keys: [0, 10, 200, 500], values: [1, 2, 3, 4])
        #expect(short.dot(long) == 5)
        #expect(long.dot(short) == 5)
    }
}

/// Union-find over dense integer ids, with path halving and union by size.
struct DisjointSets: Sendable {
    private var parent: [Int32] = []
    private var size: [Int32] = []

    var count: Int { parent.count }

    /// Adds a new singleton set and returns its id.
    @discardableResult
    mutating func add() -> Int {
        parent.append(Int32(parent.count))
        size.append(1)
        return parent.count - 1
    }

    mutating func find(_ element: Int) -> Int {
        var x = element
        while Int(parent[x]) != x {
            let grandparent = parent[Int(parent[x])]
            parent[x] = grandparent
            x = Int(grandparent)
        }
        return x
    }

    /// Merges the sets of `a` and `b`; returns false when they were already one set.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        var rootA = find(a)
        var rootB = find(b)
        guard rootA != rootB else { return false }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = Int32(rootA)
        size[rootA] += size[rootB]
        return true
    }

    /// Every set with more than one element, as sorted member lists ordered by their first member.
    mutating func groups(minimumSize: Int = 2) -> [[Int]] {
        var members: [Int: [Int]] = [:]
        for element in 0..<parent.count where size[find(element)] >= minimumSize {
            members[find(element), default: []].append(element)
        }
        return members.values.sorted { $0[0] < $1[0] }
    }
}

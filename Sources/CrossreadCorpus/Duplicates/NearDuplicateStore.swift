/// The state of near-duplicate detection: signatures, LSH buckets and the union-find of groups.
/// A value type so the batch detector can use it synchronously; `DuplicateIndex` wraps it in an actor.
struct NearDuplicateStore: Sendable {
    let options: DuplicateOptions
    let banding: LSHBanding
    private(set) var ids: [String] = []
    /// Per document: the document whose normalized text it repeats exactly, or itself.
    private var exactOf: [Int32] = []
    private var exactByTextHash: [UInt64: Int32] = [:]
    /// Flat signatures of documents that are not exact copies (`signatureSize` values each).
    private var signatures: [UInt32] = []
    private var signatureSlot: [Int32] = []
    private var shingleSets: [Int: [UInt64]] = [:]
    /// LSH buckets as linked lists: the latest slot per band key, and per slot and band the previous one.
    private var bucketHead: [UInt64: Int32] = [:]
    private var bucketNext: [Int32] = []
    private var slotDocument: [Int32] = []
    private var sets = DisjointSets()
    private var weakestLink: [Int: Double] = [:]
    private var seenStamp: [Int32] = []

    init(options: DuplicateOptions) {
        self.options = options
        banding = LSHBanding(signatureSize: options.signatureSize, threshold: options.threshold)
    }

    var count: Int { ids.count }

    /// Adds a document; returns the earlier documents it duplicates (exact copy first).
    @discardableResult
    mutating func add(id: String, fingerprint: DuplicateFingerprint) -> [DuplicateMatch] {
        let index = ids.count
        ids.append(id)
        sets.add()
        if let original = exactByTextHash[fingerprint.normalizedTextHash] {
            exactOf.append(original)
            signatureSlot.append(signatureSlot[Int(original)])
            join(index, Int(original), similarity: 1)
            return [DuplicateMatch(document: ids[Int(original)], similarity: 1, exact: true)]
        }
        exactByTextHash[fingerprint.normalizedTextHash] = Int32(index)
        exactOf.append(Int32(index))
        guard fingerprint.wordCount > 0 else {
            signatureSlot.append(-1)
            return []
        }
        let slot = slotDocument.count
        slotDocument.append(Int32(index))
        signatureSlot.append(Int32(slot))
        signatures.append(contentsOf: fingerprint.signature)
        seenStamp.append(-1)
        if let shingles = fingerprint.shingles { shingleSets[slot] = shingles }

        var matches: [DuplicateMatch] = []
        let keys = banding.keys(of: fingerprint.signature)
        for (band, key) in keys.enumerated() {
            var candidate = bucketHead[key] ?? -1
            while candidate >= 0 {
                let other = Int(candidate)
                if seenStamp[other] != Int32(slot) {
                    seenStamp[other] = Int32(slot)
                    let similarity = similarity(slot, other, fingerprint: fingerprint)
                    if similarity >= options.threshold {
                        let otherDocument = Int(slotDocument[other])
                        join(index, otherDocument, similarity: similarity)
                        matches.append(DuplicateMatch(document: ids[otherDocument], similarity: similarity, exact: false))
                    }
                }
                candidate = bucketNext[other * banding.bands + band]
            }
            bucketNext.append(bucketHead[key] ?? -1)
            bucketHead[key] = Int32(slot)
        }
        return matches.sorted { $0.similarity > $1.similarity }
    }

    private func similarity(_ slot: Int, _ other: Int, fingerprint: DuplicateFingerprint) -> Double {
        if let mine = fingerprint.shingles, let theirs = shingleSets[other] {
            return DuplicateFingerprint.jaccard(mine, theirs)
        }
        let size = options.signatureSize
        let base = other * size
        var equal = 0
        for position in 0..<size where signatures[base + position] == fingerprint.signature[position] { equal += 1 }
        return Double(equal) / Double(size)
    }

    private mutating func join(_ a: Int, _ b: Int, similarity: Double) {
        let rootA = sets.find(a), rootB = sets.find(b)
        let weakest = min(weakestLink[rootA] ?? 1, weakestLink[rootB] ?? 1, similarity)
        sets.union(a, b)
        weakestLink[sets.find(a)] = weakest
    }

    /// Every group of two or more documents, in order of their first document.
    mutating func groups() -> [DuplicateGroup] {
        sets.groups().map { members in
            let first = Int(exactOf[members[0]])
            let exact = members.allSatisfy { Int(exactOf[$0]) == first }
            let similarity = exact ? 1 : (weakestLink[sets.find(members[0])] ?? 1)
            return DuplicateGroup(documents: members.map { ids[$0] }, exact: exact, minimumSimilarity: similarity)
        }
    }

    /// Bytes held by signatures, buckets and groups (approximate; dictionary overhead estimated).
    var approximateMemory: Int {
        signatures.count * 4 + bucketNext.count * 4 + bucketHead.count * 24 + exactByTextHash.count * 24
            + ids.count * (16 + 4 + 4 + 8) + shingleSets.values.reduce(0) { $0 + $1.count * 8 }
    }
}

import CrossreadCore

/// Notices counted by reason, in the order reasons first appeared, each reason keeping its first
/// few notices as examples: a crawl file may skip millions of records, the counts stay exact and
/// the memory small.
public struct NoticeTally: Sendable {
    /// One reason: how many notices gave it, and the first of them.
    public struct Entry: Sendable {
        public var reason: String
        public var count: Int
        public var examples: [IngestNotice]
    }

    public private(set) var entries: [Entry] = []
    private var indexByReason: [String: Int] = [:]
    /// Examples kept per reason.
    public static let examplesPerReason = 5

    public init() {}

    public mutating func add(_ notice: IngestNotice) {
        if let index = indexByReason[notice.reason] {
            entries[index].count += 1
            if entries[index].examples.count < Self.examplesPerReason { entries[index].examples.append(notice) }
        } else {
            indexByReason[notice.reason] = entries.count
            entries.append(Entry(reason: notice.reason, count: 1, examples: [notice]))
        }
    }

    /// All notices counted.
    public var total: Int { entries.reduce(0) { $0 + $1.count } }

    /// How many notices gave `reason`.
    public func count(of reason: String) -> Int {
        indexByReason[reason].map { entries[$0].count } ?? 0
    }
}

import Foundation

/// What kinds of thing a common English noun or verb names, from WordNet 3.0: its most frequent sense
/// and that sense's hypernyms two steps up, as dense ids ("firebomb" and "bomb" share bomb and
/// explosive device; "slaying" and "killing" share killing). Read from the `event-kinds.tsv` resource
/// written by scripts/make_event_kinds.py.
struct EventKinds: Sendable {
    private var table: [UInt64: [UInt32]] = [:]

    /// The kinds shipped with the module (empty when the resource is missing).
    static let standard: EventKinds = {
        guard let url = Bundle.module.url(forResource: "event-kinds", withExtension: "tsv"),
              let data = try? Data(contentsOf: url) else { return EventKinds() }
        return EventKinds(tsv: Array(data))
    }()

    init() {}

    /// Parses `word<TAB>id id ...` lines.
    init(tsv bytes: [UInt8]) {
        table.reserveCapacity(bytes.count / 24)
        var index = 0
        let count = bytes.count
        while index < count {
            let start = index
            while index < count, bytes[index] != 0x09, bytes[index] != 0x0A { index += 1 }
            let word = TextScanner.hash(lowercased: Array(bytes[start..<index]))
            var ids: [UInt32] = []
            var value: UInt32 = 0, digits = false
            while index < count, bytes[index] != 0x0A {
                let byte = bytes[index]
                if byte &- 0x30 < 10 {
                    value = value &* 10 &+ UInt32(byte - 0x30)
                    digits = true
                } else if digits {
                    ids.append(value)
                    value = 0
                    digits = false
                }
                index += 1
            }
            if digits { ids.append(value) }
            if !ids.isEmpty { table[word] = ids }
            index += 1
        }
    }

    var count: Int { table.count }

    /// Kinds of a lowercased word, trying it as written, then without a plural or verb ending
    /// ("riots", "bombed", "escaping"); nil when WordNet has none of the forms.
    func kinds(ofLowercased word: [UInt8]) -> [UInt32]? {
        if let found = table[TextScanner.hash(lowercased: word)] { return found }
        for (suffix, replacement) in EventKinds.endings where word.count > suffix.count + 2 && word.ends(with: suffix) {
            if let found = table[TextScanner.hash(lowercased: Array(word.dropLast(suffix.count)) + replacement)] { return found }
        }
        return nil
    }

    private static let endings: [([UInt8], [UInt8])] = [
        ("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}

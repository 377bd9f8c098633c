/// The words a document is most about, with how strongly (its "impact" for each word): the entries
/// of the impact-ordered lists both stores keep next to their full-text index, so a search for a
/// common word reads the few best documents for it instead of ranking every match.
///
/// A word's impact is BM25's term-frequency part (k1 1.2, b 0.75) with a title occurrence counting
/// five times, the length normalized against a fixed typical length. Words are folded as the
/// SQLite index folds them (lower case, diacritics removed, split at every character that is not a
/// letter or digit); the lists only choose candidates, which each store then matches and scores exactly.
public struct SearchTerms: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var term: String
        public var impact: Double
    }

    /// The strongest words first, at most `limit`.
    public var entries: [Entry]

    /// Words kept per document.
    public static let defaultLimit = 32
    /// How much more a title occurrence weighs than one in the text (as in both stores' ranking).
    public static let titleWeight = 5.0
    static let k1 = 1.2, b = 0.75, typicalLength = 400.0

    /// How a word's impact is computed: to order each word's list as the store ranks one word.
    public enum Weighting: Sendable {
        /// BM25's term-frequency part, length-normalized (SQLite's FTS5 `bm25`).
        case bm25
        /// PostgreSQL's `ts_rank` for one word with title weight 1.0 and text 0.2 (normalization 0):
        /// the occurrences' weights, strongest first, the i-th divided by i².
        case tsRank
    }

    public init(title: String?, text: String, limit: Int = SearchTerms.defaultLimit, weighting: Weighting = .bm25) {
        var titleCounts: [String: Int] = [:], textCounts: [String: Int] = [:]
        var length = 0
        for word in Self.words(title ?? "") {
            titleCounts[word, default: 0] += 1
            length += 1
        }
        for word in Self.words(text) {
            textCounts[word, default: 0] += 1
            length += 1
        }
        let norm = Self.k1 * (1 - Self.b + Self.b * Double(length) / Self.typicalLength)
        var entries: [Entry] = []
        for term in Set(titleCounts.keys).union(textCounts.keys) where term.utf8.count > 1 {
            // Single letters and digits are never worth a list of their own.
            let inTitle = titleCounts[term] ?? 0, inText = textCounts[term] ?? 0
            switch weighting {
            case .bm25:
                let weight = Self.titleWeight * Double(inTitle) + Double(inText)
                entries.append(Entry(term: term, impact: weight * (Self.k1 + 1) / (weight + norm)))
            case .tsRank:
                var impact = 0.0
                for position in 0..<min(inTitle + inText, 64) {
                    let weight = position < inTitle ? 1.0 : 0.2
                    impact += weight / Double((position + 1) * (position + 1))
                }
                entries.append(Entry(term: term, impact: impact))
            }
        }
        entries.sort { $0.impact > $1.impact || ($0.impact == $1.impact && $0.term < $1.term) }
        if entries.count > limit { entries.removeLast(entries.count - limit) }
        self.entries = entries
    }

    /// The folded words of `text`, in order.
    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        var plain = true
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(decoding: current, as: UTF8.self)
            out.append(plain ? word : fold(word))
            current.removeAll(keepingCapacity: true)
            plain = true
        }
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x30...0x39, 0x61...0x7A: current.append(UInt8(value))
                case 0x41...0x5A: current.append(UInt8(value + 0x20))
                default: flush()
                }
            } else if isWordScalar(scalar) {
                plain = false
                current.append(contentsOf: String(scalar).utf8)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// The folded words of the query's terms that are not prefix searches: the lists to read.
    public static func queryWords(_ text: String) -> [String] {
        var words: [String] = []
        for term in text.split(whereSeparator: { $0.isWhitespace }) where !term.hasSuffix("*") {
            for word in SearchTerms.words(String(term)) where word.utf8.count > 1 && !words.contains(word) {
                words.append(word)
            }
        }
        return words
    }

    static func fold(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            out.append(scalar)
        }
        return String(out)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse, .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }
}

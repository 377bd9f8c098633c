import Foundation

/// A personal name split into normalized words, with the tests that decide whether two written
/// names can be the same person: nicknames ("Bibi" / "Benjamin"), transliteration variants
/// ("Qassem" / "Qasem"), initials ("J. Smith"), and middle names left out.
struct PersonName: Sendable, Hashable {
    /// Lower-cased, accent-folded words without periods or apostrophes ("o’brien" -> "obrien").
    let words: [String]
    /// The spelling key of each word (`spellingKey`), computed once.
    let keys: [String]

    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"]

    init(_ text: String) {
        let folded = text.utf8.allSatisfy({ $0 < 0x80 }) ? text.lowercased()
            : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" || scalar == "." && current.count > 1 {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        while words.count > 1, let last = words.last, PersonName.suffixes.contains(last) { words.removeLast() }
        self.words = words
        self.keys = words.map(PersonName.spellingKey)
    }

    var isFull: Bool { words.count >= 2 }
    var first: String { words.first ?? "" }
    var last: String { words.last ?? "" }
    var lastKey: String { keys.last ?? "" }

    /// A spelling key for transliterated names: doubled letters collapsed, q/c as k, ou as u, ph as f.
    static func spellingKey(_ word: String) -> String {
        let input = Array(word.unicodeScalars)
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            var c = input[i]
            let next: Unicode.Scalar? = i + 1 < input.count ? input[i + 1] : nil
            if c == "p", next == "h" { c = "f"; i += 1 }
            else if c == "k", next == "h" { c = "h"; i += 1 }
            else if c == "o", next == "u" { c = "u"; i += 1 }
            else if c == "q" || c == "c" { c = "k" }
            if output.last != c { output.append(c) }
            i += 1
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: output)
        return result
    }

    /// Two written words are the same name: equal, equal spelling keys, or (four letters or more)
    /// one edit apart.
    static func sameWord(_ a: String, _ b: String) -> Bool {
        sameWord(a, spellingKey(a), b, spellingKey(b))
    }

    /// `sameWord` with the spelling keys already at hand.
    static func sameWord(_ a: String, _ ka: String, _ b: String, _ kb: String) -> Bool {
        if a == b || ka == kb { return true }
        guard min(a.utf8.count, b.utf8.count) >= 5, abs(ka.utf8.count - kb.utf8.count) <= 1 else { return false }
        return editDistance(ka, kb, limit: 1) <= 1
    }

    /// First names that can be the same person's: same word, a nickname of the other, or an initial.
    static func sameFirstName(_ a: String, _ b: String, gazetteer: Gazetteer) -> Bool {
        if a == b || sameWord(a, b) { return true }
        if a.count == 1 || b.count == 1 { return a.first == b.first }
        let formalA = gazetteer.formalFirstNames(a), formalB = gazetteer.formalFirstNames(b)
        return formalA.contains(b) || formalB.contains(a) || !formalA.isDisjoint(with: formalB)
    }

    /// Whether two full names can name the same person: same surname (spelling variants allowed)
    /// and compatible first names; a middle name present in one only does not matter.
    func canBeSamePerson(as other: PersonName, gazetteer: Gazetteer) -> Bool {
        guard isFull, other.isFull, PersonName.sameWord(last, lastKey, other.last, other.lastKey) else { return false }
        return PersonName.sameFirstName(first, other.first, gazetteer: gazetteer)
    }

    /// Levenshtein distance, stopping early above `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            current[0] = i
            var best = current[0]
            for j in 1...max(y.count, 1) where !y.isEmpty {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                best = min(best, current[j])
            }
            if best > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return x.isEmpty ? y.count : previous[y.count]
    }
}

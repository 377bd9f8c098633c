/// Folds English inflections onto one key with a few suffix rules on lowercased bytes: plural and
/// third-person -s, -es, -ies; -ing and -ed with their doubled consonants; then a final -e. "fires",
/// "fired" and "fire" share a key, as do "shooting" and "shoots". Not a dictionary lemmatizer: the
/// key only has to be the same for the forms of one word.
enum Lemmatizer {
    static func stem(_ word: [UInt8]) -> [UInt8] {
        var w = word
        guard w.count >= 4, w.allSatisfy({ $0 < 0x80 }) else { return w }
        if w.hasSuffix("ies"), w.count >= 5 {
            w.removeLast(3)
            w.append(0x79)  // y
        } else if w.hasSuffix("sses") {
            w.removeLast(2)
        } else if w.hasSuffix("ing"), w.count >= 6 {
            w.removeLast(3)
            undouble(&w)
        } else if w.hasSuffix("ed"), w.count >= 5, !w.hasSuffix("eed") {
            w.removeLast(2)
            undouble(&w)
        } else if w.hasSuffix("es"), w.count >= 5, !w.hasSuffix("ses") || w.hasSuffix("uses") {
            w.removeLast(1)
        } else if w.last == 0x73, !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") {  // s
            w.removeLast()
        }
        if w.count >= 4, w.last == 0x65 { w.removeLast() }  // e
        return w
    }

    /// "stopp" → "stop", "shott" → "shot"; keeps "ll", "ss", "zz" ("kill", "pass").
    private static func undouble(_ w: inout [UInt8]) {
        guard w.count >= 3, let last = w.last, w[w.count - 2] == last,
              last != 0x6C, last != 0x73, last != 0x7A, !isVowel(last) else { return }
        w.removeLast()
    }

    private static func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }
}

extension Array where Element == UInt8 {
    func hasSuffix(_ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard self.count >= count else { return false }
        return suffix.withUTF8Buffer { tail in
            for offset in 0..<count where self[self.count - count + offset] != tail[offset] { return false }
            return true
        }
    }
}

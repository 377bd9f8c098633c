/// The Porter (1980) suffix-stripping stemmer for lowercase English words, on ASCII bytes:
/// "revealed" and "reveals" become "reveal", "elections" becomes "elect". Non-ASCII words pass through.
enum PorterStemmer {
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        step1a(&bytes)
        step1b(&bytes)
        step1c(&bytes)
        step2(&bytes)
        step3(&bytes)
        step4(&bytes)
        step5(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Measure and conditions

    private static func isConsonant(_ w: [UInt8], _ i: Int) -> Bool {
        switch w[i] {
        case 0x61, 0x65, 0x69, 0x6F, 0x75: return false  // a e i o u
        case 0x79: return i == 0 ? true : !isConsonant(w, i - 1)  // y
        default: return true
        }
    }

    /// The number of vowel-consonant sequences in `w[0..<end]`.
    private static func measure(_ w: [UInt8], _ end: Int) -> Int {
        var m = 0
        var i = 0
        while i < end && isConsonant(w, i) { i += 1 }
        while i < end {
            while i < end && !isConsonant(w, i) { i += 1 }
            guard i < end else { break }
            m += 1
            while i < end && isConsonant(w, i) { i += 1 }
        }
        return m
    }

    private static func hasVowel(_ w: [UInt8], _ end: Int) -> Bool {
        (0..<end).contains { !isConsonant(w, $0) }
    }

    private static func endsDoubleConsonant(_ w: [UInt8], _ end: Int) -> Bool {
        end >= 2 && w[end - 1] == w[end - 2] && isConsonant(w, end - 1)
    }

    /// consonant-vowel-consonant at the end, the last not w, x or y ("hop", not "snow").
    private static func endsCVC(_ w: [UInt8], _ end: Int) -> Bool {
        guard end >= 3, isConsonant(w, end - 1), !isConsonant(w, end - 2), isConsonant(w, end - 3) else { return false }
        let last = w[end - 1]
        return last != 0x77 && last != 0x78 && last != 0x79
    }

    private static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        var suffix = suffix
        return suffix.withUTF8 { s in
            guard w.count >= s.count else { return false }
            let offset = w.count - s.count
            for j in 0..<s.count where w[offset + j] != s[j] { return false }
            return true
        }
    }

    private static func replace(_ w: inout [UInt8], _ suffix: String, with replacement: String) {
        w.removeLast(suffix.utf8.count)
        w.append(contentsOf: replacement.utf8)
    }

    /// Replaces the first matching suffix when the stem before it has measure > `minimum`.
    private static func replaceFirst(_ w: inout [UInt8], _ rules: [(String, String)], minimum: Int) {
        for (suffix, replacement) in rules where ends(w, suffix) {
            if measure(w, w.count - suffix.utf8.count) > minimum { replace(&w, suffix, with: replacement) }
            return
        }
    }

    // MARK: - Steps

    private static func step1a(_ w: inout [UInt8]) {
        if ends(w, "sses") { replace(&w, "sses", with: "ss") }
        else if ends(w, "ies") { replace(&w, "ies", with: "i") }
        else if ends(w, "ss") { return }
        else if ends(w, "s") { w.removeLast() }
    }

    private static func step1b(_ w: inout [UInt8]) {
        if ends(w, "eed") {
            if measure(w, w.count - 3) > 0 { w.removeLast() }
            return
        }
        var removed = false
        for suffix in ["ed", "ing"] where ends(w, suffix) {
            let stemEnd = w.count - suffix.utf8.count
            if hasVowel(w, stemEnd) {
                w.removeLast(suffix.utf8.count)
                removed = true
            }
            break
        }
        guard removed else { return }
        if ends(w, "at") || ends(w, "bl") || ends(w, "iz") {
            w.append(0x65)
        } else if endsDoubleConsonant(w, w.count), let last = w.last, last != 0x6C, last != 0x73, last != 0x7A {
            w.removeLast()
        } else if measure(w, w.count) == 1 && endsCVC(w, w.count) {
            w.append(0x65)
        }
    }

    private static func step1c(_ w: inout [UInt8]) {
        if w.last == 0x79, hasVowel(w, w.count - 1) { w[w.count - 1] = 0x69 }
    }

    private static let step2Rules: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ]
    private static func step2(_ w: inout [UInt8]) { replaceFirst(&w, step2Rules, minimum: 0) }

    private static let step3Rules: [(String, String)] = [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ]
    private static func step3(_ w: inout [UInt8]) { replaceFirst(&w, step3Rules, minimum: 0) }

    private static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
        "ism", "ate", "iti", "ous", "ive", "ize",
    ].sorted { $0.utf8.count > $1.utf8.count }

    private static func step4(_ w: inout [UInt8]) {
        for suffix in step4Suffixes where ends(w, suffix) {
            let stemEnd = w.count - suffix.utf8.count
            guard measure(w, stemEnd) > 1 else { return }
            if suffix == "ion" {
                guard stemEnd > 0, w[stemEnd - 1] == 0x73 || w[stemEnd - 1] == 0x74 else { return }
            }
            w.removeLast(suffix.utf8.count)
            return
        }
    }

    private static func step5(_ w: inout [UInt8]) {
        if w.last == 0x65 {
            let m = measure(w, w.count - 1)
            if m > 1 || (m == 1 && !endsCVC(w, w.count - 1)) { w.removeLast() }
        }
        if w.last == 0x6C, endsDoubleConsonant(w, w.count), measure(w, w.count) > 1 { w.removeLast() }
    }
}

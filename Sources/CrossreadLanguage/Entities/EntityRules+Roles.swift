import CrossreadCore

extension EntityRules {
    /// Attaches the title written before a person's name as the mention's role: "Prime Minister
    /// Benjamin Netanyahu", "Israel's Strategic Affairs Minister Ron Dermer", "Minister of Strategic
    /// Affairs Ron Dermer", "Ambassador to the U.S. Michael Herzog", "President-elect Donald Trump",
    /// and the appositive "Prime Minister of Israel, Bibi Netanyahu".
    func attachRole(_ candidate: inout EntityCandidate, covered: [Bool]) {
        let start = candidate.tokens.lowerBound
        guard start > 0 else { return }
        var found = roleRange(endingAt: start - 1, covered: covered)
        if found == nil, start >= 2, tokens[start - 1].kind == .punctuation, bytes[tokens[start - 1].range.lowerBound] == UInt8(ascii: ",") {
            found = roleRange(endingAt: start - 2, covered: covered, complementMayBeNamed: true)
        }
        guard let range = found else { return }
        let role = text(range)
        if let existing = candidate.role, existing.count >= role.count { return }
        candidate.role = role
    }

    /// The token range of a title ending at token `end`, if one ends there.
    func roleRange(endingAt end: Int, covered: [Bool], complementMayBeNamed: Bool = false) -> Range<Int>? {
        guard end >= 0, end + 1 < tokens.count, tokens[end + 1].gap <= .space else { return nil }
        var j = end
        // A complement after the head: "of Strategic Affairs", "to the U.S.", "of Israel".
        var m = j, capitals = 0
        while m >= 0, capitals < 4, isWord(m), isCapitalized(m), !lexicon(m).contains(.role),
              complementMayBeNamed || !covered[m] || phrase(m).contains(.place) {
            m -= 1
            capitals += 1
        }
        if capitals > 0, m >= 1 {
            var q = m
            if isWord(q, "the"), q >= 1 { q -= 1 }
            if isWord(q, "of") || isWord(q, "to") || isWord(q, "for"), q >= 1, lexicon(q - 1).contains(.role) {
                j = q - 1
            }
        }
        var start = -1
        var sawHead = false
        while j >= 0 {
            let token = tokens[j]
            if j != end, tokens[j + 1].gap > .space { break }
            if token.kind == .word, !covered[j] || j > end - capitals {
                let kinds = lexicon(j)
                let hyphenated = (j + 1 < tokens.count && tokens[j + 1].kind == .hyphen && tokens[j + 1].gap == .none)
                    || (j > 0 && token.gap == .none && tokens[j - 1].kind == .hyphen)
                if kinds.contains(.role), !sawHead || isCapitalized(j) || hyphenated {
                    sawHead = true
                    start = j
                    j -= 1
                    continue
                }
                if kinds.contains(.roleModifier), sawHead || hyphenated, isCapitalized(j) || hyphenated || isWord(j, "former") {
                    start = j
                    j -= 1
                    continue
                }
                break
            }
            if token.kind == .hyphen, token.gap == .none, j > 0, tokens[j - 1].kind == .word,
               lexicon(j - 1).contains(.role) || lexicon(j - 1).contains(.roleModifier) {
                j -= 1
                continue
            }
            break
        }
        guard sawHead, start >= 0 else { return nil }
        return start..<(end + 1)
    }
}

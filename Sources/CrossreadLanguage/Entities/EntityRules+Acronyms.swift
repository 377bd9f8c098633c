import CrossreadCore

extension EntityRules {
    /// A name followed by its initials in parentheses ("Greater New Orleans Fair Housing Action
    /// Center ( GNOFHAC )"): the whole capitalized name is one mention, an organization unless the
    /// tagger read it (or, missing the name, its initials) as a place, and so are the initials; the consistency
    /// step then finds the initials elsewhere in the text.
    func addDefinedAcronyms(_ candidates: [EntityCandidate]) -> [EntityCandidate] {
        var owner = [Int](repeating: -1, count: tokens.count)
        for (index, c) in candidates.enumerated() { for k in c.tokens { owner[k] = index } }
        var result = candidates
        var removed = Set<Int>()
        var j = 1
        while j + 2 < tokens.count {
            defer { j += 1 }
            guard isByte(j, UInt8(ascii: "(")), isByte(j + 2, UInt8(ascii: ")")), isWord(j + 1),
                  profiles[j + 1].casing == .upper,
                  owner[j + 1] < 0 || candidates[owner[j + 1]].tokens == (j + 1)..<(j + 2) else { continue }
            let letters = acronymLetters(j + 1)
            guard letters.count >= 2, letters.count <= 8 else { continue }
            // Walk back over the name: capitalized words, with "of", "and", "for", "the", "&" between them.
            var start = j, matched = letters.count
            var k = j - 1
            while k >= 0, matched > 0, sentenceOf[k] == sentenceOf[j] {
                if isWord(k), isCapitalized(k) {
                    guard bytes[tokens[k].range.lowerBound] == letters[matched - 1] else { break }
                    matched -= 1
                    start = k
                } else if !isJoiningWord(k) {
                    break
                }
                k -= 1
            }
            guard matched == 0, j - start >= 2 else { continue }
            // Tagger spans inside the name give way; a span reaching outside it keeps the text as it is.
            let inside = Set((start..<j).compactMap { owner[$0] >= 0 ? owner[$0] : nil })
            guard inside.allSatisfy({ candidates[$0].tokens.lowerBound >= start && candidates[$0].tokens.upperBound <= j }) else { continue }
            var type = EntityType.organization
            if owner[j - 1] >= 0 {
                // A place only when the tagger read the whole name as one ("United Arab Emirates"),
                // not just a place at its end ("Housing Authority of New Orleans").
                let last = candidates[owner[j - 1]]
                if last.type == .place, last.tokens.lowerBound == start { type = .place }
            } else if inside.isEmpty, owner[j + 1] >= 0, candidates[owner[j + 1]].type == .place {
                type = .place
            }
            removed.formUnion(inside)
            if owner[j + 1] >= 0 { removed.insert(owner[j + 1]) }
            result.append(EntityCandidate(tokens: start..<j, type: type, fromTagger: false))
            result.append(EntityCandidate(tokens: (j + 1)..<(j + 2), type: type, fromTagger: false))
            j += 2
        }
        guard !removed.isEmpty || result.count != candidates.count else { return candidates }
        return result.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    private func isJoiningWord(_ k: Int) -> Bool {
        isWord(k, "of") || isWord(k, "and") || isWord(k, "for") || isWord(k, "the") || isByte(k, UInt8(ascii: "&"))
    }

    /// The capital letters of an all-capitals word ("IUCN", "U.S.A." -> U S A).
    private func acronymLetters(_ k: Int) -> [UInt8] {
        tokens[k].range.compactMap { bytes[$0].isASCIIUpper ? bytes[$0] : nil }
    }
}

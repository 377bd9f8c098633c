import CrossreadCore

extension EntityRules {
    /// A known first name followed by capitalized words is a person ("Michael Herzog"), whether
    /// the tagger missed it, typed its surname a place, or kept only the surname.
    func completePersonNames(_ candidates: [EntityCandidate]) -> [EntityCandidate] {
        var owner = [Int](repeating: -1, count: tokens.count)
        for (index, c) in candidates.enumerated() { for k in c.tokens { owner[k] = index } }
        var result = candidates
        var removed = Set<Int>()
        var k = 0
        while k + 1 < tokens.count {
            guard lexicon(k).contains(.firstName), isWord(k), profiles[k].casing == .capitalized,
                  modes[k] != .upper, owner[k] < 0 || candidates[owner[k]].type != .person else {
                k += 1
                continue
            }
            var end = k + 1
            while end < tokens.count, end - k <= 3, tokens[end].gap == .space, isWord(end), profiles[end].casing == .capitalized,
                  isSurnameLike(end) {
                end += 1
            }
            guard end > k + 1, !(profiles[k].commonLower && profiles[k + 1].commonLower) else {
                k += 1
                continue
            }
            if let match = gazetteer.longestMatch(bytes, tokens, at: k, limit: end), match.tokens.count > 1, !match.kinds.contains(.firstName) {
                k = match.tokens.upperBound
                continue
            }
            let run = k..<end
            let overlapping = Set(run.compactMap { owner[$0] >= 0 ? owner[$0] : nil })
            // Only tagger spans lying inside the run (or a person starting inside it) give way.
            let yields = overlapping.allSatisfy { index in
                let c = candidates[index]
                return c.tokens.lowerBound >= k && (c.tokens.upperBound <= end || c.type == .person) && (c.fromTagger || c.type == .person)
            }
            if yields {
                var upper = end
                for index in overlapping { upper = max(upper, candidates[index].tokens.upperBound) }
                removed.formUnion(overlapping)
                result.append(EntityCandidate(tokens: k..<upper, type: .person, fromTagger: false))
                k = upper
            } else {
                k = end
            }
        }
        guard !removed.isEmpty || result.count > candidates.count else { return candidates }
        return result.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    /// A capitalized word that can continue a personal name: not a title, a suffix word, a place
    /// or group, nor a word common in lower case (unless usually capitalized).
    func isSurnameLike(_ k: Int) -> Bool {
        let kinds = lexicon(k).union(phrase(k))
        if kinds.contains(.role) || kinds.contains(.roleModifier) || kinds.contains(.organizationSuffix)
            || kinds.contains(.placeSuffix) || kinds.contains(.workSuffix) || kinds.contains(.group)
            || kinds.contains(.organization) { return false }
        if kinds.contains(.place) && !kinds.contains(.firstName) { return false }
        return !isOrdinaryWord(k)
    }
}

import CrossreadCore

extension EntityRules {
    /// The token index where the sentence holding token `k` ends.
    @inline(__always) func sentenceEnd(_ k: Int) -> Int { sentences.isEmpty ? tokens.count : sentences[Int(sentenceOf[k])].upperBound }
    @inline(__always) func isSentenceStart(_ k: Int) -> Bool { sentences.isEmpty ? k == 0 : sentences[Int(sentenceOf[k])].lowerBound == k }

    /// The type a gazetteer phrase gives a name, when it is unambiguous enough to act on.
    func gazetteerType(_ kinds: Gazetteer.Kinds) -> EntityType? {
        if kinds.contains(.group) { return .group }
        if kinds.contains(.place) { return kinds.contains(.organization) ? nil : .place }
        if kinds.contains(.organization) || kinds.contains(.platform) { return .organization }
        return nil
    }

    /// Retypes tagger spans that are exactly a gazetteer name ("Israeli" is a group, "Hamas" an
    /// organization), then adds the gazetteer names the tagger missed.
    func applyGazetteer(_ candidates: [EntityCandidate]) -> [EntityCandidate] {
        var result = candidates
        for index in result.indices {
            let c = result[index]
            guard let match = gazetteer.longestMatch(bytes, tokens, at: c.tokens.lowerBound, limit: c.tokens.upperBound),
                  match.tokens == c.tokens, !match.kinds.contains(.firstName),
                  let type = gazetteerType(match.kinds) else { continue }
            if type == .organization, match.kinds.contains(.platform), c.tokens.count == 1, tokens[c.tokens.lowerBound].range.count == 1 { continue }
            result[index].type = type
        }
        result = mergeFragments(result)
        var covered = coverage(result)
        var k = 0
        while k < tokens.count {
            guard profiles[k].phrase != 0, !covered[k], profiles[k].phrasePosition == 1 || profiles[k].phrasePosition == 3,
                  let match = gazetteer.longestMatch(bytes, tokens, at: k, limit: sentenceEnd(k)),
                  !match.tokens.contains(where: { covered[$0] }), let type = acceptedGazetteerType(match) else {
                k += 1
                continue
            }
            result.append(EntityCandidate(tokens: match.tokens, type: type, fromTagger: false))
            for j in match.tokens { covered[j] = true }
            k = match.tokens.upperBound
        }
        return result
    }

    /// Whether a gazetteer name the tagger left out is a mention here, and of which type.
    func acceptedGazetteerType(_ match: Gazetteer.Match) -> EntityType? {
        let start = match.tokens.lowerBound, end = match.tokens.upperBound
        let kinds = match.kinds
        let lowerHeadline = modes[start] == .lower
        guard isCapitalized(start) || (lowerHeadline && kinds.contains(.place)) else { return nil }
        let previous = start > 0 && tokens[start].gap <= .space && tokens[start - 1].kind == .word ? start - 1 : nil
        let next = end < tokens.count && tokens[end].gap <= .space && tokens[end].kind == .word ? end : nil
        // "X" is the platform only where the text says so: "on X", "an X post".
        if end - start == 1, tokens[start].range.count == 1, kinds.contains(.platform) {
            let onX = previous.map { isWord($0, "on") || isWord($0, "via") || isWord($0, "to") } ?? false
            let xPost = next.map { isWord($0, "post") || isWord($0, "posts") || isWord($0, "account") || isWord($0, "user") || isWord($0, "users") } ?? false
            let initial = end < tokens.count && tokens[end].gap == .none && bytes[tokens[end].range.lowerBound] == UInt8(ascii: ".")
            return (onX || xPost) && !initial ? .organization : nil
        }
        if kinds.contains(.group) { return .group }
        // A capitalized word right after or before makes a longer name the gazetteer does not know
        // ("Jordan Peterson", "Washington Post"): leave it to the tagger.
        func extendsName(_ j: Int?) -> Bool {
            guard let j, isCapitalized(j), !isSentenceStart(j) || j != start - 1 else { return false }
            let other = phrase(j).union(lexicon(j))
            return !other.contains(.place) && !other.contains(.role) && !other.contains(.group) && !other.contains(.roleModifier)
        }
        let ambiguous = kinds.contains(.firstName)
        if kinds.contains(.place) || kinds.contains(.city) {
            if extendsName(next) || (extendsName(previous) && previous.map { lexicon($0).contains(.firstName) } ?? false) { return nil }
            if let previous, lexicon(previous).contains(.firstName), isCapitalized(previous) { return nil }
            if ambiguous, next.map(isCapitalized) ?? false { return nil }
            if kinds.contains(.place) { return kinds.contains(.organization) && !kinds.contains(.place) ? .organization : .place }
            // A mere city name needs a preposition of place before it.
            guard let previous else { return nil }
            return isWord(previous, "in") || isWord(previous, "from") || isWord(previous, "near") || isWord(previous, "to")
                || isWord(previous, "at") || isWord(previous, "outside") ? .place : nil
        }
        if kinds.contains(.organization) || kinds.contains(.platform) {
            if extendsName(next) && !lexicon(next!).contains(.organizationSuffix) { return nil }
            if end - start == 1, isSentenceStart(start), profiles[start].commonLower { return nil }
            if ambiguous { return nil }
            return .organization
        }
        return nil
    }

    /// A gazetteer name of several tokens replaces tagger spans lying wholly inside it
    /// ("Mar" and "Lago" inside "Mar-a-Lago").
    func mergeFragments(_ candidates: [EntityCandidate]) -> [EntityCandidate] {
        var owner = [Int](repeating: -1, count: tokens.count)
        for (index, c) in candidates.enumerated() { for k in c.tokens { owner[k] = index } }
        var removed = Set<Int>()
        var added: [EntityCandidate] = []
        var k = 0
        while k < tokens.count {
            guard profiles[k].phrasePosition == 1, isCapitalized(k),
                  let match = gazetteer.longestMatch(bytes, tokens, at: k, limit: sentenceEnd(k)), match.tokens.count > 1,
                  match.tokens.contains(where: { owner[$0] >= 0 }), let type = gazetteerType(match.kinds) else {
                k += 1
                continue
            }
            let inside = Set(match.tokens.compactMap { owner[$0] >= 0 ? owner[$0] : nil })
            if !inside.isEmpty, inside.allSatisfy({ match.tokens.contains(candidates[$0].tokens.lowerBound) && candidates[$0].tokens.upperBound <= match.tokens.upperBound }),
               !inside.contains(where: { candidates[$0].tokens == match.tokens }) {
                removed.formUnion(inside)
                added.append(EntityCandidate(tokens: match.tokens, type: type, fromTagger: false))
            }
            k = match.tokens.upperBound
        }
        guard !added.isEmpty else { return candidates }
        return candidates.enumerated().filter { !removed.contains($0.offset) }.map(\.element) + added
    }
}

import CrossreadCore

extension EntityRules {
    /// Names the text gives a type somewhere, by folded hash: every mention without a hyphen,
    /// and the surname of every person named in full.
    func knownNames(_ candidates: [EntityCandidate]) -> [UInt64: EntityType] {
        var votes: [UInt64: [EntityType: Int]] = [:]
        for c in candidates where !c.tokens.contains(where: { tokens[$0].kind == .hyphen }) {
            votes[nameHash(c.tokens, folded: true), default: [:]][c.type, default: 0] += c.fromTagger ? 1 : 2
            if c.type == .person, c.tokens.count > 1, isWord(c.tokens.upperBound - 1) {
                let last = c.tokens.upperBound - 1
                votes[nameHash(last..<(last + 1), folded: true), default: [:]][.person, default: 0] += 2
            }
        }
        return votes.mapValues { counts in counts.max { a, b in a.value < b.value || (a.value == b.value && a.key.rawValue > b.key.rawValue) }!.key }
    }

    /// Splits "Netanyahu-Trump" and "U.S.-Israel" into their names when each part is known as a
    /// name (in this text or the gazetteer), whether the tagger joined them or missed them.
    func splitHyphenatedPairs(_ candidates: [EntityCandidate]) -> [EntityCandidate] {
        let known = knownNames(candidates)
        func typeOf(_ part: Range<Int>) -> EntityType? {
            guard !part.isEmpty, isCapitalized(part.lowerBound) else { return nil }
            if let type = known[nameHash(part, folded: true)] { return type }
            if let match = gazetteer.longestMatch(bytes, tokens, at: part.lowerBound, limit: part.upperBound),
               match.tokens == part, !match.kinds.contains(.firstName) {
                return gazetteerType(match.kinds)
            }
            return nil
        }
        func parts(_ range: Range<Int>) -> [Range<Int>] {
            var result: [Range<Int>] = []
            var start = range.lowerBound
            for k in range where tokens[k].kind == .hyphen {
                result.append(start..<k)
                start = k + 1
            }
            result.append(start..<range.upperBound)
            return result
        }
        func split(_ range: Range<Int>) -> [EntityCandidate]? {
            let pieces = parts(range)
            guard pieces.count >= 2 else { return nil }
            var result: [EntityCandidate] = []
            for piece in pieces {
                guard let type = typeOf(piece) else { return nil }
                result.append(EntityCandidate(tokens: piece, type: type, fromTagger: false))
            }
            return result
        }
        var result: [EntityCandidate] = []
        for c in candidates {
            if c.tokens.contains(where: { tokens[$0].kind == .hyphen }), let pieces = split(c.tokens) {
                result += pieces
            } else {
                result.append(c)
            }
        }
        // Pairs the tagger left out entirely: capitalized words joined by hyphens.
        var covered = coverage(result)
        var k = 0
        while k < tokens.count {
            guard !covered[k], isCapitalized(k), k + 2 < tokens.count, tokens[k + 1].kind == .hyphen, tokens[k + 1].gap == .none else {
                k += 1
                continue
            }
            var end = k + 1
            while end + 1 < tokens.count, tokens[end].kind == .hyphen, tokens[end].gap == .none, tokens[end + 1].gap == .none,
                  isCapitalized(end + 1), !covered[end + 1] {
                end += 2
            }
            if end - k >= 3, let pieces = split(k..<end) {
                result += pieces
                for j in k..<end { covered[j] = true }
            }
            k = max(end, k + 1)
        }
        return result
    }

    /// One type per name in a text (majority, gazetteer names weigh double); a surname alone takes
    /// its full name's type; names the tagger missed elsewhere (headlines, lower case) are added.
    func makeConsistent(_ candidates: [EntityCandidate]) -> [EntityCandidate] {
        let known = knownNames(candidates)
        var result = candidates
        for index in result.indices {
            guard let type = known[nameHash(result[index].tokens, folded: true)], type != result[index].type else { continue }
            if result[index].fromTagger || type == .person { result[index].type = type }
        }
        // Add missed occurrences of known names (up to four tokens, longest first).
        var longest = 1
        for c in result { longest = max(longest, min(c.tokens.count, 4)) }
        var covered = coverage(result)
        var k = 0
        while k < tokens.count {
            let lowerSentence = modes[k] == .lower
            guard !covered[k], tokens[k].kind == .word, isCapitalized(k) || lowerSentence else {
                k += 1
                continue
            }
            var found: (Range<Int>, EntityType)?
            var length = min(longest, sentenceEnd(k) - k)
            while length >= 1 {
                let range = k..<(k + length)
                if !range.contains(where: { covered[$0] }), isWord(range.upperBound - 1),
                   let type = known[nameHash(range, folded: true)], length > 1 || tokens[k].range.count > 1 {
                    let atStart = isSentenceStart(k) && profiles[k].commonLower && length == 1
                    // "Trump Tower", "Washington Post": part of a longer name.
                    let end = range.upperBound
                    if end < tokens.count, tokens[end].gap == .space, isWord(end), isCapitalized(end),
                       !lexicon(end).intersection([.placeSuffix, .organizationSuffix, .workSuffix]).isEmpty {
                        length -= 1
                        continue
                    }
                    if !atStart, lowerSentence || range.allSatisfy({ isCapitalized($0) || !isWord($0) || tokens[$0].range.count <= 3 }) {
                        found = (range, type)
                        break
                    }
                }
                length -= 1
            }
            if let (range, type) = found {
                result.append(EntityCandidate(tokens: range, type: type, fromTagger: false))
                for j in range { covered[j] = true }
                k = range.upperBound
            } else {
                k += 1
            }
        }
        return result
    }
}

import CrossreadCore

extension EntityRules {
    /// Words that name a shop or restaurant after a possessive ("Ray's Pizza", "Noonan's Liquor").
    static let businessWords: [StaticString] = [
        "pizza", "pizzeria", "grill", "deli", "diner", "cafe", "café", "bar", "pub", "tavern", "bakery",
        "kitchen", "restaurant", "steakhouse", "market", "liquor", "liquors", "store", "shop", "salon",
        "garage", "karate", "auto", "motors", "bagels", "burgers", "barbecue", "bbq",
    ]

    /// Business names written with a possessive keep it: "at Del Frisco's.", "Wendy's?" and the
    /// possessive written without its apostrophe ("McDonald s", common in scraped text) name a
    /// shop or restaurant, an organization, where "Netanyahu's call" is a person's possessive.
    /// - A name followed by a lone "s", and not by a lower-case noun it would own, takes it in (a
    ///   person's name becomes an organization); so does a capitalized word the tagger left out,
    ///   uncommon in lower case.
    /// - An organization or place followed by "'s" and then the end of the sentence, , . ! ? ; : or
    ///   a word that follows shops' names ("for", "are") takes it in.
    /// - Any name followed by "'s" and a business word ("Ray's Pizza") is one organization.
    func keepBusinessPossessives(_ candidates: [EntityCandidate]) -> [EntityCandidate] {
        var result = candidates
        var covered = coverage(candidates)
        for index in result.indices {
            let end = result[index].tokens.upperBound
            guard end < tokens.count, sentenceOf[end] == sentenceOf[end - 1], !covered[end] else { continue }
            if isLoneS(end), !possessedNounFollows(end + 1, sentence: sentenceOf[end]) {
                result[index].tokens = result[index].tokens.lowerBound..<(end + 1)
                if result[index].type == .person { result[index].type = .organization }
                covered[end] = true
            } else if tokens[end].kind == .possessive {
                let next = end + 1
                if next < tokens.count, sentenceOf[next] == sentenceOf[end], !covered[next], isBusinessWord(next) {
                    result[index].tokens = result[index].tokens.lowerBound..<(next + 1)
                    result[index].type = .organization
                    covered[end] = true
                    covered[next] = true
                } else if result[index].type != .person,
                          endsClause(next, sentence: sentenceOf[end]) || followsShopName(next, sentence: sentenceOf[end]) {
                    result[index].tokens = result[index].tokens.lowerBound..<(end + 1)
                    covered[end] = true
                }
            }
        }
        // Names the tagger missed: "McDonal s", "Fudrucker s".
        var k = 0
        while k + 1 < tokens.count {
            defer { k += 1 }
            guard !covered[k], !covered[k + 1], isWord(k), isCapitalized(k), !profiles[k].commonLower,
                  tokens[k].range.count >= 3, sentenceOf[k] == sentenceOf[k + 1], isLoneS(k + 1),
                  !possessedNounFollows(k + 2, sentence: sentenceOf[k]) else { continue }
            result.append(EntityCandidate(tokens: k..<(k + 2), type: .organization, fromTagger: false))
            covered[k] = true
            covered[k + 1] = true
        }
        return result
    }

    /// A lone lower-case "s" after a space: a possessive that lost its apostrophe.
    private func isLoneS(_ k: Int) -> Bool {
        isWord(k) && isByte(k, UInt8(ascii: "s")) && tokens[k].gap != .none
    }

    /// Words that follow a shop's name and not a possessive ("at Del Frisco's for dinner", "Max's
    /// are great"); "'s" before "a" or "is" may be a contraction ("Limerick's a great city").
    static let wordsAfterShopName: [StaticString] = [
        "in", "at", "for", "on", "near", "by", "from", "with", "to", "are", "has", "have", "had", "does",
        "did", "again", "too", "instead", "tonight", "today", "tomorrow", "lol",
    ]

    /// More words that may follow a name and its lone "s" ("Hancock s is one", "LW s and I").
    static let wordsAfterLoneS: [StaticString] = ["and", "or", "but", "so", "is", "was", "the", "a", "an", "this", "last"]

    /// Token `k` is a lower-case word of sentence `sentence`.
    private func isLowerWord(_ k: Int, sentence: Int32) -> Bool {
        k < tokens.count && sentenceOf[k] == sentence && isWord(k) && profiles[k].casing == .lower
    }

    /// The lower-case word `k` is one a shop's name may be followed by.
    private func isWordAfterShopName(_ k: Int, loneS: Bool) -> Bool {
        EntityRules.wordsAfterShopName.contains { isWord(k, $0) } || loneS && EntityRules.wordsAfterLoneS.contains { isWord(k, $0) }
    }

    /// Token `k` is a lower-case word that a shop's name may be followed by.
    private func followsShopName(_ k: Int, sentence: Int32) -> Bool {
        isLowerWord(k, sentence: sentence) && isWordAfterShopName(k, loneS: false)
    }

    /// Token `k` is a lower-case word the name before a lone "s" would own ("the Gov s office").
    private func possessedNounFollows(_ k: Int, sentence: Int32) -> Bool {
        isLowerWord(k, sentence: sentence) && !isWordAfterShopName(k, loneS: true)
    }

    private func isBusinessWord(_ k: Int) -> Bool {
        isWord(k) && isCapitalized(k) && EntityRules.businessWords.contains { isWord(k, $0) }
    }

    /// Token `k` ends the clause: past the sentence, or one of , . ! ? ; :
    private func endsClause(_ k: Int, sentence: Int32) -> Bool {
        guard k < tokens.count, sentenceOf[k] == sentence else { return true }
        guard tokens[k].kind == .punctuation, tokens[k].range.count == 1 else { return false }
        switch bytes[tokens[k].range.lowerBound] {
        case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: ":"): return true
        default: return false
        }
    }
}

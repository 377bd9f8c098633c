import CrossreadCore

extension EntityRules {
    /// Two-letter postal codes of the US states, the District of Columbia and Puerto Rico.
    static let stateCodes: Set<UInt16> = Set([
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
        "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR",
    ].map(EntityRules.pairKey))

    /// Codes that are also English words or common abbreviations ("IN", "OK", "MD"): places only in an address.
    static let ambiguousStateCodes: Set<UInt16> = Set([
        "AL", "AR", "AS", "CO", "DE", "GA", "HI", "ID", "IN", "LA", "MA", "MD", "ME", "MS", "MT", "ND", "NE",
        "OH", "OK", "OR", "PA", "PR", "SC", "UT",
    ].map(EntityRules.pairKey))

    static func pairKey(_ code: String) -> UInt16 {
        let bytes = Array(code.utf8)
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    }

    /// US state codes the tagger left out are places: in an address ("Bellevue, WA 98004",
    /// "Chicago, IL"), and, for codes that are no English word, before a lower-case noun
    /// ("my TX driver's licence", "the NY trip").
    func stateCodes(_ candidates: [EntityCandidate]) -> [EntityCandidate] {
        var result = candidates
        let covered = coverage(candidates)
        for k in tokens.indices where !covered[k] && isWord(k) && tokens[k].range.count == 2 {
            let r = tokens[k].range
            let a = bytes[r.lowerBound], b = bytes[r.lowerBound + 1]
            guard a >= 65, a <= 90, b >= 65, b <= 90, modes[k] != .upper else { continue }
            let key = UInt16(a) << 8 | UInt16(b)
            guard EntityRules.stateCodes.contains(key) else { continue }
            let sentence = sentenceOf[k]
            let next = k + 1 < tokens.count && sentenceOf[k + 1] == sentence ? k + 1 : nil
            let zipFollows = next.map { tokens[$0].kind == .number && tokens[$0].range.count == 5 } ?? false
            let endsHere = next.map { tokens[$0].kind == .punctuation } ?? true
            var afterPlace = false
            if k >= 2, sentenceOf[k - 2] == sentence, isByte(k - 1, UInt8(ascii: ",")), isWord(k - 2), isCapitalized(k - 2) {
                afterPlace = true
            } else if k >= 1, sentenceOf[k - 1] == sentence, isWord(k - 1), isCapitalized(k - 1), zipFollows {
                afterPlace = true
            }
            let address = afterPlace && (zipFollows || endsHere)
            let beforeNoun = modes[k] == .normal && !EntityRules.ambiguousStateCodes.contains(key)
                && (next.map { isWord($0) && profiles[$0].casing == .lower } ?? false)
            if address || beforeNoun {
                result.append(EntityCandidate(tokens: k..<(k + 1), type: .place, fromTagger: false))
            }
        }
        return result
    }
}

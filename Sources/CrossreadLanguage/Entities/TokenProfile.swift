/// What the entity tagger knows about one token before looking at its neighbours: hashes of its
/// lower-cased form, shape and affixes, its casing, and its gazetteer memberships.
struct TokenProfile {
    var lower: UInt64 = 0
    var shape: UInt64 = 0
    var prefix1: UInt64 = 0, prefix2: UInt64 = 0, prefix3: UInt64 = 0
    var suffix1: UInt64 = 0, suffix2: UInt64 = 0, suffix3: UInt64 = 0, suffix4: UInt64 = 0
    var casing: Casing = .other
    /// Single-word list kinds (titles, first names, suffix words), as `Gazetteer.Kinds` bits.
    var lexicon: UInt16 = 0
    /// Kinds of the gazetteer phrase covering this token (places, groups, organizations).
    var phrase: UInt16 = 0
    /// 0 outside a phrase, 1 first token, 2 later token, 3 a one-token phrase.
    var phrasePosition: UInt8 = 0
    /// The lower-cased word is common as a lower-case word in the training text.
    var commonLower = false
    /// Position in a run of capitalized words: 0 none, 1 alone, 2 first, 3 middle, 4 last.
    var run: UInt8 = 0
    /// Brown cluster path (least significant bit first), 0 when unknown.
    var cluster: UInt32 = 0
    /// Brown cluster of the title-case form of the word.
    var titleCluster: UInt32 = 0
    /// Frequency and capitalization buckets of the lower-cased word (`WordClusters.casingStats`).
    var casingStats: UInt8 = 0
    /// Hash of the word as written (case kept).
    var exact: UInt64 = 0
    /// Place in phrases of the tagger's name lexicon, two bits per kind (`TaggerLexicon.positions`).
    var names: UInt16 = 0
    /// MiniLM embedding classes of the lower-cased word, one per partition (`EmbeddingClasses`), 0 when unknown.
    var embedding = SIMD4<UInt16>(repeating: 0)

    enum Casing: UInt8 { case lower, capitalized, upper, mixed, digit, other }

    static let phraseKinds: Gazetteer.Kinds = [.place, .city, .group, .organization, .platform]
    static let lexiconKinds: Gazetteer.Kinds = [.role, .roleModifier, .firstName, .nickname, .organizationSuffix, .placeSuffix, .workSuffix]

    /// Profiles of all tokens of a text.
    static func profiles(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], gazetteer: Gazetteer,
                         commonLower: HashIndex, clusters: WordClusters, lexicon: TaggerLexicon,
                         embeddings: EmbeddingClasses = .standard) -> [TokenProfile] {
        var result = [TokenProfile](repeating: TokenProfile(), count: tokens.count)
        let names = lexicon.positions(bytes, tokens)
        var k = 0
        var phraseEnd = 0
        while k < tokens.count {
            let token = tokens[k]
            let r = token.range
            var p = TokenProfile()
            p.lower = ByteHash.hash(bytes, r)
            p.shape = shapeHash(bytes, r)
            let n = r.count
            p.prefix1 = ByteHash.hash(bytes, r.lowerBound..<(r.lowerBound + min(1, n)))
            p.prefix2 = ByteHash.hash(bytes, r.lowerBound..<(r.lowerBound + min(2, n)))
            p.prefix3 = ByteHash.hash(bytes, r.lowerBound..<(r.lowerBound + min(3, n)))
            p.suffix1 = ByteHash.hash(bytes, (r.upperBound - min(1, n))..<r.upperBound)
            p.suffix2 = ByteHash.hash(bytes, (r.upperBound - min(2, n))..<r.upperBound)
            p.suffix3 = ByteHash.hash(bytes, (r.upperBound - min(3, n))..<r.upperBound)
            p.suffix4 = ByteHash.hash(bytes, (r.upperBound - min(4, n))..<r.upperBound)
            p.casing = casing(bytes, token)
            p.exact = ByteHash.hash(bytes, r, lowercased: false)
            if token.kind == .word {
                p.cluster = clusters.cluster(bytes, r, lowerHash: p.lower)
                p.titleCluster = clusters.titleCaseCluster(bytes, r)
                p.casingStats = clusters.casingStats(lowerHash: p.lower)
                p.embedding = embeddings.classes(lowerHash: p.lower)
            }
            p.commonLower = commonLower.contains(p.lower)
            if token.kind == .word || token.kind == .number {
                let single = gazetteer.kinds(bytes, r)
                p.lexicon = single.intersection(lexiconKinds).rawValue
                if k >= phraseEnd, let match = gazetteer.longestMatch(bytes, tokens, at: k, limit: tokens.count) {
                    let kinds = match.kinds.intersection(phraseKinds).rawValue
                    if kinds != 0 {
                        phraseEnd = match.tokens.upperBound
                        for j in match.tokens {
                            result[j].phrase = kinds
                            result[j].phrasePosition = match.tokens.count == 1 ? 3 : (j == k ? 1 : 2)
                        }
                    }
                }
            }
            p.phrase = result[k].phrase
            p.names = names[k]
            p.phrasePosition = result[k].phrasePosition
            result[k] = p
            k += 1
        }
        // Runs of capitalized words, joined by hyphens and linked with nothing else.
        var start = 0
        while start < tokens.count {
            guard isCapital(result[start].casing) else { start += 1; continue }
            var end = start + 1
            while end < tokens.count, tokens[end].gap <= .space {
                if isCapital(result[end].casing) { end += 1; continue }
                if tokens[end].kind == .hyphen, end + 1 < tokens.count, isCapital(result[end + 1].casing) { end += 2; continue }
                break
            }
            if end - start == 1 {
                result[start].run = 1
            } else {
                result[start].run = 2
                for j in (start + 1)..<(end - 1) { result[j].run = 3 }
                result[end - 1].run = 4
            }
            start = end
        }
        return result
    }

    @inline(__always)
    static func isCapital(_ casing: Casing) -> Bool { casing == .capitalized || casing == .upper }

    /// Casing of a token from its bytes (Latin-1 capitals count as capitals).
    static func casing(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Casing {
        let r = token.range
        let first = bytes[r.lowerBound]
        if first.isASCIIDigit { return .digit }
        var upper = 0, lower = 0
        var i = r.lowerBound
        while i < r.upperBound {
            let b = bytes[i]
            if b.isASCIIUpper { upper += 1 }
            else if b.isASCIILower { lower += 1 }
            else if b == 0xC3, i + 1 < r.upperBound {
                let c = bytes[i + 1]
                if c >= 0x80 && c <= 0x9E && c != 0x97 { upper += 1 } else if c >= 0x9F { lower += 1 }
                i += 1
            } else if b >= 0xC4, b < 0xE0, i + 1 < r.upperBound {
                lower += 1  // other Latin letters: case not worth decoding here
                i += 1
            }
            i += 1
        }
        if upper == 0 { return lower > 0 ? .lower : .other }
        let firstIsUpper = first.isASCIIUpper || (first == 0xC3 && r.count > 1 && bytes[r.lowerBound + 1] <= 0x9E)
        if lower == 0 { return upper >= 2 ? .upper : (firstIsUpper ? .capitalized : .other) }
        if firstIsUpper { return upper == 1 || token.kind != .word ? .capitalized : .mixed }
        return .mixed
    }

    /// Hash of a token's shape: capitals "X", lower case "x", digits "d", other bytes as they are,
    /// repeated classes collapsed ("Netanyahu" -> "Xx", "U.S." -> "X.X.", "40,000" -> "d,d").
    static func shapeHash(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt64 {
        var h = ByteHash.seed
        var previous: UInt8 = 0
        var i = r.lowerBound
        var length = 0
        while i < r.upperBound {
            let b = bytes[i]
            var c: UInt8
            if b.isASCIIUpper { c = UInt8(ascii: "X") }
            else if b.isASCIILower { c = UInt8(ascii: "x") }
            else if b.isASCIIDigit { c = UInt8(ascii: "d") }
            else if b < 0x80 { c = b }
            else if b & 0xC0 == 0x80 { i += 1; continue }
            else if b == 0xC3, i + 1 < r.upperBound, bytes[i + 1] <= 0x9E { c = UInt8(ascii: "X") }
            else if b == 0xE2 { c = UInt8(ascii: "'") }  // curly quotes and dashes
            else { c = UInt8(ascii: "x") }
            length += 1
            if c != previous { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
            previous = c
            i += 1
        }
        // Distinguish short words from long ones of the same shape.
        let bucket: UInt64 = length <= 1 ? 1 : length <= 3 ? 2 : length <= 6 ? 3 : 4
        return (h ^ bucket) &* 0x100_0000_01b3
    }
}

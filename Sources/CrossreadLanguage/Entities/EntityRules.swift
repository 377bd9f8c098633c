import CrossreadCore

/// The rules that run after the tagger, over one text: titles split off person names, possessive
/// endings dropped. (More passes follow in later files: groups, gazetteer places, hyphens, headlines.)
struct EntityRules {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let sentences: [Range<Int>]
    let profiles: [TokenProfile]
    let gazetteer: Gazetteer

    mutating func apply(to candidates: [EntityCandidate]) -> [EntityCandidate] {
        var result: [EntityCandidate] = []
        for var candidate in candidates {
            trimEnds(&candidate)
            guard !candidate.tokens.isEmpty else { continue }
            if candidate.type == .person { splitLeadingTitle(&candidate) }
            guard !candidate.tokens.isEmpty else { continue }
            result.append(candidate)
        }
        return result
    }

    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let bytesRange = tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[bytesRange]), as: UTF8.self)
    }

    func lexicon(_ k: Int) -> Gazetteer.Kinds { Gazetteer.Kinds(rawValue: profiles[k].lexicon) }

    /// Drops possessive endings, punctuation, quotes and hyphens at either end of a span.
    func trimEnds(_ candidate: inout EntityCandidate) {
        var r = candidate.tokens
        while !r.isEmpty, isTrimmable(tokens[r.upperBound - 1]) { r = r.lowerBound..<(r.upperBound - 1) }
        while !r.isEmpty, isTrimmable(tokens[r.lowerBound]) { r = (r.lowerBound + 1)..<r.upperBound }
        candidate.tokens = r
    }

    func isTrimmable(_ token: Token) -> Bool {
        switch token.kind {
        case .possessive, .quote, .hyphen, .dash, .symbol: return true
        case .punctuation:
            let b = bytes[token.range.lowerBound]
            return b != UInt8(ascii: ".") || token.range.count > 1 || true
        default: return false
        }
    }

    /// "President-elect Donald Trump" -> "Donald Trump" with the role "President-elect".
    func splitLeadingTitle(_ candidate: inout EntityCandidate) {
        var k = candidate.tokens.lowerBound
        let end = candidate.tokens.upperBound
        var sawHead = false
        while k < end - 1 {
            let kinds = lexicon(k)
            if kinds.contains(.role) { sawHead = true; k += 1; continue }
            if kinds.contains(.roleModifier) || (tokens[k].kind == .hyphen && sawHead) { k += 1; continue }
            if sawHead, k + 1 < end, tokens[k].kind == .hyphen { k += 1; continue }
            break
        }
        guard sawHead, k > candidate.tokens.lowerBound else { return }
        let role = text(candidate.tokens.lowerBound..<k)
        candidate.tokens = k..<end
        candidate.role = role
    }
}

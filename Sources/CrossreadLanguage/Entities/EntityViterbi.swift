/// First-order Viterbi decoding over the tagger's BIO tags: a score per token and tag, plus a score
/// per token, previous tag and tag; an inside tag only continues its own type.
struct EntityViterbi {
    /// Index of the "sentence start" previous tag in the transition table.
    static let start = EntityTag.count

    /// `allowed[p]`: 0 where a tag may follow previous tag `p`, -infinity where it may not
    /// (`p == start` is the start of the sentence).
    static let allowed: [SIMD8<Float>] = (0...EntityTag.count).map { p in
        var mask = SIMD8<Float>(repeating: -.infinity)
        let previous = p == start ? EntityTag.outside : EntityTag(rawValue: p)!
        for tag in EntityTag.allCases where tag.canFollow(previous) { mask[tag.rawValue] = 0 }
        return mask
    }

    /// Best tag sequence of `count` tokens. `emissions[k]` holds the scores of token k's tags;
    /// `transitions[k * 8 + p]` the scores of its tags after previous tag `p` (`start` for k = 0).
    static func decode(count: Int, emissions: UnsafeBufferPointer<SIMD8<Float>>,
                       transitions: UnsafeBufferPointer<SIMD8<Float>>, back: inout [UInt8], into tags: inout [EntityTag]) {
        guard count > 0 else { return }
        if back.count < count * 8 { back = [UInt8](repeating: 0, count: count * 8) }
        var score = emissions[0] + transitions[start] + allowed[start]
        for k in 1..<count {
            var best = SIMD8<Float>(repeating: -.infinity)
            var from = SIMD8<Int32>(repeating: 0)
            for p in 0..<EntityTag.count where score[p] > -.infinity {
                let candidate = transitions[k &* 8 &+ p] + allowed[p] + SIMD8<Float>(repeating: score[p])
                let better = candidate .> best
                best.replace(with: candidate, where: better)
                from.replace(with: Int32(p), where: better)
            }
            score = best + emissions[k]
            for tag in 0..<EntityTag.count { back[k &* 8 &+ tag] = UInt8(truncatingIfNeeded: from[tag]) }
        }
        var last = 0
        for tag in 1..<EntityTag.count where score[tag] > score[last] { last = tag }
        var k = count - 1
        while true {
            tags[k] = EntityTag(rawValue: last)!
            if k == 0 { break }
            last = Int(back[k &* 8 &+ last])
            k -= 1
        }
    }
}

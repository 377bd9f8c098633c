/// Greedy left-to-right BIO tagger over tokens (averaged-perceptron weights): labels each token
/// outside, or beginning or inside a person, organization or place name.
struct EntityTagger: Sendable {
    let model: TaggerModel
    let gazetteer: Gazetteer

    /// Tags for every token; `sentences` are token index ranges covering the tokens.
    func tag(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], sentences: [Range<Int>],
             profiles: [TokenProfile]) -> [EntityTag] {
        var tags = [EntityTag](repeating: .outside, count: tokens.count)
        var rows: [Int] = []
        rows.reserveCapacity(64)
        let features = model.features
        model.weights.withUnsafeBufferPointer { weights in
            let base = UnsafeRawPointer(weights.baseAddress!)
            profiles.withUnsafeBufferPointer { p in
                for sentence in sentences where !sentence.isEmpty {
                    let mode = EntityFeatures.sentenceCase(profiles, tokens, sentence)
                    var previous = EntityTag.count, previous2 = EntityTag.count
                    var previousTag = EntityTag.outside
                    for k in sentence {
                        rows.removeAll(keepingCapacity: true)
                        features.staticRows(p, tokens, sentence, k, mode, into: &rows)
                        features.dynamicRows(p[k], mode, previous: previous, previous2: previous2, into: &rows)
                        var sum = SIMD8<Int32>(repeating: 0)
                        for row in rows {
                            let v = base.loadUnaligned(fromByteOffset: row &* (EntityTag.stride * 2), as: SIMD8<Int16>.self)
                            sum &+= SIMD8<Int32>(truncatingIfNeeded: v)
                        }
                        var best = EntityTag.outside
                        var bestScore = Int32.min
                        for tag in EntityTag.allCases where tag.canFollow(previousTag) {
                            let score = sum[tag.rawValue]
                            if score > bestScore { bestScore = score; best = tag }
                        }
                        tags[k] = best
                        previous2 = previous
                        previous = best.rawValue
                        previousTag = best
                    }
                }
            }
        }
        return tags
    }
}

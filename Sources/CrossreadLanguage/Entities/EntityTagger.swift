/// BIO tagger over tokens (averaged structured-perceptron weights, first-order Viterbi per
/// sentence): labels each token outside, or beginning or inside a person, organization or place name.
struct EntityTagger: Sendable {
    let model: TaggerModel
    let gazetteer: Gazetteer

    /// Tags for every token; `sentences` are token index ranges covering the tokens.
    func tag(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], sentences: [Range<Int>],
             profiles: [TokenProfile]) -> [EntityTag] {
        var tags = [EntityTag](repeating: .outside, count: tokens.count)
        var rows: [Int] = []
        rows.reserveCapacity(96)
        var emissions: [SIMD8<Float>] = []
        var transitions: [SIMD8<Float>] = []
        var back: [UInt8] = []
        var sentenceTags: [EntityTag] = []
        let features = model.features
        model.weights.withUnsafeBufferPointer { weights in
            let base = UnsafeRawPointer(weights.baseAddress!)
            @inline(__always) func sum(_ rows: [Int]) -> SIMD8<Float> {
                var total = SIMD8<Int32>(repeating: 0)
                for row in rows {
                    let v = base.loadUnaligned(fromByteOffset: row &* (EntityTag.stride * 2), as: SIMD8<Int16>.self)
                    total &+= SIMD8<Int32>(truncatingIfNeeded: v)
                }
                return SIMD8<Float>(total)
            }
            profiles.withUnsafeBufferPointer { p in
                for sentence in sentences where !sentence.isEmpty && !EntityTagger.isMostlyOtherScript(bytes, tokens, sentence) {
                    let mode = EntityFeatures.sentenceCase(profiles, tokens, sentence)
                    let n = sentence.count
                    emissions.removeAll(keepingCapacity: true)
                    transitions.removeAll(keepingCapacity: true)
                    for k in sentence {
                        rows.removeAll(keepingCapacity: true)
                        features.staticRows(p, tokens, sentence, k, mode, into: &rows)
                        emissions.append(sum(rows))
                        rows.removeAll(keepingCapacity: true)
                        features.transitionBases(p[k], mode, into: &rows)
                        for previous in 0...EntityTag.count {
                            var total = SIMD8<Int32>(repeating: 0)
                            for row in rows {
                                let v = base.loadUnaligned(fromByteOffset: features.transitionRow(row, previous) &* (EntityTag.stride * 2), as: SIMD8<Int16>.self)
                                total &+= SIMD8<Int32>(truncatingIfNeeded: v)
                            }
                            transitions.append(SIMD8<Float>(total))
                        }
                    }
                    if sentenceTags.count < n { sentenceTags = [EntityTag](repeating: .outside, count: n) }
                    emissions.withUnsafeBufferPointer { e in
                        transitions.withUnsafeBufferPointer { t in
                            EntityViterbi.decode(count: n, emissions: e, transitions: t, back: &back, into: &sentenceTags)
                        }
                    }
                    for i in 0..<n { tags[sentence.lowerBound + i] = sentenceTags[i] }
                }
            }
        }
        return tags
    }

    /// Most words of the sentence begin with a letter of another script than Latin (Cyrillic,
    /// Greek, Arabic, CJK...): the English model has nothing to say there, and its capital-letter
    /// features cannot see those scripts' case.
    static func isMostlyOtherScript(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ sentence: Range<Int>) -> Bool {
        var words = 0, other = 0
        for k in sentence where tokens[k].kind == .word {
            words += 1
            if bytes[tokens[k].range.lowerBound] >= 0xCD { other += 1 }
        }
        return other * 2 > words
    }
}

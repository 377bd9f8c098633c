import CrossreadCore

/// Scores person, organization and place mentions against gold IOB2 tags by exact span and type
/// (the UNER convention: PER, ORG, LOC; groups, amounts and percentages are not scored).
public struct EntityEvaluation: Sendable {
    /// Counts and the measures computed from them.
    public struct Score: Sendable {
        public var truePositives = 0, predicted = 0, gold = 0
        public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// One scored sentence: its text and the spans as "start end LABEL" (byte offsets).
    public struct SentenceResult: Sendable {
        public var text: String
        public var gold: Set<String>
        public var predicted: Set<String>
    }

    public var overall = Score()
    public var byLabel: [String: Score] = ["PER": Score(), "ORG": Score(), "LOC": Score()]
    public var words = 0

    public static let labels: [EntityType: String] = [.person: "PER", .organization: "ORG", .place: "LOC"]

    /// Runs the recognizer over each sentence (its words joined by spaces, the words as tokens,
    /// the whole sentence as one sentence) and scores it; `each` sees every sentence's result.
    public static func run(_ sentences: [EntityTaggerTrainer.LabeledSentence], recognizer: EntityRecognizer,
                           each: (SentenceResult) -> Void = { _ in }) -> EntityEvaluation {
        var evaluation = EntityEvaluation()
        let tokenizer = Tokenizer()
        for sentence in sentences {
            let (text, tokens) = tokenizer.join(words: sentence.words)
            evaluation.words += sentence.words.count
            let mentions = recognizer.recognize(text, tokens: tokens, sentences: tokens.isEmpty ? [] : [0..<tokens.count])
            let gold = goldSpans(sentence.tags, tokens: tokens)
            let predicted = Set(mentions.compactMap { m in labels[m.type].map { "\(m.range.lowerBound) \(m.range.upperBound) \($0)" } })
            for label in ["PER", "ORG", "LOC"] {
                let g = gold.filter { $0.hasSuffix(label) }, p = predicted.filter { $0.hasSuffix(label) }
                evaluation.byLabel[label]!.gold += g.count
                evaluation.byLabel[label]!.predicted += p.count
                evaluation.byLabel[label]!.truePositives += g.intersection(p).count
            }
            evaluation.overall.gold += gold.count
            evaluation.overall.predicted += predicted.count
            evaluation.overall.truePositives += gold.intersection(predicted).count
            each(SentenceResult(text: text, gold: gold, predicted: predicted))
        }
        return evaluation
    }

    /// Gold spans of IOB2 tags (an I tag after another type or after O starts a span).
    static func goldSpans(_ tags: [String], tokens: [Token]) -> Set<String> {
        var spans = Set<String>()
        var start = -1, type = ""
        for (k, tag) in (tags + ["O"]).enumerated() {
            let parts = tag.split(separator: "-", maxSplits: 1).map(String.init)
            let label = parts.count == 2 && ["PER", "ORG", "LOC"].contains(parts[1]) ? parts[1] : ""
            if label.isEmpty || parts[0] == "B" || label != type {
                if start >= 0 { spans.insert("\(tokens[start].range.lowerBound) \(tokens[k - 1].range.upperBound) \(type)") }
                start = label.isEmpty ? -1 : k
                type = label
            }
        }
        return spans
    }
}

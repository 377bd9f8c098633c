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

    /// Runs the recognizer over each sentence (its words joined by spaces, the words as tokens) and
    /// scores it; with `byDocument`, the sentences of one document are analyzed together, as
    /// Crossread reads an article. `each` sees every sentence's result (offsets into its text).
    public static func run(_ sentences: [EntityTaggerTrainer.LabeledSentence], recognizer: EntityRecognizer,
                           byDocument: Bool = false, each: (SentenceResult) -> Void = { _ in }) -> EntityEvaluation {
        var evaluation = EntityEvaluation()
        let tokenizer = Tokenizer()
        // Batches of sentences analyzed together: one document (its sentences joined by line
        // breaks, so names seen in one sentence inform the others) or one sentence.
        var batches: [[EntityTaggerTrainer.LabeledSentence]] = []
        for sentence in sentences {
            if byDocument, let last = batches.last?.last, last.document != nil, last.document == sentence.document {
                batches[batches.count - 1].append(sentence)
            } else {
                batches.append([sentence])
            }
        }
        for batch in batches {
            var text = ""
            var tokens: [Token] = []
            var ranges: [Range<Int>] = []
            var offsets: [Int] = []
            for sentence in batch {
                let (piece, pieceTokens) = tokenizer.join(words: sentence.words)
                let offset = text.isEmpty ? 0 : text.utf8.count + 1
                if !text.isEmpty { text += "\n" }
                offsets.append(offset)
                let first = tokens.count
                for (index, token) in pieceTokens.enumerated() {
                    let gap: Token.Gap = index == 0 ? (first == 0 ? .none : .line) : token.gap
                    tokens.append(Token(range: (token.range.lowerBound + offset)..<(token.range.upperBound + offset), kind: token.kind, gap: gap))
                }
                ranges.append(first..<tokens.count)
                text += piece
                evaluation.words += sentence.words.count
            }
            let mentions = recognizer.recognize(text, tokens: tokens, sentences: ranges.filter { !$0.isEmpty })
            for (index, sentence) in batch.enumerated() {
                let range = ranges[index]
                let sentenceTokens = Array(tokens[range])
                let gold = goldSpans(sentence.tags, tokens: sentenceTokens)
                let lower = sentenceTokens.first?.range.lowerBound ?? 0, upper = sentenceTokens.last?.range.upperBound ?? 0
                let predicted = Set(mentions.compactMap { m -> String? in
                    guard m.range.lowerBound >= lower, m.range.upperBound <= upper, let label = labels[m.type] else { return nil }
                    return "\(m.range.lowerBound) \(m.range.upperBound) \(label)"
                })
                for label in ["PER", "ORG", "LOC"] {
                    let g = gold.filter { $0.hasSuffix(label) }, p = predicted.filter { $0.hasSuffix(label) }
                    evaluation.byLabel[label]!.gold += g.count
                    evaluation.byLabel[label]!.predicted += p.count
                    evaluation.byLabel[label]!.truePositives += g.intersection(p).count
                }
                evaluation.overall.gold += gold.count
                evaluation.overall.predicted += predicted.count
                evaluation.overall.truePositives += gold.intersection(predicted).count
                let shifted = { (set: Set<String>) in Set(set.map { key -> String in
                    let f = key.split(separator: " ")
                    return "\(Int(f[0])! - lower) \(Int(f[1])! - lower) \(f[2])"
                }) }
                let bytes = Array(text.utf8)
                each(SentenceResult(text: String(decoding: bytes[lower..<max(lower, upper)], as: UTF8.self),
                                    gold: shifted(gold), predicted: shifted(predicted)))
            }
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

/// The wcxb benchmark's page score, shared by `html-eval` and the HTML quality gate: precision,
/// recall and F1 of the lower-cased `\w+` tokens of prediction and gold, compared as multisets.
public enum WordOverlapScore {
    /// (precision, recall, F1) for one page; an empty gold scores 1 only when the prediction is empty.
    public static func match(gold: String, prediction: String) -> (precision: Double, recall: Double, f1: Double) {
        let goldCounts = counts(gold), predictedCounts = counts(prediction)
        if goldCounts.isEmpty { return predictedCounts.isEmpty ? (1, 1, 1) : (0, 0, 0) }
        if predictedCounts.isEmpty { return (0, 0, 0) }
        var common = 0
        for (word, count) in predictedCounts { common += min(count, goldCounts[word] ?? 0) }
        guard common > 0 else { return (0, 0, 0) }
        let precision = Double(common) / Double(predictedCounts.values.reduce(0, +))
        let recall = Double(common) / Double(goldCounts.values.reduce(0, +))
        return (precision, recall, 2 * precision * recall / (precision + recall))
    }

    static func counts(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for token in ShingleScore.tokens(text.lowercased()) {
            counts[String(String.UnicodeScalarView(token)), default: 0] += 1
        }
        return counts
    }
}

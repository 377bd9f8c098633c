import CrossreadCore
import Foundation

/// A page with the snippets its body must and must not contain: the labels for training.
public struct LabeledPage: Sendable {
    public var text: String
    public var mustKeep: [String]
    public var mustDrop: [String]

    public init(text: String, mustKeep: [String], mustDrop: [String]) {
        self.text = text
        self.mustKeep = mustKeep
        self.mustDrop = mustDrop
    }
}

extension BodyModel {
    /// Trains both stages by gradient descent on the class-balanced log loss with L2
    /// regularization. A line is a positive example when it holds (or lies inside) a must-keep
    /// snippet and a negative one for a must-drop snippet; with `weakWeight` above zero, labels
    /// inferred from structure join in at that weight (prose between two kept lines is body;
    /// lines beyond a dropped line outside the kept stretch are not).
    public static func train(on pages: [LabeledPage], weakWeight: Double = 0, twoStages: Bool = true,
                             iterations: Int = 3_000, l2: Double = 1e-3) -> BodyModel {
        var prepared: [(page: PageAnalysis, labels: [Double], weights: [Double])] = []
        for page in pages {
            var text = page.text
            let analysis = text.withUTF8 { PageAnalysis($0) }
            let (labels, weights) = text.withUTF8 { lineLabels(page, analysis, $0, weakWeight: weakWeight) }
            prepared.append((analysis, labels, weights))
        }
        func fit(_ dim: Int, _ matrixOf: (Int) -> [Double]) -> [Double] {
            var rows: [Double] = [], labels: [Double] = [], weights: [Double] = []
            for (index, item) in prepared.enumerated() {
                let matrix = matrixOf(index)
                for i in 0..<item.page.count where item.weights[i] > 0 {
                    rows.append(contentsOf: matrix[(i * dim)..<((i + 1) * dim)])
                    labels.append(item.labels[i])
                    weights.append(item.weights[i])
                }
            }
            return LogisticRegression.fit(rows: rows, labels: labels, weights: weights, dimension: dim,
                                          iterations: iterations, l2: l2)
        }
        let first = fit(BodyFeatures.count) { BodyFeatures.matrix(prepared[$0].page) }
        guard twoStages else { return BodyModel(weights: first) }
        let oneStage = BodyModel(weights: first)
        let second = fit(ContextFeatures.count) { index in
            let page = prepared[index].page
            return ContextFeatures.matrix(page, oneStage.scores(page).logits)
        }
        return BodyModel(weights: first, contextWeights: second)
    }

    /// Per line of a page: its label (1 body, 0 not) and the label's weight (0: unlabeled).
    static func lineLabels(_ page: LabeledPage, _ analysis: PageAnalysis, _ bytes: UnsafeBufferPointer<UInt8>,
                           weakWeight: Double) -> ([Double], [Double]) {
        let keep = page.mustKeep.map(SnippetMatch.normalize).filter { !$0.isEmpty }
        let drop = page.mustDrop.map(SnippetMatch.normalize).filter { !$0.isEmpty }
        let n = analysis.count
        var label = [Int8](repeating: -1, count: n)
        for (i, line) in analysis.lines.enumerated() {
            let lineText = SnippetMatch.normalize(String(decoding: UnsafeBufferPointer(rebasing: bytes[line.contentStart..<line.end]), as: UTF8.self))
            guard !lineText.isEmpty else { continue }
            let isKeep = keep.contains { SnippetMatch.overlaps(line: lineText, snippet: $0) }
            let isDrop = drop.contains { SnippetMatch.overlaps(line: lineText, snippet: $0) }
            if isKeep != isDrop { label[i] = isKeep ? 1 : 0 }
        }
        var labels = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        for i in 0..<n where label[i] >= 0 {
            labels[i] = Double(label[i])
            weights[i] = 1
        }
        guard weakWeight > 0 else { return (labels, weights) }
        let kept = label.indices.filter { label[$0] == 1 }
        let dropped = label.indices.filter { label[$0] == 0 }
        if let first = kept.first, let last = kept.last {
            for i in first...last where label[i] == -1 && analysis.prose[i] { labels[i] = 1; weights[i] = weakWeight }
            if let firstAfter = dropped.first(where: { $0 > last }) {
                for i in firstAfter..<n where label[i] == -1 { labels[i] = 0; weights[i] = weakWeight }
            }
            if let lastBefore = dropped.last(where: { $0 < first }) {
                for i in 0..<lastBefore where label[i] == -1 { labels[i] = 0; weights[i] = weakWeight }
            }
        }
        return (labels, weights)
    }
}

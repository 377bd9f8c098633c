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
    /// snippet and a negative one for a must-drop snippet. Snippets sample page furniture
    /// unevenly (few menus above the article), so short lines far from the kept stretch join in
    /// as negatives too, together weighing `furnitureWeight` per page.
    public static func train(on pages: [LabeledPage], furnitureWeight: Double = 1.5, twoStages: Bool = true,
                             iterations: Int = 3_000, l2: Double = 1e-3) -> BodyModel {
        var prepared: [(page: PageAnalysis, labels: [Double], weights: [Double])] = []
        for page in pages {
            var text = page.text
            let analysis = text.withUTF8 { PageAnalysis($0) }
            let (labels, weights) = text.withUTF8 { lineLabels(page, analysis, $0, furnitureWeight: furnitureWeight) }
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
                           furnitureWeight: Double) -> ([Double], [Double]) {
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
        // Page furniture: short lines more than eight lines away from the kept stretch.
        guard furnitureWeight > 0, let first = label.firstIndex(of: 1), let last = label.lastIndex(of: 1) else {
            return (labels, weights)
        }
        let furniture = (0..<n).filter { i in
            label[i] == -1 && (i < first - 8 || i > last + 8) && !analysis.prose[i] && analysis.stats[i].words < 12
        }
        for i in furniture {
            labels[i] = 0
            weights[i] = furnitureWeight / Double(furniture.count)
        }
        return (labels, weights)
    }
}

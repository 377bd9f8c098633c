import CrossreadCore
import Foundation

/// Scores how likely each line of a page is article body, in two logistic-regression stages:
/// the first reads `BodyFeatures` (the line and its surroundings), the second reads
/// `ContextFeatures` (the first stage's log-odds of the neighbouring lines), so a prose line
/// amid page furniture scores lower than the same line amid the article. The standard weights
/// are trained by `BodyModel.train` (run through `clean-eval --train`) and written to
/// `BodyModel+Weights.swift`.
public struct BodyModel: Sendable, Equatable, Codable {
    /// First stage: one weight per `BodyFeatures` feature.
    public var weights: [Double]
    /// Second stage: one weight per `ContextFeatures` feature; empty for a one-stage model.
    public var contextWeights: [Double]

    public init(weights: [Double], contextWeights: [Double] = []) {
        precondition(weights.count == BodyFeatures.count, "a body model needs \(BodyFeatures.count) weights")
        precondition(contextWeights.isEmpty || contextWeights.count == ContextFeatures.count,
                     "a body model needs \(ContextFeatures.count) context weights")
        self.weights = weights
        self.contextWeights = contextWeights
    }

    /// The names of the features, in weight order.
    public static var featureNames: [String] { BodyFeatures.names }
    public static var contextFeatureNames: [String] { ContextFeatures.names }

    /// Log-odds that each line is body, and the kind hard rules give a line whatever its score.
    func scores(_ page: PageAnalysis) -> (logits: [Double], hard: [BlockKind?]) {
        let n = page.count
        var hard = [BlockKind?](repeating: nil, count: n)
        for i in 0..<n { hard[i] = HardRules.kind(page.stats[i], page.lines[i]) }
        var logits = [Double](repeating: 0, count: n)
        BodyFeatures.forEachRow(page) { i, row in logits[i] = Self.dot(weights, row) }
        Self.capHardLines(&logits, hard, page)
        if !contextWeights.isEmpty {
            var second = [Double](repeating: 0, count: n)
            ContextFeatures.forEachRow(page, logits) { i, row in second[i] = Self.dot(contextWeights, row) }
            logits = second
            Self.capHardLines(&logits, hard, page)
        }
        return (logits, hard)
    }

    /// Markers that sit inside articles (ads, captions, datelines) are neither body nor a sign
    /// that the article ended, so they get a mild score that cannot cut the body in two; the
    /// other hard kinds (menus, related links, comments, appeals) usually end it.
    static func capHardLines(_ logits: inout [Double], _ hard: [BlockKind?], _ page: PageAnalysis) {
        for i in logits.indices {
            guard let kind = hard[i] else { continue }
            if HardRules.sitsInsideArticles(kind, page.stats[i]) {
                logits[i] = max(min(logits[i], -0.5), -1)
            } else {
                logits[i] = min(logits[i], -4)
            }
        }
    }

    @inline(__always)
    static func dot(_ weights: [Double], _ row: UnsafeBufferPointer<Double>) -> Double {
        var sum = 0.0
        for k in 0..<row.count { sum += weights[k] * row[k] }
        return sum
    }
}

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

/// Weighted, class-balanced logistic regression by full-batch gradient descent.
enum LogisticRegression {
    static func fit(rows: [Double], labels: [Double], weights: [Double], dimension dim: Int,
                    iterations: Int, l2: Double, learningRate: Double = 0.5) -> [Double] {
        let count = labels.count
        guard count > 0 else { return [Double](repeating: 0, count: dim) }
        var sampleWeights = weights
        let positives = zip(labels, weights).reduce(0) { $0 + ($1.0 > 0.5 ? $1.1 : 0) }
        let negatives = weights.reduce(0, +) - positives
        for r in 0..<count {
            sampleWeights[r] *= labels[r] > 0.5 ? 0.5 / max(positives, 1e-9) : 0.5 / max(negatives, 1e-9)
        }
        var w = [Double](repeating: 0, count: dim)
        var gradient = [Double](repeating: 0, count: dim)
        let totalWeight = sampleWeights.reduce(0, +)
        rows.withUnsafeBufferPointer { x in
            for _ in 0..<iterations {
                for k in 0..<dim { gradient[k] = 0 }
                for r in 0..<count {
                    var z = 0.0
                    let base = r * dim
                    for k in 0..<dim { z += x[base + k] * w[k] }
                    let error = (1 / (1 + exp(-z)) - labels[r]) * sampleWeights[r]
                    for k in 0..<dim { gradient[k] += error * x[base + k] }
                }
                for k in 0..<dim {
                    let regularization = k == 0 ? 0 : l2 * w[k]
                    w[k] -= learningRate * (gradient[k] / totalWeight + regularization)
                }
            }
        }
        return w
    }
}

/// Whitespace-normalized snippet matching, as the trafilatura evaluation does it.
public enum SnippetMatch {
    /// Collapses every run of whitespace to one space and trims the ends.
    public static func normalize(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True when a line holds the snippet, or the line (at least 20 bytes) lies inside it.
    static func overlaps(line: String, snippet: String) -> Bool {
        if line.contains(snippet) { return true }
        return line.utf8.count >= 20 && snippet.contains(line)
    }
}

import Foundation

/// A logistic-regression model that scores how likely a line is article body, from
/// `BodyFeatures`. The standard weights are trained by `BodyModel.train` (run through
/// `clean-eval --train`) and written to `BodyModel+Weights.swift`.
public struct BodyModel: Sendable, Equatable, Codable {
    /// One weight per feature, in `featureNames` order.
    public var weights: [Double]

    public init(weights: [Double]) {
        precondition(weights.count == BodyFeatures.count, "a body model needs \(BodyFeatures.count) weights")
        self.weights = weights
    }

    /// The names of the features, in weight order.
    public static var featureNames: [String] { BodyFeatures.names }

    /// Log-odds that each line is body.
    func logits(_ matrix: [Double], rows: Int) -> [Double] {
        let dim = weights.count
        var out = [Double](repeating: 0, count: rows)
        matrix.withUnsafeBufferPointer { m in
            weights.withUnsafeBufferPointer { w in
                for r in 0..<rows {
                    var sum = 0.0
                    let base = r * dim
                    for k in 0..<dim { sum += m[base + k] * w[k] }
                    out[r] = sum
                }
            }
        }
        return out
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

nonisolated(unsafe) public var regionLabelsDefault = false

extension BodyModel {
    /// Trains by full-batch gradient descent on the log loss with L2 regularization. A line is
    /// a positive example when it holds (or lies inside) a must-keep snippet, negative for a
    /// must-drop snippet; lines holding both, or neither, are left out.
    public static func train(on pages: [LabeledPage], iterations: Int = 3_000, l2: Double = 1e-3,
                             learningRate: Double = 0.5, weakWeight: Double = 0.3) -> BodyModel {
        var rows: [Double] = []
        var labels: [Double] = []
        var sampleWeights: [Double] = []
        let dim = BodyFeatures.count
        for page in pages {
            let labeled = labeledRows(page, weakWeight: weakWeight)
            rows.append(contentsOf: labeled.rows)
            labels.append(contentsOf: labeled.labels)
            sampleWeights.append(contentsOf: labeled.weights)
        }
        let count = labels.count
        guard count > 0 else { return BodyModel(weights: [Double](repeating: 0, count: dim)) }
        let positives = labels.reduce(0, +)
        let negatives = Double(count) - positives
        // Balance the classes.
        for r in 0..<count {
            sampleWeights[r] *= labels[r] > 0.5 ? Double(count) / (2 * max(positives, 1))
                                                 : Double(count) / (2 * max(negatives, 1))
        }
        var w = [Double](repeating: 0, count: dim)
        var gradient = [Double](repeating: 0, count: dim)
        let totalWeight = sampleWeights.reduce(0, +)
        for _ in 0..<iterations {
            for k in 0..<dim { gradient[k] = 0 }
            for r in 0..<count {
                var z = 0.0
                let base = r * dim
                for k in 0..<dim { z += rows[base + k] * w[k] }
                let p = 1 / (1 + exp(-z))
                let error = (p - labels[r]) * sampleWeights[r]
                for k in 0..<dim { gradient[k] += error * rows[base + k] }
            }
            for k in 0..<dim {
                let regularization = k == 0 ? 0 : l2 * w[k]
                w[k] -= learningRate * (gradient[k] / totalWeight + regularization)
            }
        }
        return BodyModel(weights: w)
    }

    /// Feature rows and labels of the lines of one page that snippets label.
    /// Feature rows and labels of one page; labels inferred from structure weigh `weakWeight`
    /// (a snippet label weighs 1).
    static func labeledRows(_ page: LabeledPage, weakWeight: Double, regionLabels: Bool = regionLabelsDefault) -> (rows: [Double], labels: [Double], weights: [Double]) {
        var text = page.text
        return text.withUTF8 { bytes in
            let analysis = PageAnalysis(bytes)
            let matrix = BodyFeatures.matrix(analysis)
            let keep = page.mustKeep.map(SnippetMatch.normalize).filter { !$0.isEmpty }
            let drop = page.mustDrop.map(SnippetMatch.normalize).filter { !$0.isEmpty }
            var rows: [Double] = []
            var labels: [Double] = []
            var weights: [Double] = []
            let dim = BodyFeatures.count
            // Direct labels from the snippets.
            var label = [Int8](repeating: -1, count: analysis.count)
            for (i, line) in analysis.lines.enumerated() {
                let lineText = SnippetMatch.normalize(String(decoding: UnsafeBufferPointer(rebasing: bytes[line.contentStart..<line.end]), as: UTF8.self))
                guard !lineText.isEmpty else { continue }
                let isKeep = keep.contains { SnippetMatch.overlaps(line: lineText, snippet: $0) }
                let isDrop = drop.contains { SnippetMatch.overlaps(line: lineText, snippet: $0) }
                if isKeep != isDrop { label[i] = isKeep ? 1 : 0 }
                if isKeep && isDrop { label[i] = 2 }
            }
            // Labels from structure: the article is one stretch, so prose between two kept lines is
            // body, and what lies beyond a dropped line outside that stretch is not.
            let kept = label.indices.filter { label[$0] == 1 }
            let dropped = label.indices.filter { label[$0] == 0 }
            var weak = [Int8](repeating: -1, count: analysis.count)
            if let first = kept.first, let last = kept.last {
                for i in first...last where label[i] == -1 && (analysis.prose[i] || regionLabels) { weak[i] = 1 }
                if let firstAfter = dropped.first(where: { $0 > last }) {
                    for i in firstAfter..<analysis.count where label[i] == -1 { weak[i] = 0 }
                }
                if let lastBefore = dropped.last(where: { $0 < first }) {
                    for i in 0..<lastBefore where label[i] == -1 { weak[i] = 0 }
                }
            }
            for i in 0..<analysis.count {
                let value: Int8
                let weight: Double
                if label[i] == 0 || label[i] == 1 { value = label[i]; weight = 1 }
                else if weak[i] >= 0, weakWeight > 0 { value = weak[i]; weight = weakWeight }
                else { continue }
                rows.append(contentsOf: matrix[(i * dim)..<((i + 1) * dim)])
                labels.append(Double(value))
                weights.append(weight)
            }
            return (rows, labels, weights)
        }
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

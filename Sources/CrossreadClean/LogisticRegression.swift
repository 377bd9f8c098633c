import Foundation

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

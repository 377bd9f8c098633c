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

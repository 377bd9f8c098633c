/// B-cubed precision, recall and F1, and pairwise F1, of a predicted grouping against a gold one.
struct ClusterScores: Codable {
    var precision: Double
    var recall: Double
    var f1: Double
    var pairwiseF1: Double
    var clusters: Int

    init(predicted: [String], gold: [String]) {
        precondition(predicted.count == gold.count)
        var predictedSize: [String: Int] = [:], goldSize: [String: Int] = [:], cell: [String: Int] = [:]
        for (p, g) in zip(predicted, gold) {
            predictedSize[p, default: 0] += 1
            goldSize[g, default: 0] += 1
            cell[p + "\u{1}" + g, default: 0] += 1
        }
        var precision = 0.0, recall = 0.0
        for (p, g) in zip(predicted, gold) {
            let common = Double(cell[p + "\u{1}" + g]!)
            precision += common / Double(predictedSize[p]!)
            recall += common / Double(goldSize[g]!)
        }
        let n = Double(predicted.count)
        self.precision = precision / n
        self.recall = recall / n
        f1 = self.precision + self.recall > 0 ? 2 * self.precision * self.recall / (self.precision + self.recall) : 0
        func pairs(_ sizes: Dictionary<String, Int>.Values) -> Double { sizes.reduce(0) { $0 + Double($1 * ($1 - 1) / 2) } }
        let truePairs = pairs(cell.values), predictedPairs = pairs(predictedSize.values), goldPairs = pairs(goldSize.values)
        let pp = predictedPairs > 0 ? truePairs / predictedPairs : 0
        let pr = goldPairs > 0 ? truePairs / goldPairs : 0
        pairwiseF1 = pp + pr > 0 ? 2 * pp * pr / (pp + pr) : 0
        clusters = predictedSize.count
    }
}

import CrossreadCore

/// Decides whether two statements state the same fact in different words: weighted overlap of
/// their stemmed content words (synonyms and close variants folded), with the people they name and
/// the figures they give in agreement.
public struct ParaphraseMatcher: Sendable {
    public var options: ComparisonOptions

    public init(options: ComparisonOptions = ComparisonOptions()) {
        self.options = options
    }

    /// How two statements compare.
    struct Judgement: Sendable {
        /// Weighted cosine of the two term sets (or of their best-matching clauses).
        var cosine: Double
        /// Weighted cosine of the whole statements: details (figures, places, dates) are compared
        /// only between statements alike as a whole.
        var wholeCosine: Double
        /// Shared weight over the smaller statement's weight.
        var overlap: Double
        var sharedTerms: Int
        /// Both name people and none in common.
        var peopleDisagree: Bool
        /// Figures for the same thing with different values.
        var numberConflicts: [(NumberMention, NumberMention)]
        /// The words say the same, whatever the figures.
        var wordsMatch: Bool
        /// The same fact: words match, people and figures agree.
        var isMatch: Bool { wordsMatch && !peopleDisagree && numberConflicts.isEmpty }
    }

    func judge(_ a: Statement, _ b: Statement, weights: TermWeights) -> Judgement {
        // The whole statements, or their best-matching clauses.
        let whole = compare(a.termIDs, b.termIDs, weights: weights)
        var best = whole
        if !a.clauseTermIDs.isEmpty || !b.clauseTermIDs.isEmpty {
            for x in [a.termIDs] + a.clauseTermIDs {
                for y in [b.termIDs] + b.clauseTermIDs {
                    let candidate = compare(x, y, weights: weights)
                    if candidate.cosine > best.cosine { best = candidate }
                }
            }
        }
        let (cosine, overlap, shared, smaller, _) = best
        // A fact is more than the names in it: two shared words besides names and titles.
        let enoughShared = shared >= min(options.minimumSharedTerms, max(2, smaller)) && best.sharedWords >= 2
        let wordsMatch = enoughShared
            && (cosine >= options.matchThreshold
                || (overlap >= options.overlapThreshold && cosine >= options.containedThreshold))
        // A figure conflicts when each statement gives exactly one figure for that noun and they differ
        // (a sentence listing several figures for one noun compares nothing).
        var conflicts: [(NumberMention, NumberMention)] = []
        for x in a.numbers {
            let mine = a.numbers.filter { $0.noun == x.noun }
            let theirs = b.numbers.filter { $0.noun == x.noun }
            guard mine.count == 1, theirs.count == 1, x.conflicts(with: theirs[0]) else { continue }
            conflicts.append((x, theirs[0]))
        }
        return Judgement(cosine: cosine, wholeCosine: whole.cosine, overlap: overlap, sharedTerms: shared,
                         peopleDisagree: !a.people.isEmpty && !b.people.isEmpty && a.people.isDisjoint(with: b.people),
                         numberConflicts: conflicts, wordsMatch: wordsMatch)
    }

    /// Weighted cosine, weighted overlap of the smaller set, shared count and the smaller set's size.
    private func compare(_ a: [Int], _ b: [Int], weights: TermWeights)
        -> (cosine: Double, overlap: Double, shared: Int, smaller: Int, sharedWords: Int) {
        var shared = 0
        var sharedWords = 0
        var sharedWeight = 0.0
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                if !weights.isName[a[i]] { sharedWords += 1 }
                sharedWeight += weights.weight(a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let weightA = weights.totalWeight(a)
        let weightB = weights.totalWeight(b)
        let cosine = weightA > 0 && weightB > 0 ? sharedWeight / (weightA * weightB).squareRoot() : 0
        let overlap = min(weightA, weightB) > 0 ? sharedWeight / min(weightA, weightB) : 0
        return (cosine, overlap, shared, min(a.count, b.count), sharedWords)
    }

    // MARK: - Plain sentences

    /// Similarity in 0...1 (weighted cosine) of two sentences on their own, every term weighing the same.
    public func similarity(_ a: String, _ b: String) -> Double {
        let (x, y, weights) = Self.pair(a, b)
        return judge(x, y, weights: weights).cosine
    }

    /// Whether two sentences on their own state the same fact: words match, the capitalized names
    /// they use overlap, and figures for the same thing agree.
    public func isParaphrase(_ a: String, _ b: String) -> Bool {
        let (x, y, weights) = Self.pair(a, b)
        return judge(x, y, weights: weights).isMatch
    }

    private static func pair(_ a: String, _ b: String) -> (Statement, Statement, TermWeights) {
        let extractor = StatementExtractor()
        var statements = [a, b].enumerated().map { index, text in
            let document = Document(contentHash: "\(index)", source: "", format: .text, original: [],
                                    text: text, paragraphs: [], metadata: DocumentMetadata(), removed: [])
            let bytes = text.utf8.count
            return extractor.statement(of: document, span: 0..<bytes, documentIndex: index, source: index)
        }
        let weights = TermWeights(statements: &statements, uniform: true)
        return (statements[0], statements[1], weights)
    }
}

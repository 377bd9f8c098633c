import CrossreadCore

extension StoryAnalysis {
    /// A dispute found in one document and the disputed words as a statement, to match against the story.
    struct DisputeProbe {
        var statement: Statement
        var dispute: Dispute
        var document: String
        /// Folded surname of the claimant when the dispute names whose claim it is.
        var claimantKey: String?
    }

    func disputeProbes() -> [DisputeProbe] {
        let detector = DisputeDetector()
        var out: [DisputeProbe] = []
        for (index, document) in documents.enumerated() {
            for dispute in detector.disputes(in: document) {
                let span = dispute.target ?? dispute.sentence
                let statement = extractor.statement(of: document, span: span, documentIndex: index,
                                                    source: sources[document.id], cache: cache)
                out.append(DisputeProbe(statement: statement, dispute: dispute, document: document.id,
                                        claimantKey: dispute.claimant.map(StatementExtractor.surnameKey)))
            }
        }
        return out
    }

    /// Links each dispute to the statement it points at; a disputed claim stated nowhere else becomes
    /// a statement of its own.
    mutating func linkDisputes(_ probes: [DisputeProbe]) {
        for probe in probes {
            if let target = disputedStatement(for: probe) {
                disputeLinks.append((target, probe.document, probe.dispute.sentence))
            } else if probe.dispute.target != nil, probe.statement.termIDs.count >= 2 {
                statements.append(probe.statement)
                clusters.add()
                disputeLinks.append((statements.count - 1, probe.document, probe.dispute.sentence))
            }
        }
    }

    /// The statement that best holds the disputed words (most of the probe's weight), preferring the
    /// very words the dispute points at; for "contrary to what X said", X's statement sharing most
    /// words with the disputing sentence.
    private func disputedStatement(for probe: DisputeProbe) -> Int? {
        let p = probe.statement
        let probeWeight = weights.totalWeight(p.termIDs)
        guard probeWeight > 0 else { return nil }
        var best: (score: Double, index: Int)?
        for (index, s) in statements.enumerated() {
            // The disputing sentence itself only repeats the claim to refute it; a quote inside it
            // counts only when it is the disputed words ("“…” is false").
            if s.document == probe.document, s.sentence == probe.dispute.sentence {
                guard s.isQuote, let target = probe.dispute.target,
                      s.span.lowerBound >= target.lowerBound, s.span.upperBound <= target.upperBound else { continue }
            }
            let (count, weight) = sharedTerms(p.termIDs, s.termIDs)
            var score: Double
            if let target = probe.dispute.target {
                let containment = weight / probeWeight
                guard count >= min(2, p.termIDs.count), containment >= options.disputeOverlap else { continue }
                score = containment
                if s.document == probe.document, s.span.overlaps(target) { score += 0.05 }
                if s.isQuote == p.isQuote { score += 0.02 }
            } else if let claimant = probe.claimantKey {
                guard s.speakerKey == claimant || (!s.isQuote && s.people.contains(claimant)) else { continue }
                let total = weights.totalWeight(s.termIDs)
                guard count >= 2, total > 0 else { continue }
                score = weight / total
                guard score >= options.containedThreshold else { continue }
            } else {
                continue
            }
            if best == nil || score > best!.score { best = (score, index) }
        }
        return best?.index
    }

    func sharedTerms(_ a: [Int], _ b: [Int]) -> (count: Int, weight: Double) {
        var i = 0
        var j = 0
        var count = 0
        var weight = 0.0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                count += 1
                weight += weights.weight(a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return (count, weight)
    }
}

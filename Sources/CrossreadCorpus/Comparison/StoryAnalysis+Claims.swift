import CrossreadCore

extension StoryAnalysis {
    /// One claim per cluster that two or more independent sources state, that someone disputes, or
    /// that is a reportable single-source statement (a claim per language analysis, or a quote).
    func buildClaims() -> [CorpusClaim] {
        var sets = clusters
        var members: [Int: [Int]] = [:]
        for index in statements.indices { members[sets.find(index), default: []].append(index) }
        var disputers: [Int: [(document: String, sentence: Range<Int>)]] = [:]
        for link in disputeLinks {
            let root = sets.find(link.statement)
            if !(disputers[root] ?? []).contains(where: { $0.document == link.document && $0.sentence == link.sentence }) {
                disputers[root, default: []].append((link.document, link.sentence))
            }
        }
        let documentOrder = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
        var built: [(claim: CorpusClaim, sources: Int, first: (Int, Int))] = []
        for (root, indices) in members {
            let disputing = Set((disputers[root] ?? []).map(\.document))
            let asserting = indices.filter { !disputing.contains(statements[$0].document) }
            let assertingSources = Set(asserting.map { statements[$0].source })
            let reportable = assertingSources.count >= 2 || !disputing.isEmpty
                || indices.contains { isReportableAlone(statements[$0]) }
            guard reportable else { continue }
            let representative = representativeStatement(of: asserting.isEmpty ? indices : asserting)
            let ordered = indices.sorted { order($0) < order($1) }
            // One document per source: the first that states it; disputers that state it come last.
            var documentsStating: [String] = []
            var seenSources = Set<Int>()
            for index in ordered where asserting.contains(index) && seenSources.insert(statements[index].source).inserted {
                documentsStating.append(statements[index].document)
            }
            for index in ordered where !asserting.contains(index) && !documentsStating.contains(statements[index].document) {
                documentsStating.append(statements[index].document)
            }
            let corroborating = Array(documentsStating.filter { id in !disputing.contains(id) }.dropFirst())
            var evidence: [TextReference] = []
            for index in ordered {
                let reference = TextReference(document: statements[index].document, range: statements[index].sentence)
                if !evidence.contains(reference) { evidence.append(reference) }
            }
            let disputes = (disputers[root] ?? [])
                .sorted { (documentOrder[$0.document] ?? 0, $0.sentence.lowerBound) < (documentOrder[$1.document] ?? 0, $1.sentence.lowerBound) }
            let text = Self.claimText(statements[representative])
            let speaker = statements[representative].speaker ?? indices.lazy.compactMap { statements[$0].speaker }.first
            let claim = CorpusClaim(
                id: ClaimID.make(for: text), text: text, speaker: speaker, documents: documentsStating,
                corroboratedBy: corroborating,
                disputedBy: disputes.map(\.document).reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
                evidence: evidence, disputes: disputes.map { TextReference(document: $0.document, range: $0.sentence) },
                story: story)
            built.append((claim, assertingSources.count, order(ordered[0])))
        }
        // Corroborated first (most sources), then disputed, then single-source; each in document order.
        built.sort { x, y in
            if x.sources != y.sources { return x.sources > y.sources }
            if x.claim.disputedBy.isEmpty != y.claim.disputedBy.isEmpty { return !x.claim.disputedBy.isEmpty }
            return x.first < y.first
        }
        var used = Set<String>()
        var claims: [CorpusClaim] = []
        for var entry in built {
            if !used.insert(entry.claim.id).inserted {
                entry.claim.id = ClaimID.make(for: entry.claim.text, salt: "\(entry.first.0)-\(entry.first.1)")
                used.insert(entry.claim.id)
            }
            claims.append(entry.claim)
        }
        return claims
    }

    /// A single-source statement worth listing: marked as a claim by language analysis (or, where
    /// the document has no claim marks, naming someone or giving a figure), or an attributed quote.
    private func isReportableAlone(_ statement: Statement) -> Bool {
        guard options.singleSourceClaimsOnly else { return true }
        if statement.isClaim { return true }
        if statement.isQuote { return statement.speaker != nil || statement.speakerName != nil }
        let document = documents[statement.documentIndex]
        return document.annotations.claims.isEmpty && (!statement.people.isEmpty || !statement.numbers.isEmpty)
    }

    /// The member most like the others (highest summed match score); ties go to the more complete
    /// quote (more terms) or the earlier narrative sentence.
    private func representativeStatement(of indices: [Int]) -> Int {
        var best = indices[0]
        var bestKey: (Double, Int, Int) = (-1, 0, 0)
        for index in indices {
            var total = 0.0
            for other in indices where other != index { total += matchScores[Pair(index, other)] ?? 0 }
            let completeness = statements[index].isQuote ? statements[index].termIDs.count : 0
            let key = (total, completeness, -order(index).0 * 1_000_000 - order(index).1)
            if key > bestKey {
                bestKey = key
                best = index
            }
        }
        return best
    }

    /// Document position, then byte position.
    func order(_ index: Int) -> (Int, Int) {
        (statements[index].documentIndex, statements[index].span.lowerBound)
    }

    /// The statement's words without surrounding quote marks and trailing commas.
    static func claimText(_ statement: Statement) -> String {
        var text = statement.text
        if statement.isQuote {
            text = text.trimmingPunctuation()
        }
        return text
    }
}

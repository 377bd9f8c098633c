import CrossreadCore

/// The working state of comparing one story's documents: statements, their weights, matched
/// pairs and clusters, linked disputes. `SourceComparer` runs it; the extensions build claims,
/// disputes and conflicts from it.
struct StoryAnalysis {
    let documents: [Document]
    let options: ComparisonOptions
    let story: String?
    let sources: IndependentSources
    let matcher: ParaphraseMatcher
    let extractor = StatementExtractor()
    let cache = TermCache()

    var statements: [Statement] = []
    var weights: TermWeights!
    var clusters = DisjointSets()
    /// Cosine of every matched pair, keyed by the two statement indices (smaller first).
    var matchScores: [Pair: Double] = [:]
    /// Pairs whose words match and whose people agree, with their judgement: conflicts come from these.
    var related: [(Int, Int, ParaphraseMatcher.Judgement)] = []
    /// Disputes linked to a statement (whose cluster they dispute).
    var disputeLinks: [(statement: Int, document: String, sentence: Range<Int>)] = []
    var result = SourceComparison()

    struct Pair: Hashable {
        var a: Int
        var b: Int
        init(_ x: Int, _ y: Int) {
            a = min(x, y)
            b = max(x, y)
        }
    }

    init(documents: [Document], duplicates: [[String]], options: ComparisonOptions, story: String?) {
        self.documents = documents
        self.options = options
        self.story = story
        self.sources = IndependentSources(documents: documents.map(\.id), duplicates: duplicates)
        self.matcher = ParaphraseMatcher(options: options)
    }

    mutating func run() {
        for (index, document) in documents.enumerated() {
            statements += extractor.statements(of: document, documentIndex: index, source: sources[document.id], cache: cache)
        }
        var probes = disputeProbes()
        var all = statements + probes.map(\.statement)
        weights = TermWeights(statements: &all)
        statements = Array(all[..<statements.count])
        for k in probes.indices { probes[k].statement = all[statements.count + k] }
        for _ in statements { clusters.add() }
        matchPairs()
        linkDisputes(probes)
        result.claims = buildClaims()
        result.quoteGroups = buildQuoteGroups()
        result.conflicts = buildConflicts()
    }

    // MARK: - Matching

    /// Statements of different documents and the same kind (narrative or quote, quotes by
    /// compatible speakers) sharing two or more terms are judged; matches join one cluster.
    private mutating func matchPairs() {
        var postings: [Int: [Int]] = [:]
        for (index, statement) in statements.enumerated() {
            for id in statement.termIDs { postings[id, default: []].append(index) }
        }
        var shared: [Int: Int] = [:]
        var cosines: [Pair: Double] = [:]
        var matches: [(Int, Int, Double)] = []
        for a in statements.indices {
            shared.removeAll(keepingCapacity: true)
            for id in statements[a].termIDs {
                for b in postings[id] ?? [] where b > a { shared[b, default: 0] += 1 }
            }
            for (b, count) in shared.sorted(by: { $0.key < $1.key }) where count >= 2 && comparable(a, b) {
                let judgement = matcher.judge(statements[a], statements[b], weights: weights)
                cosines[Pair(a, b)] = judgement.cosine
                if judgement.isMatch {
                    matches.append((a, b, judgement.cosine))
                    matchScores[Pair(a, b)] = judgement.cosine
                }
                if judgement.wordsMatch, !judgement.peopleDisagree, statements[a].source != statements[b].source {
                    related.append((a, b, judgement))
                }
            }
        }
        // Average linkage, best pairs first: two clusters join when their members from different
        // documents are alike on average, so a chain of pairwise matches does not fuse distinct facts.
        var members: [Int: [Int]] = [:]
        for index in statements.indices { members[index] = [index] }
        for (a, b, _) in matches.sorted(by: { ($0.2, $1.0, $1.1) > ($1.2, $0.0, $0.1) }) {
            let ra = clusters.find(a)
            let rb = clusters.find(b)
            guard ra != rb, let x = members[ra], let y = members[rb] else { continue }
            var total = 0.0
            var pairs = 0
            for p in x {
                for q in y where statements[p].document != statements[q].document {
                    total += cosines[Pair(p, q)] ?? 0
                    pairs += 1
                }
            }
            guard pairs > 0, total / Double(pairs) >= options.matchThreshold * 0.9 else { continue }
            clusters.union(ra, rb)
            let root = clusters.find(ra)
            members[root] = x + y
            if root != ra { members[ra] = nil }
            if root != rb { members[rb] = nil }
        }
    }

    private func comparable(_ a: Int, _ b: Int) -> Bool {
        let x = statements[a]
        let y = statements[b]
        guard x.document != y.document, x.isQuote == y.isQuote else { return false }
        if x.isQuote, let p = x.speakerKey, let q = y.speakerKey, p != q { return false }
        return true
    }
}

import CrossreadCore

/// Builds the corpus timeline: one entry per dated event, from resolved time expressions (the
/// sentence holding them) and publication dates (the title, or the lead sentence). Sentences of
/// different documents with the same date that say the same thing (paraphrases matched) become one
/// entry listing every source.
/// Requires: documents (annotated sentences and times; publication dates). Produces: entries in date order.
public struct TimelineBuilder: Sendable {
    public var options: TimelineOptions

    public init(options: TimelineOptions = TimelineOptions()) {
        self.options = options
    }

    /// One dated sentence before merging.
    private struct Candidate {
        var date: String
        var isPublication: Bool
        var documentIndex: Int
        var text: String
        var evidence: TextReference
        var statement: Statement
    }

    public func build(documents: [Document], stories: [CrossreadCore.Story] = [], duplicates: [[String]] = []) -> [TimelineEntry] {
        let sources = IndependentSources(documents: documents.map(\.id), duplicates: duplicates)
        let extractor = StatementExtractor()
        let cache = TermCache()
        var candidates: [Candidate] = []
        for (index, document) in documents.enumerated() {
            let bytes = Array(document.text.utf8)
            let sentences = document.annotations.sentences.isEmpty
                ? FallbackSentenceSplitter.sentences(in: bytes)
                : document.annotations.sentences.map(\.range)
            let headings = document.paragraphs.filter { $0.kind == .subheading }.map(\.range)
            var seen = Set<String>()
            for time in document.annotations.times {
                guard let value = time.value, let date = TimelineDate.normalize(value),
                      let sentence = sentences.first(where: { $0.contains(time.range.lowerBound) }),
                      !headings.contains(where: { $0.overlaps(sentence) }),
                      seen.insert("\(date)|\(sentence.lowerBound)").inserted else { continue }
                let statement = extractor.statement(of: document, span: sentence, documentIndex: index,
                                                    source: sources[document.id], cache: cache)
                candidates.append(Candidate(date: date, isPublication: false, documentIndex: index,
                                            text: StatementExtractor.trimmedText(bytes, sentence),
                                            evidence: TextReference(document: document.id, range: sentence),
                                            statement: statement))
            }
            if options.includePublicationDates, let published = document.metadata.published {
                let lead = sentences.first { sentence in !headings.contains { $0.overlaps(sentence) } }
                let span = lead ?? 0..<0
                var statement = extractor.statement(of: document, span: span, documentIndex: index,
                                                    source: sources[document.id], cache: cache)
                if let title = document.metadata.title {
                    let titleBytes = Array(title.utf8)
                    let tokens = StatementTokenizer().tokens(titleBytes, in: 0..<titleBytes.count)
                    statement.terms += tokens.filter(\.isContent).map(\.term).filter { !statement.terms.contains($0) }
                }
                let text = document.metadata.title?.trimmingCharacters() ?? StatementExtractor.trimmedText(bytes, span)
                guard !text.isEmpty else { continue }
                candidates.append(Candidate(date: published.day8601, isPublication: true, documentIndex: index,
                                            text: text, evidence: TextReference(document: document.id, range: span),
                                            statement: statement))
            }
        }
        return merge(candidates, documents: documents, stories: stories)
    }

    private func merge(_ input: [Candidate], documents: [Document], stories: [CrossreadCore.Story]) -> [TimelineEntry] {
        var candidates = input
        var statements = candidates.map(\.statement)
        let weights = TermWeights(statements: &statements)
        for k in candidates.indices { candidates[k].statement = statements[k] }
        let matcher = ParaphraseMatcher(options: ComparisonOptions(
            matchThreshold: options.mergeThreshold, overlapThreshold: 0.6, containedThreshold: options.mergeThreshold * 0.8,
            minimumSharedTerms: options.minimumSharedTerms))
        var byDate: [String: [Int]] = [:]
        for (index, candidate) in candidates.enumerated() {
            byDate[candidate.date + (candidate.isPublication ? "|p" : "|e"), default: []].append(index)
        }
        var sets = DisjointSets()
        for _ in candidates { sets.add() }
        for members in byDate.values {
            for (n, a) in members.enumerated() {
                for b in members[(n + 1)...] where candidates[a].documentIndex != candidates[b].documentIndex {
                    let x = candidates[a].statement
                    let y = candidates[b].statement
                    if (x.source == y.source && candidates[a].text == candidates[b].text)
                        || matcher.judge(x, y, weights: weights).isMatch {
                        sets.union(a, b)
                    }
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        for index in candidates.indices { groups[sets.find(index), default: []].append(index) }
        var storyOf: [String: String] = [:]
        for story in stories {
            for id in story.documents where storyOf[id] == nil { storyOf[id] = story.id }
        }
        var entries: [(entry: TimelineEntry, key: (String, Int, Int))] = []
        for members in groups.values {
            let ordered = members.sorted {
                (candidates[$0].documentIndex, candidates[$0].evidence.range.lowerBound)
                    < (candidates[$1].documentIndex, candidates[$1].evidence.range.lowerBound)
            }
            let first = candidates[ordered[0]]
            var ids: [String] = []
            for index in ordered where !ids.contains(candidates[index].evidence.document) {
                ids.append(candidates[index].evidence.document)
            }
            let storyIDs = Set(ids.compactMap { storyOf[$0] })
            let story = storyIDs.count == 1 ? storyIDs.first : ids.first.flatMap { storyOf[$0] }
            let entry = TimelineEntry(date: first.date, text: first.text, documents: ids,
                                      evidence: ordered.map { candidates[$0].evidence }, story: story)
            entries.append((entry, (first.date, first.documentIndex, first.evidence.range.lowerBound)))
        }
        entries.sort { $0.key < $1.key }
        return entries.map(\.entry)
    }
}

extension String {
    /// Without leading and trailing whitespace and newlines.
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

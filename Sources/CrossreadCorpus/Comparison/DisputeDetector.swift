import CrossreadCore

/// Finds sentences that dispute a claim and links each to the disputed words. Refutations are
/// counted only where they are said of something said:
/// 1. predicative: a claim `is`/`proved to be`/`as` false, inaccurate, misleading... (or `not true`,
///    `not accurate`), where the subject is a quote, a claim noun ("this statement", "the claim
///    that ..."), or a pronoun standing for what was just said; "a false alarm" does not count;
/// 2. attributive with a claim noun: "made the false claim that ...";
/// 3. refuting verbs with a claim as object: "denied that ...", "disputed the report";
/// 4. "contrary to what X said", "contrary to X's claim that ...";
/// 5. "without evidence, that ...", "no evidence that ...";
/// 6. "falsely claimed that ...".
/// An odd number of negations flips the verdict ("is not false" is no dispute, "is not true" is one).
public struct DisputeDetector: Sendable {
    private let tokenizer = StatementTokenizer(computesTerms: false)

    public init() {}

    /// Disputes in a document, on its annotated sentences and quotes (or simple splitting without them).
    public func disputes(in document: Document) -> [Dispute] {
        let bytes = Array(document.text.utf8)
        let sentences = document.annotations.sentences.isEmpty
            ? FallbackSentenceSplitter.sentences(in: bytes)
            : document.annotations.sentences.map(\.range)
        let quotes = document.annotations.quotes.map(\.range)
        let context = DisputeContext(bytes: bytes, sentences: sentences, quotes: quotes, tokenizer: tokenizer)
        var out: [Dispute] = []
        for index in sentences.indices {
            if let dispute = context.dispute(inSentence: index) { out.append(dispute) }
        }
        return out
    }

    /// Disputes in plain text, split into sentences on its punctuation.
    public func disputes(in text: String) -> [Dispute] {
        disputes(in: Document(contentHash: "", source: "", format: .text, original: [], text: text,
                              paragraphs: [], metadata: DocumentMetadata(), removed: []))
    }
}

/// One document's bytes, sentences and quotes, as the detector reads them.
private struct DisputeContext {
    let bytes: [UInt8]
    let sentences: [Range<Int>]
    let quotes: [Range<Int>]
    let tokenizer: StatementTokenizer
    typealias L = DisputeLexicon

    /// A sentence's tokens and the quote interiors inside it.
    struct Clause {
        var range: Range<Int>
        var tokens: [StatementToken]
        var quotes: [Range<Int>]

        func quote(containing index: Int) -> Range<Int>? {
            quotes.first { $0.contains(tokens[index].range.lowerBound) }
        }
    }

    func clause(_ index: Int) -> Clause {
        let range = sentences[index]
        let tokens = tokenizer.tokens(bytes, in: range)
        var interiors = quotes.compactMap { quote -> Range<Int>? in
            let lower = max(quote.lowerBound, range.lowerBound)
            let upper = min(quote.upperBound, range.upperBound)
            return lower < upper ? lower..<upper : nil
        }
        // Pair quote marks inside the sentence too: curly marks by direction, straight ones in turn.
        var open: Int?
        for token in tokens where token.kind == .punctuation && token.folded == "\"" {
            let lead = bytes[token.range.lowerBound]
            let isClose = lead == 0xE2 && bytes[token.range.lowerBound + 2] == 0x9D
            let isOpen = lead == 0xE2 && bytes[token.range.lowerBound + 2] == 0x9C
            if let start = open, isClose || lead == 0x22 {
                if !interiors.contains(where: { $0.overlaps(start..<token.range.lowerBound) }), start < token.range.lowerBound {
                    interiors.append(start..<token.range.lowerBound)
                }
                open = nil
            } else if isOpen || lead == 0x22 {
                open = token.range.upperBound
            }
        }
        return Clause(range: range, tokens: tokens, quotes: interiors.sorted { $0.lowerBound < $1.lowerBound })
    }

    func dispute(inSentence index: Int) -> Dispute? {
        let c = clause(index)
        for i in c.tokens.indices where c.tokens[i].isWord {
            let word = c.tokens[i].folded
            var found: (cue: String, target: Range<Int>?, claimant: String?)?
            if L.falsehood.contains(word) || L.truth.contains(word) {
                found = predicate(c, at: i, sentence: index)
            } else if L.refutingVerbs.contains(word) {
                found = refutingVerb(c, at: i, sentence: index)
            } else if word == "contrary", i + 1 < c.tokens.count, c.tokens[i + 1].folded == "to" {
                found = contrary(c, at: i, sentence: index)
            } else if word == "evidence", i > 0, ["no", "without", "little", "scant"].contains(c.tokens[i - 1].folded) {
                found = evidence(c, at: i, sentence: index)
            } else if L.falsely.contains(word) {
                found = falselySaid(c, at: i, sentence: index)
            }
            if let found, found.target != nil || found.claimant != nil {
                return Dispute(sentence: c.range, cue: found.cue, target: found.target.map(trim), claimant: found.claimant)
            }
        }
        return nil
    }

    // MARK: - 1, 2: "is false", "the false claim that"

    private func predicate(_ c: Clause, at i: Int, sentence: Int) -> (String, Range<Int>?, String?)? {
        let tokens = c.tokens
        let lower = c.quote(containing: i).flatMap { q in tokens.firstIndex { q.contains($0.range.lowerBound) } } ?? 0
        var k = i - 1
        var negations = 0
        var linker = false
        var firstNegation = i
        while k >= lower {
            let word = tokens[k].folded
            guard tokens[k].kind != .punctuation else { break }
            if L.negators.contains(word) {
                negations += 1
                firstNegation = k
            } else if L.linkers.contains(word) {
                linker = true
            } else if !L.intensifiers.contains(word) {
                break
            }
            k -= 1
        }
        let isFalsehood = L.falsehood.contains(tokens[i].folded)
        // "the case" is only a cue as "not the case".
        if tokens[i].folded == "case", i == 0 || tokens[i - 1].folded != "the" { return nil }
        guard isFalsehood ? negations % 2 == 0 : negations % 2 == 1 else { return nil }
        let cue = negations > 0 ? text(tokens[firstNegation].range.lowerBound..<tokens[i].range.upperBound).lowercased()
                                : tokens[i].folded
        // "a false choice", "a false happiness": the cue qualifies a noun that names no claim.
        if i + 1 < tokens.count, tokens[i + 1].isWord, tokens[i + 1].isContent, !L.claimNouns.contains(tokens[i + 1].folded),
           !L.followers.contains(tokens[i + 1].folded) {
            return nil
        }
        guard linker else {
            // Attributive: only before a claim noun ("a false claim that ...", "baseless allegations").
            guard isFalsehood, i + 1 < tokens.count, L.claimNouns.contains(tokens[i + 1].folded) else { return nil }
            return (cue, claimNounTarget(c, noun: i + 1, limit: tokens.count - 1, sentence: sentence), nil)
        }
        guard k >= lower else {
            // Nothing before the verb: "Not true, said the spokesman." points back.
            return (cue, anaphora(c, before: i, sentence: sentence), nil)
        }
        // "It is false that ...": the clause after the cue.
        if tokens[k].folded == "it", i + 2 < tokens.count, tokens[i + 1].folded == "that" {
            return (cue, span(c, from: i + 2, to: clauseEnd(c, from: i)), nil)
        }
        return subject(c, head: k, lower: lower, sentence: sentence).map { (cue, $0.0, $0.1) }
    }

    /// What the subject ending at `head` refers to.
    private func subject(_ c: Clause, head: Int, lower: Int, sentence: Int) -> (Range<Int>?, String?)? {
        let tokens = c.tokens
        let word = tokens[head].folded
        if tokens[head].isQuoteMark, let quote = c.quotes.last(where: { $0.upperBound <= tokens[head].range.lowerBound }) {
            return (quote, nil)
        }
        if L.claimNouns.contains(word) {
            return (claimNounTarget(c, noun: head, limit: head, sentence: sentence), nil)
        }
        if word == "which" {
            if let quote = c.quotes.last(where: { $0.upperBound <= tokens[head].range.lowerBound }) { return (quote, nil) }
            return (reportedClause(c, upTo: head - 1), nil)
        }
        if L.pronouns.contains(word) {
            return (anaphora(c, before: head, sentence: sentence), nil)
        }
        // "what Smith said is false".
        if L.speechVerbs.contains(word), let what = (lower..<head).last(where: { tokens[$0].folded == "what" }) {
            let name = ((what + 1)..<head).filter { tokens[$0].isCapitalized }.map { text(tokens[$0].range) }
            return (anaphora(c, before: what, sentence: sentence), name.isEmpty ? nil : name.joined(separator: " "))
        }
        // "the claim that vaccines cause autism is false", "his claim about the vote is wrong".
        var j = head - 1
        while j >= lower, tokens[j].kind != .punctuation || tokens[j].isQuoteMark {
            if L.claimNouns.contains(tokens[j].folded), j + 1 <= head,
               ["that", "about", "regarding", "concerning", "on", "of"].contains(tokens[j + 1].folded) {
                return (claimNounTarget(c, noun: j, limit: head, sentence: sentence), nil)
            }
            j -= 1
        }
        return nil
    }

    /// The target of a claim noun: its that-clause up to `limit`, a quote right after it, or what
    /// it points back at.
    private func claimNounTarget(_ c: Clause, noun: Int, limit: Int, sentence: Int) -> Range<Int>? {
        let tokens = c.tokens
        if noun + 2 <= limit, tokens[noun + 1].folded == "that", tokens[noun + 2].kind != .punctuation || tokens[noun + 2].isQuoteMark {
            // "the claim that ..." unless "that" is a relative pronoun before a verb ("a claim that is false").
            if !L.linkers.contains(tokens[noun + 2].folded), !L.auxiliaries.contains(tokens[noun + 2].folded) {
                return span(c, from: noun + 2, to: limit)
            }
        }
        if noun + 1 < tokens.count, tokens[noun + 1].isQuoteMark,
           let quote = c.quotes.first(where: { $0.lowerBound >= tokens[noun + 1].range.upperBound }) {
            return quote
        }
        return anaphora(c, before: noun, sentence: sentence)
    }

    // MARK: - 3: "denied that", "disputed the report"

    private func refutingVerb(_ c: Clause, at i: Int, sentence: Int) -> (String, Range<Int>?, String?)? {
        let tokens = c.tokens
        for back in 1...2 where i - back >= 0 && L.negators.contains(tokens[i - back].folded) { return nil }
        var j = i + 1
        while j < tokens.count, ["flatly", "strongly", "vehemently", "firmly", "categorically", "publicly", "quickly", "also"]
            .contains(tokens[j].folded) { j += 1 }
        guard j < tokens.count else { return nil }
        let cue = tokens[i].folded
        if tokens[j].folded == "that" {
            if let clause = span(c, from: j + 1, to: clauseEnd(c, from: i)) { return (cue, clause, nil) }
            return (cue, anaphora(c, before: i, sentence: sentence), nil)
        }
        if tokens[j].isQuoteMark, let quote = c.quotes.first(where: { $0.lowerBound >= tokens[j].range.lowerBound }) {
            return (cue, quote, nil)
        }
        // "denied it." points back; "denied it further loans" does not.
        if ["it", "this", "these", "those"].contains(tokens[j].folded),
           j + 1 == tokens.count || tokens[j + 1].kind == .punctuation || L.followers.contains(tokens[j + 1].folded) {
            return (cue, anaphora(c, before: i, sentence: sentence), nil)
        }
        // A claim noun within a short noun phrase: "the report", "Smith's account", "reports that".
        var k = j
        while k < min(tokens.count, j + 4) {
            let word = tokens[k].folded
            if L.claimNouns.contains(word) {
                return (cue, claimNounTarget(c, noun: k, limit: clauseEnd(c, from: i), sentence: sentence), nil)
            }
            guard tokens[k].isWord, L.pointers.contains(word) || tokens[k].isCapitalized
                || ["latest", "new", "recent", "earlier", "widespread", "media", "press", "news"].contains(word) else { break }
            k += 1
        }
        return nil
    }

    // MARK: - 4: "contrary to what X said"

    private func contrary(_ c: Clause, at i: Int, sentence: Int) -> (String, Range<Int>?, String?)? {
        let tokens = c.tokens
        var j = i + 2
        guard j < tokens.count else { return nil }
        if tokens[j].folded == "what" {
            var names: [String] = []
            var k = j + 1
            while k < min(tokens.count, j + 8), !L.speechVerbs.contains(tokens[k].folded) {
                if tokens[k].isCapitalized, !TimeWords.names.contains(tokens[k].folded) { names.append(text(tokens[k].range)) }
                k += 1
            }
            guard k < tokens.count, L.speechVerbs.contains(tokens[k].folded) else { return nil }
            let quote = c.quotes.first { $0.lowerBound > tokens[k].range.lowerBound }
            return ("contrary to", quote, names.isEmpty ? nil : names.joined(separator: " "))
        }
        var names: [String] = []
        while j < min(tokens.count, i + 8), !L.claimNouns.contains(tokens[j].folded) {
            guard tokens[j].isWord, L.pointers.contains(tokens[j].folded) || tokens[j].isCapitalized else { return nil }
            if tokens[j].isCapitalized { names.append(text(tokens[j].range)) }
            j += 1
        }
        guard j < tokens.count, L.claimNouns.contains(tokens[j].folded), j > i + 2 || tokens[j].folded.hasSuffix("s") else { return nil }
        // The that-clause ends at the comma that closes the "contrary to" phrase.
        let comma = ((j + 1)..<tokens.count).first { tokens[$0].folded == "," } ?? tokens.count - 1
        var target: Range<Int>?
        if j + 1 < tokens.count, tokens[j + 1].folded == "that" { target = span(c, from: j + 2, to: comma - 1) }
        if target == nil, names.isEmpty, j > i + 2 { target = anaphora(c, before: i, sentence: sentence) }
        return ("contrary to", target, names.isEmpty ? nil : names.joined(separator: " "))
    }

    // MARK: - 5: "without evidence"

    private func evidence(_ c: Clause, at i: Int, sentence: Int) -> (String, Range<Int>?, String?)? {
        let tokens = c.tokens
        let cue = tokens[i - 1].folded + " evidence"
        var j = i + 1
        while j < tokens.count, tokens[j].folded == "," { j += 1 }
        guard j < tokens.count else { return nil }
        if tokens[j].folded == "that" { return (cue, span(c, from: j + 1, to: clauseEnd(c, from: i)), nil) }
        if ["to", "for", "of"].contains(tokens[j].folded) {
            var k = j + 1
            if k < tokens.count, tokens[k].folded == "support" { k += 1 }
            while k < min(tokens.count, j + 6) {
                if L.claimNouns.contains(tokens[k].folded) {
                    return (cue, claimNounTarget(c, noun: k, limit: tokens.count - 1, sentence: sentence), nil)
                }
                if ["this", "that", "it"].contains(tokens[k].folded), k == j + 1 || tokens[k - 1].folded == "support" {
                    return (cue, anaphora(c, before: i, sentence: sentence), nil)
                }
                guard tokens[k].isWord, L.pointers.contains(tokens[k].folded) || tokens[k].isCapitalized else { break }
                k += 1
            }
            return nil
        }
        // "claimed without evidence the vote was rigged".
        if tokens[i - 1].folded == "without", (max(0, i - 4)..<i).contains(where: { L.speechVerbs.contains(tokens[$0].folded) }) {
            return (cue, span(c, from: j, to: tokens.count - 1), nil)
        }
        return nil
    }

    // MARK: - 6: "falsely claimed"

    private func falselySaid(_ c: Clause, at i: Int, sentence: Int) -> (String, Range<Int>?, String?)? {
        let tokens = c.tokens
        guard let verb = ((i + 1)..<min(tokens.count, i + 3)).first(where: { L.speechVerbs.contains(tokens[$0].folded) })
                ?? (i > 0 && L.speechVerbs.contains(tokens[i - 1].folded) ? i - 1 : nil) else { return nil }
        let start = max(verb, i) + 1
        guard start < tokens.count else { return nil }
        if tokens[start].folded == "that" { return (tokens[i].folded, span(c, from: start + 1, to: clauseEnd(c, from: i)), nil) }
        if let quote = c.quotes.first(where: { $0.lowerBound >= tokens[start].range.lowerBound }) { return (tokens[i].folded, quote, nil) }
        return (tokens[i].folded, span(c, from: start, to: tokens.count - 1), nil)
    }

    // MARK: - Targets

    /// What a pointer before token `index` refers to: a quote earlier in this sentence, else the
    /// last quote of the sentence before, else what that sentence reports after "said that", else
    /// the whole sentence before.
    private func anaphora(_ c: Clause, before index: Int, sentence: Int) -> Range<Int>? {
        if let quote = c.quotes.last(where: { $0.upperBound <= c.tokens[index].range.lowerBound }) { return quote }
        guard sentence > 0 else { return nil }
        let previous = clause(sentence - 1)
        if let quote = previous.quotes.last { return trim(quote) }
        if let reported = reportedClause(previous, upTo: previous.tokens.count - 1) { return reported }
        return trim(previous.range)
    }

    /// The clause after "said that" / "stating that" before `limit`, or the words up to `limit`.
    private func reportedClause(_ c: Clause, upTo limit: Int) -> Range<Int>? {
        let tokens = c.tokens
        guard limit >= 0 else { return nil }
        for k in stride(from: min(limit, tokens.count - 1) - 1, through: 1, by: -1) where tokens[k].folded == "that" {
            // "said that", "said in March that": a speech verb a few words before, no punctuation between.
            var j = k - 1
            while j >= max(0, k - 5), tokens[j].kind != .punctuation, !L.speechVerbs.contains(tokens[j].folded) { j -= 1 }
            guard j >= max(0, k - 5), L.speechVerbs.contains(tokens[j].folded) else { continue }
            if let clause = span(c, from: k + 1, to: limit) { return clause }
        }
        return span(c, from: 0, to: limit)
    }

    /// The last token of the clause holding token `i`: the end of its quote when it is quoted, else
    /// the end of the sentence.
    private func clauseEnd(_ c: Clause, from i: Int) -> Int {
        guard let quote = c.quote(containing: i) else { return c.tokens.count - 1 }
        return c.tokens.lastIndex { quote.contains($0.range.lowerBound) } ?? c.tokens.count - 1
    }

    /// The bytes from token `from` to the last word at or before `to` (punctuation trimmed), when
    /// it holds at least two words.
    private func span(_ c: Clause, from: Int, to: Int) -> Range<Int>? {
        let tokens = c.tokens
        guard from >= 0, from < tokens.count else { return nil }
        var last = min(to, tokens.count - 1)
        while last >= from, tokens[last].kind == .punctuation { last -= 1 }
        var first = from
        while first <= last, tokens[first].kind == .punctuation { first += 1 }
        guard last >= first, (first...last).filter({ tokens[$0].kind != .punctuation }).count >= 2 else { return nil }
        return tokens[first].range.lowerBound..<tokens[last].range.upperBound
    }

    private func trim(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        let marks: Set<UInt8> = [0x20, 0x0A, 0x2E, 0x2C, 0x22, 0x27, 0x3B, 0x3A]
        while lower < upper, marks.contains(bytes[lower]) { lower += 1 }
        while upper > lower, marks.contains(bytes[upper - 1]) { upper -= 1 }
        // Curly quote marks (three bytes, E2 80 9C/9D/98/99) at either edge.
        while upper - lower >= 3, bytes[lower] == 0xE2, bytes[lower + 1] == 0x80, (0x98...0x9D).contains(bytes[lower + 2]) { lower += 3 }
        while upper - lower >= 3, bytes[upper - 3] == 0xE2, bytes[upper - 2] == 0x80, (0x98...0x9D).contains(bytes[upper - 1]) { upper -= 3 }
        return lower..<upper
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

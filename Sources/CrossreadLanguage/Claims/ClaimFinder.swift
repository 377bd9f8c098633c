import CrossreadCore

/// Finds sentences that assert something checkable and scores how worth checking they are.
///
/// A sentence is a claim when it carries at least one kind of checkable content: a quoted
/// assertion with a speaker ("quote"), a figure ("number"), an event with a date ("dated event"),
/// or a comparison ("comparison"). Questions, sentences under five words, title-case headings
/// and reader-facing boilerplate (appeals, captions, credits) are never claims. The score adds
/// weights for each kind and for named entities, and subtracts for hedges and opinion words
/// ("should", "may", "crucial"), so an opinion without content falls below the 0.3 floor.
public struct ClaimFinder: Sendable {
    /// Claims below this score are not returned.
    public var minimumScore: Double

    public init(minimumScore: Double = 0.3) {
        self.minimumScore = minimumScore
    }

    public func claims(in text: String, sentences: [Sentence], quotes: [Quote], times: [TimeExpression],
                       mentions: [EntityMention]) -> [Claim] {
        claims(in: FinderText(text), sentences: sentences, quotes: quotes, times: times, mentions: mentions)
    }

    func claims(in text: FinderText, sentences: [Sentence], quotes: [Quote], times: [TimeExpression],
                mentions: [EntityMention]) -> [Claim] {
        let ranges = sentences.isEmpty ? text.fallbackSentences() : sentences.map(\.range)
        let context = Context(text: text, quotes: quotes.sorted { $0.range.lowerBound < $1.range.lowerBound },
                              times: times.map(\.range).sorted { $0.lowerBound < $1.lowerBound },
                              mentions: mentions.sorted { $0.range.lowerBound < $1.range.lowerBound })
        var result: [Claim] = []
        for range in ranges {
            if let claim = judge(range, context), claim.score >= minimumScore { result.append(claim) }
        }
        return result
    }

    /// The text and the spans a claim is judged by, sorted by start for binary search.
    struct Context {
        let text: FinderText
        let quotes: [Quote]
        let times: [Range<Int>]
        let mentions: [EntityMention]

        /// Index of the first span ending after `offset`.
        static func first<T>(_ items: [T], endingAfter offset: Int, _ range: (T) -> Range<Int>) -> Int {
            var low = 0
            var high = items.count
            while low < high {
                let mid = (low + high) / 2
                if range(items[mid]).lowerBound < offset { low = mid + 1 } else { high = mid }
            }
            // Spans starting before `offset` may still reach past it: step back over them.
            while low > 0, range(items[low - 1]).upperBound > offset { low -= 1 }
            return low
        }

        func overlapping<T>(_ items: [T], _ range: Range<Int>, _ span: (T) -> Range<Int>) -> ArraySlice<T> {
            var start = Context.first(items, endingAfter: range.lowerBound, span)
            while start < items.count, span(items[start]).upperBound <= range.lowerBound { start += 1 }
            var end = start
            while end < items.count, span(items[end]).lowerBound < range.upperBound { end += 1 }
            return items[start..<end]
        }
    }

    private func judge(_ range: Range<Int>, _ context: Context) -> Claim? {
        let text = context.text
        let tokens = text.tokens(in: range)
        guard !tokens.isEmpty else { return nil }
        let quotesHere = context.overlapping(context.quotes, range) { $0.range }
        let timesHere = context.overlapping(context.times, range) { $0 }
        let mentionsHere = context.overlapping(context.mentions, range) { $0.range }
        var words = 0
        var capitalized = 0
        var numbers = 0
        var comparisons = 0
        var hedges = 0
        var readerWords = 0
        var boilerplate = 0
        var verbs = 0
        for t in tokens {
            switch text.kind(t) {
            case .word:
                words += 1
                if text.isCapitalized(t) { capitalized += 1 }
                if let flags = ClaimLexicon.flags.value(text.bytes, text.tokens[t].range) {
                    // "three times" is a figure, "the two leaders" is not.
                    if flags.contains(.number), !(t > 0 && ClaimLexicon.flags.value(text.bytes, text.tokens[t - 1].range)?.contains(.definite) == true) {
                        numbers += 1
                    }
                    if flags.contains(.comparison) { comparisons += 1 }
                    if flags.contains(.hedge) { hedges += 1 }
                    if flags.contains(.boilerplate) { boilerplate += 1 }
                    if flags.contains(.reader), !quotesHere.contains(where: { $0.range.contains(text.tokens[t].range.lowerBound) }) {
                        readerWords += 1
                    }
                    if flags.contains(.pastVerb) { verbs += 1 }
                } else if isPastParticiple(t, text) {
                    verbs += 1
                }
            case .number:
                words += 1
                if !timesHere.contains(where: { $0.overlaps(text.tokens[t].range) }) { numbers += 1 }
            case .symbol:
                let b = text.bytes[text.tokens[t].range.lowerBound]
                if b == UInt8(ascii: "%") || b == UInt8(ascii: "$") || b == 0xE2 || b == 0xC2 { numbers += 1 }
            default:
                break
            }
        }
        var end = tokens.upperBound - 1
        while end > tokens.lowerBound, text.kind(end) == .quote { end -= 1 }
        if text.isPunctuation(end, "?") { return nil }
        let hasFinalPunctuation = text.isSentenceEnd(end)
        guard words >= 5 else { return nil }
        // A heading: no final punctuation and mostly capitalized words.
        if !hasFinalPunctuation, capitalized * 10 >= words * 6 { return nil }
        if boilerplate >= 1, readerWords >= 1 { return nil }
        if boilerplate >= 2, text.token(tokens.lowerBound, is: "photo") || capitalized * 2 >= words { return nil }

        var kinds: [String] = []
        var score = 0.0
        var speaker: String? = nil
        for quote in quotesHere {
            let quotedWords = text.tokens(in: quote.range).filter { text.kind($0) == .word || text.kind($0) == .number }.count
            guard quote.speaker != nil || quote.speakerName != nil, quotedWords >= 5 else { continue }
            speaker = quote.speaker
            kinds.append("quote")
            score += 0.35
            break
        }
        let entityCount = mentionsHere.filter { $0.type == .person || $0.type == .organization || $0.type == .place }.count
        let figures = mentionsHere.contains { $0.type == .amount || $0.type == .percent }
        if numbers > 0 || figures {
            kinds.append("number")
            score += 0.3
        }
        if !timesHere.isEmpty, verbs > 0 {
            kinds.append("dated event")
            score += 0.25
        }
        if comparisons > 0 {
            kinds.append("comparison")
            score += 0.15
        }
        guard !kinds.isEmpty else { return nil }
        if entityCount >= 1 { score += 0.1 }
        if entityCount >= 2 { score += 0.05 }
        score -= min(0.3, 0.1 * Double(hedges))
        if readerWords > 0 { score -= 0.2 }
        score = min(1, max(0, score))
        return Claim(range: range, score: (score * 100).rounded() / 100, speaker: speaker, kinds: kinds)
    }

    /// A lowercase word ending in "-ed" (not "-eed"): a past tense or participle.
    private func isPastParticiple(_ t: Int, _ text: FinderText) -> Bool {
        let r = text.tokens[t].range
        guard r.count >= 5, !text.isCapitalized(t) else { return false }
        let b = text.bytes
        return b[r.upperBound - 1] == UInt8(ascii: "d") && b[r.upperBound - 2] == UInt8(ascii: "e")
            && b[r.upperBound - 3] != UInt8(ascii: "e")
    }
}

import CrossreadCore

/// Turns one document into statements: the sentences of its narrative (subheadings and sentences
/// that are mostly a quote left out) and the segments of its quotes, split at sentence ends and at
/// a dash that opens a new clause ("The call went well—We agree").
struct StatementExtractor: Sendable {
    var minimumTerms = 3
    private let tokenizer = StatementTokenizer()

    func statements(of document: Document, documentIndex: Int, source: Int, cache: TermCache = TermCache()) -> [Statement] {
        let bytes = Array(document.text.utf8)
        let annotations = document.annotations
        let sentences = annotations.sentences.isEmpty
            ? FallbackSentenceSplitter.sentences(in: bytes)
            : annotations.sentences.map(\.range)
        let headings = document.paragraphs.filter { $0.kind == .subheading }.map(\.range)
        let context = DocumentContext(document: document, bytes: bytes, sentences: sentences,
                                      source: source, documentIndex: documentIndex)
        var out: [Statement] = []
        let quotes = annotations.quotes.filter { !$0.range.isEmpty }
        for sentence in sentences where !headings.contains(where: { $0.overlaps(sentence) }) {
            let tokens = tokenizer.tokens(bytes, in: sentence, cache: cache)
            let content = tokens.filter(\.isContent)
            guard content.count >= minimumTerms else { continue }
            let outsideTokens = content.filter { token in !quotes.contains { $0.range.contains(token.range.lowerBound) } }
            let inside = content.count - outsideTokens.count
            // A sentence that is mostly a quote, or a quote and its attribution ("Smith wrote on
            // Facebook"), is compared through its quote segments.
            let narrative = outsideTokens.filter { !$0.isCapitalized && !Self.attributionWords.contains($0.folded) }.count
            if inside > 0, narrative < minimumTerms || Double(outsideTokens.count) < 0.3 * Double(content.count) { continue }
            out.append(makeStatement(span: sentence, sentence: sentence, tokens: tokens, quote: nil, context: context))
        }
        for quote in quotes {
            for segment in segments(of: quote.range, bytes: bytes, sentences: sentences) {
                let tokens = tokenizer.tokens(bytes, in: segment, cache: cache)
                // A quote is explicit speech: two content words make a statement ("same side", "every issue").
                guard tokens.filter(\.isContent).count >= max(2, minimumTerms - 1) else { continue }
                let sentence = sentences.first { $0.contains(segment.lowerBound) } ?? segment
                out.append(makeStatement(span: segment, sentence: sentence, tokens: tokens, quote: quote, context: context))
            }
        }
        return out
    }

    /// A statement for an arbitrary span of a document (a disputed clause, a quoted claim).
    func statement(of document: Document, span: Range<Int>, documentIndex: Int, source: Int,
                   cache: TermCache? = nil) -> Statement {
        let bytes = Array(document.text.utf8)
        let sentences = document.annotations.sentences.isEmpty
            ? FallbackSentenceSplitter.sentences(in: bytes)
            : document.annotations.sentences.map(\.range)
        let context = DocumentContext(document: document, bytes: bytes, sentences: sentences,
                                      source: source, documentIndex: documentIndex)
        let sentence = sentences.first { $0.contains(span.lowerBound) } ?? span
        let quote = document.annotations.quotes.first { $0.range.contains(span.lowerBound) && $0.range.upperBound >= span.upperBound }
        return makeStatement(span: span, sentence: sentence, tokens: tokenizer.tokens(bytes, in: span, cache: cache), quote: quote,
                             context: context)
    }

    // MARK: - Building

    private struct DocumentContext {
        var document: Document
        var bytes: [UInt8]
        var sentences: [Range<Int>]
        var source: Int
        var documentIndex: Int
    }

    private func makeStatement(span: Range<Int>, sentence: Range<Int>, tokens: [StatementToken], quote: Quote?,
                               context: DocumentContext) -> Statement {
        let annotations = context.document.annotations
        var terms: [String] = []
        var seen = Set<String>()
        var nameTerms = Set<String>()
        for (index, token) in tokens.enumerated() where token.isContent && !token.term.isEmpty {
            if seen.insert(token.term).inserted { terms.append(token.term) }
            if token.isCapitalized, index > 0, tokens[index - 1].kind != .punctuation || tokens[index - 1].folded == "," {
                nameTerms.insert(token.term)
            }
        }
        let times = annotations.times.filter { span.contains($0.range.lowerBound) }
        let clauses = quote == nil ? Self.clauses(tokens, minimumTerms: minimumTerms) : []
        let speakerKey = quote.flatMap { quote in
            (quote.speaker.flatMap { id in annotations.entities.first { $0.id == id }?.name } ?? quote.speakerName)
                .map(Self.surnameKey)
        }
        return Statement(
            documentIndex: context.documentIndex, document: context.document.id, source: context.source,
            sentence: sentence, span: span, text: Self.trimmedText(context.bytes, span), isQuote: quote != nil,
            speaker: quote?.speaker, speakerName: quote?.speakerName, speakerKey: speakerKey, venue: quote?.venue,
            tokens: tokens, terms: terms, nameTerms: nameTerms,
            numbers: NumberMention.find(in: tokens, bytes: context.bytes, skipping: times.map(\.range)),
            people: people(in: span, tokens: tokens, context: context),
            places: places(in: span, tokens: tokens, context: context),
            dates: times.compactMap(\.value),
            explicitDates: times.filter { Self.isExplicit(context.bytes, $0.range) }.compactMap(\.value),
            isClaim: annotations.claims.contains { $0.range.overlaps(sentence) },
            clauseTerms: clauses.count >= 2 ? clauses : [])
    }

    /// Folded surnames of the people named in the span; without entity annotations, the folded
    /// capitalized words that do not open the sentence.
    private func people(in span: Range<Int>, tokens: [StatementToken], context: DocumentContext) -> Set<String> {
        let annotations = context.document.annotations
        guard !annotations.mentions.isEmpty else {
            var names = Set<String>()
            for (index, token) in tokens.enumerated() where index > 0 && token.isWord && token.isCapitalized
                && token.isContent && !TimeWords.names.contains(token.folded) {
                names.insert(token.folded)
            }
            return names
        }
        var people = Set<String>()
        for mention in annotations.mentions where mention.type == .person && span.contains(mention.range.lowerBound) {
            let name = annotations.entities.first { $0.id == mention.entity }?.name
                ?? Self.trimmedText(context.bytes, mention.range)
            people.insert(Self.surnameKey(name))
        }
        return people
    }

    /// A time expression that names its date: it holds a digit or a month name.
    static func isExplicit(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard range.upperBound <= bytes.count else { return false }
        if bytes[range].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return true }
        let words = String(decoding: bytes[range], as: UTF8.self).lowercased().split { !$0.isLetter }
        return words.contains { TimeWords.months.contains(String($0)) }
    }

    /// Places introduced by "in", "at" or "near".
    private func places(in span: Range<Int>, tokens: [StatementToken], context: DocumentContext) -> [String] {
        var out: [String] = []
        for mention in context.document.annotations.mentions where mention.type == .place && span.contains(mention.range.lowerBound) {
            guard let index = tokens.firstIndex(where: { $0.range.lowerBound >= mention.range.lowerBound }) else { continue }
            var k = index - 1
            if k >= 0, tokens[k].folded == "the" { k -= 1 }
            guard k >= 0, ["in", "at", "near"].contains(tokens[k].folded) else { continue }
            let name = Self.placeName(Self.trimmedText(context.bytes, mention.range))
            if !name.isEmpty { out.append(name) }
        }
        return out
    }

    /// Spans of a quote's segments: split at sentence ends inside it and at a dash or semicolon
    /// followed by a capital letter.
    private func segments(of range: Range<Int>, bytes: [UInt8], sentences: [Range<Int>]) -> [Range<Int>] {
        var cuts: [Int] = [range.lowerBound]
        for sentence in sentences where sentence.lowerBound > range.lowerBound && sentence.lowerBound < range.upperBound {
            cuts.append(sentence.lowerBound)
        }
        var i = range.lowerBound
        while i < range.upperBound {
            var width = 0
            if bytes[i] == 0x3B { width = 1 }
            else if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x94 || bytes[i + 2] == 0x93 { width = 3 }
            if width > 0 {
                var j = i + width
                while j < range.upperBound, bytes[j] == 0x20 { j += 1 }
                if j < range.upperBound, bytes[j] >= 0x41 && bytes[j] <= 0x5A { cuts.append(j) }
                i += width
            } else {
                i += 1
            }
        }
        cuts.sort()
        var out: [Range<Int>] = []
        for (n, cut) in cuts.enumerated() {
            let end = n + 1 < cuts.count ? cuts[n + 1] : range.upperBound
            let trimmed = Self.trim(bytes, cut..<end)
            if !trimmed.isEmpty { out.append(trimmed) }
        }
        return out
    }

    /// Content terms per clause: a sentence splits at a semicolon, and at a comma or dash before a
    /// participle ("focusing"), a relative or contrasting word ("which", "while", "but"); a clause
    /// with fewer than `minimumTerms` terms joins the one before.
    static func clauses(_ tokens: [StatementToken], minimumTerms: Int) -> [[String]] {
        var clauses: [[String]] = [[]]
        for (index, token) in tokens.enumerated() {
            if token.kind == .punctuation, index + 1 < tokens.count {
                let next = tokens[index + 1]
                let breaks = token.folded == ";"
                    || ((token.folded == "," || token.folded == "-") && next.isWord && !next.isCapitalized
                        && (clauseOpeners.contains(next.folded) || (next.folded.hasSuffix("ing") && next.folded.count > 5)))
                if breaks, Set(clauses[clauses.count - 1]).count >= minimumTerms { clauses.append([]) }
                continue
            }
            if token.isContent, !token.term.isEmpty { clauses[clauses.count - 1].append(token.term) }
        }
        if clauses.count >= 2, Set(clauses[clauses.count - 1]).count < minimumTerms {
            let last = clauses.removeLast()
            clauses[clauses.count - 1] += last
        }
        return clauses
    }

    /// Words that attribute a quote rather than state anything: speech verbs and where it was said.
    static let attributionWords: Set<String> = DisputeLexicon.speechVerbs.union([
        "interview", "post", "statement", "press", "conference", "reporters", "journalists", "video", "message",
        "tweet", "remarks", "speech", "briefing", "residents", "audience", "crowd", "supporters", "account", "page",
        "social", "media", "platform", "added", "adding", "noted", "noting", "asserted", "stressed", "explained",
        "continued", "replied", "later", "earlier", "also", "then", "first",
    ])

    private static let clauseOpeners: Set<String> = [
        "which", "who", "while", "whereas", "but", "although", "though", "after", "when", "where",
    ]

    // MARK: - Text

    static func surnameKey(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
        var last = String(words.last ?? "").lowercased()
        for suffix in ["'s", "\u{2019}s"] where last.hasSuffix(suffix) { last.removeLast(2) }
        if ["jr", "jr.", "sr", "sr.", "ii", "iii"].contains(last), words.count >= 2 {
            last = String(words[words.count - 2]).lowercased()
        }
        return last.trimmingPunctuation()
    }

    /// A place name without trailing lowercase words and day names ("Gulf of Aden on Thursday" is "Gulf of Aden").
    static func placeName(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        while let last = words.last, last.first?.isUppercase != true || TimeWords.names.contains(last.lowercased()) {
            words.removeLast()
        }
        return words.joined(separator: " ").trimmingPunctuation()
    }

    static func trim(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = min(range.upperBound, bytes.count)
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x0A || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x0A || bytes[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }

    static func trimmedText(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        let trimmed = trim(bytes, range)
        return String(decoding: bytes[trimmed], as: UTF8.self)
    }
}

extension String {
    /// Without leading and trailing ASCII punctuation and quote marks.
    func trimmingPunctuation() -> String {
        let marks: Set<Character> = [".", ",", ";", ":", "!", "?", "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}",
                                     "\u{2019}", "-", "\u{2014}", "\u{2013}"]
        var slice = Substring(self)
        while let first = slice.first, marks.contains(first) { slice.removeFirst() }
        while let last = slice.last, marks.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
